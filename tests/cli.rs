//! The command line, run as a real process.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn yishi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yishi"))
        .args(args)
        .env_remove("YISHI_DATA_DIR")
        .output()
        .expect("run yishi")
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
        .display()
        .to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn check_accepts_every_sample() {
    let files: Vec<String> = [
        "beiyuanju-1.ron",
        "beiyuanju-2.ron",
        "beiyuanju-3.ron",
        "zigang-sibuzou.ron",
        "residents-meeting-no-quorum.ron",
    ]
    .iter()
    .map(|f| sample(f))
    .collect();
    let args: Vec<&str> = std::iter::once("check")
        .chain(files.iter().map(String::as_str))
        .collect();
    let out = yishi(&args);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("5 个文件均为有效的会议纪要"));
}

#[test]
fn check_prints_one_located_line_per_problem_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(sample("beiyuanju-3.ron")).unwrap();
    // A syntax error in one file…
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, good.replacen("kind: Hearing,", "kind: Hearing", 1)).unwrap();
    // …and in another, a named ballot flipped so the stored verdict no
    // longer follows, and a speech by nobody on the roster.
    let wrong = dir.path().join("wrong.ron");
    let flipped =
        good.replacen("choice: Yes", "choice: No", 3)
            .replacen("speaker: 1,", "speaker: 99,", 1);
    std::fs::write(&wrong, flipped).unwrap();
    let out = yishi(&[
        "check",
        broken.to_str().unwrap(),
        wrong.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let located = |l: &str, file: &Path| {
        let rest = l
            .strip_prefix(&format!("{}:", file.display()))
            .unwrap_or_else(|| panic!("{l}"));
        let mut parts = rest.splitn(3, ':');
        let line: usize = parts.next().unwrap().parse().unwrap();
        let col: usize = parts.next().unwrap().parse().unwrap();
        (line, col, parts.next().unwrap().trim().to_string())
    };
    let (line, _, msg) = located(lines[0], &broken);
    assert_eq!(
        line,
        good.lines()
            .position(|l| l.contains("kind: Hearing"))
            .unwrap()
            + 2
    );
    assert!(msg.contains("comma"), "{msg}");
    assert!(
        lines[1..]
            .iter()
            .any(|l| located(l, &wrong).2.contains("no attendee with id 99"))
    );
    assert!(
        lines[1..]
            .iter()
            .any(|l| located(l, &wrong).2.contains("recorded outcome"))
    );
    assert!(stderr(&out).contains("2 of 2 file(s) have problems"));
}

#[test]
fn export_writes_minutes_and_notice_in_each_format() {
    let dir = tempfile::tempdir().unwrap();
    for (format, marker) in [
        ("md", "## 五、表决情况"),
        ("html", "<h2>五、表决情况</h2>"),
        ("txt", "五、表决情况"),
    ] {
        let out_path = dir.path().join(format!("minutes.{format}"));
        let out = yishi(&[
            "export",
            &sample("beiyuanju-3.ron"),
            "--format",
            format,
            "-o",
            out_path.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = std::fs::read_to_string(&out_path).unwrap();
        assert!(text.contains(marker), "{format}");
        assert!(text.contains("9,240"), "{format}");
    }
    let out = yishi(&["export", &sample("beiyuanju-3.ron"), "--notice"]);
    assert!(out.status.success());
    let notice = stdout(&out);
    assert!(notice.contains("关于北苑居小区不再聘请物业公司、集资雇请保洁员的公示"));
    assert!(notice.contains("公示期满无异议后施行。"));
}

#[test]
fn export_of_a_notice_that_does_not_exist_fails_clearly() {
    let out = yishi(&[
        "export",
        &sample("residents-meeting-no-quorum.ron"),
        "--notice",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("这份纪要没有公示"),
        "{}",
        stderr(&out)
    );
    let out = yishi(&["export", "/nonexistent/会议.ron", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/会议.ron: cannot read: no such file or folder"));
}

fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

#[test]
fn list_shows_one_line_per_file_in_date_order() {
    let out = yishi(&["list", sample_dir().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[0].starts_with("2016-01-12  已结束"));
    assert!(lines[2].contains("实施结果已公开") && lines[2].contains("北苑居小区第三次听证协商会"));
    assert!(lines[2].ends_with("beiyuanju-3.ron"));
    // rules/charter-rules.ron is not minutes and is not listed.
    assert!(!text.contains("charter"));
}

#[test]
fn list_search_keeps_files_with_the_text_in_any_field() {
    let dir = sample_dir();
    let run = |q: &str| {
        let out = yishi(&["list", dir.to_str().unwrap(), "--search", q]);
        assert!(out.status.success());
        stdout(&out)
            .lines()
            .map(|l| l.rsplit('/').next().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    // Meetings 2 and 3 mention the cleaner's quote (a speech summary, a decision).
    assert_eq!(run("770元"), ["beiyuanju-2.ron", "beiyuanju-3.ron"]);
    assert_eq!(run("保洁员").len(), 3);
    assert_eq!(run("桃河小区"), ["residents-meeting-no-quorum.ron"]);
    assert!(run("不存在的词").is_empty());
    // Field names and enum values are not text.
    assert!(run("Hearing").is_empty());
}

#[test]
fn list_uses_the_data_folder_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample("zigang-sibuzou.ron"), dir.path().join("a.ron")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_yishi"))
        .args(["list"])
        .env("YISHI_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(stdout(&out).lines().count(), 1);
    // --data-dir wins over the environment.
    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_yishi"))
        .args(["--data-dir", empty.path().to_str().unwrap(), "list"])
        .env("YISHI_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "");
}

#[test]
fn fmt_rewrites_a_hand_edited_file_canonically_and_refuses_broken_ones() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("m.ron");
    let canonical = std::fs::read_to_string(sample("zigang-sibuzou.ron")).unwrap();
    std::fs::write(&file, canonical.replace("    ", "  ")).unwrap();
    let out = yishi(&["fmt", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), canonical);
    let broken = canonical.replacen("format_version: 1,", "format_version: 1", 1);
    std::fs::write(&file, &broken).unwrap();
    let out = yishi(&["fmt", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        broken,
        "a broken file is left alone"
    );
}
