use std::path::Path;

use super::*;
use crate::domain::fixture::small_meeting;
use crate::i18n::Lang;

fn p() -> &'static Path {
    Path::new("会议.ron")
}

#[test]
fn round_trips_with_chinese_unescaped_and_a_stable_field_order() {
    let m = small_meeting();
    let text = to_ron(&m);
    assert!(
        text.contains("title: \"北苑居小区第三次听证协商会\""),
        "{text}"
    );
    assert!(!text.contains("\\u{"), "Chinese must not be escaped");
    // Fields come in declaration order: format_version, meeting, roster…
    let fv = text.find("format_version").unwrap();
    let meeting = text.find("meeting:").unwrap();
    let roster = text.find("roster:").unwrap();
    assert!(fv < meeting && meeting < roster);
    let back = parse(p(), &text).unwrap();
    assert_eq!(back.minutes, m);
    assert!(!back.read_only);
    // Writing again gives the same bytes: diffs show only real changes.
    assert_eq!(to_ron(&back.minutes), text);
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let text =
        to_ron(&small_meeting()).replacen("place: \"邻里会客厅\",", "place: \"邻里会客厅\"", 1);
    let errs = parse(p(), &text).unwrap_err();
    assert_eq!(errs.len(), 1);
    let line = text
        .lines()
        .position(|l| l.contains("planned_start"))
        .unwrap()
        + 1;
    let at = errs[0].at.unwrap();
    assert_eq!(at.line, line, "{}", errs[0].render(Lang::Zh));
    assert!(
        errs[0]
            .render(Lang::Zh)
            .starts_with(&format!("会议.ron:{line}:"))
    );
    assert!(errs[0].zh.contains("逗号"), "{}", errs[0].zh);
}

#[test]
fn a_wrong_enum_value_lists_the_expected_ones() {
    let text = to_ron(&small_meeting()).replacen("kind: Hearing", "kind: Hearingg", 1);
    let errs = parse(p(), &text).unwrap_err();
    let line = text.lines().position(|l| l.contains("Hearingg")).unwrap() + 1;
    assert_eq!(errs[0].at.unwrap().line, line);
    assert!(errs[0].zh.contains("Hearingg") && errs[0].zh.contains("Consultation"));
    assert!(errs[0].en.contains("Hearingg"));
}

#[test]
fn an_unknown_field_in_a_current_file_is_an_error_at_its_place() {
    let text = to_ron(&small_meeting()).replacen(
        "        recorder:",
        "        faciliator: \"周立华\",\n        recorder:",
        1,
    );
    let errs = parse(p(), &text).unwrap_err();
    assert_eq!(errs.len(), 1);
    let line = text.lines().position(|l| l.contains("faciliator")).unwrap() + 1;
    assert_eq!(errs[0].at, Some(LineCol { line, col: 9 }));
    assert!(errs[0].zh.contains("faciliator"));
}

#[test]
fn a_file_from_a_newer_version_opens_read_only_and_names_new_fields() {
    let text = to_ron(&small_meeting())
        .replacen("format_version: 1", "format_version: 7", 1)
        .replacen(
            "        recorder:",
            "        livestream: Some(\"https://example.org\"),\n        recorder:",
            1,
        );
    let loaded = parse(p(), &text).unwrap();
    assert!(loaded.read_only);
    assert_eq!(loaded.version, 7);
    assert_eq!(loaded.minutes.meeting.recorder, "孙晓梅");
    assert!(loaded.warnings.iter().any(|w| w.zh.contains("livestream")));
    assert!(loaded.warnings[0].en.contains("format version 7"));
}

#[test]
fn version_zero_and_foreign_files_are_refused_clearly() {
    let text = to_ron(&small_meeting()).replacen("format_version: 1", "format_version: 0", 1);
    let errs = parse(p(), &text).unwrap_err();
    assert!(errs[0].en.contains("no such version"));

    let theme = "(name: \"dark\", roles: (title: (fg: \"#ffffff\")))";
    let errs = parse(p(), theme).unwrap_err();
    assert!(errs[0].en.contains("not a yishi minutes file"));
}

#[test]
fn semantic_problems_are_located() {
    let mut m = small_meeting();
    m.speeches.push(crate::domain::speech::Speech {
        speaker: 99,
        topic: Some(1),
        start: crate::domain::fixture::t("2016-03-15T14:40:00+08:00"),
        duration_secs: 90,
        stance: crate::domain::speech::Stance::For,
        summary: "同意".into(),
    });
    let text = to_ron(&m);
    let diags = check_problems(p(), &text, &m);
    assert_eq!(diags.len(), 1);
    let line = text
        .lines()
        .position(|l| l.contains("speaker: 99"))
        .unwrap()
        + 1;
    assert_eq!(diags[0].at.unwrap().line, line);
    assert!(diags[0].zh.starts_with("speeches[0].speaker："));
    assert!(diags[0].en.contains("no attendee with id 99"));
}

#[test]
fn a_file_that_is_not_utf8_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("坏.ron");
    std::fs::write(&path, b"(format_version: 1, \xff\xfe)").unwrap();
    let errs = read(&path).unwrap_err();
    assert!(errs[0].en.contains("not UTF-8"));
    assert_eq!(errs[0].at.map(|a| a.col), Some(21));
}

#[test]
fn atomic_save_replaces_the_file_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ron");
    let mut m = small_meeting();
    save(&path, &m).unwrap();
    m.meeting.place = "社区议事厅".into();
    save(&path, &m).unwrap();
    assert_eq!(read(&path).unwrap().minutes.meeting.place, "社区议事厅");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["m.ron".to_string()]);
}

#[test]
fn a_failed_save_leaves_the_old_file_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing-folder").join("m.ron");
    let err = save(&path, &small_meeting()).unwrap_err();
    assert!(
        err.render(Lang::En).contains("m.ron: cannot save"),
        "{}",
        err.render(Lang::En)
    );
    assert!(err.zh.contains("无法保存"));
}

#[test]
fn file_names_come_from_date_and_title_and_never_collide() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = small_meeting();
    m.meeting.title = "关于 3/4 单元: 加装电梯?".into();
    assert_eq!(
        paths::file_name(&m),
        "2016-03-15-关于-3_4-单元_-加装电梯_.ron"
    );
    let first = paths::new_file_path(dir.path(), &m);
    std::fs::write(&first, "x").unwrap();
    let second = paths::new_file_path(dir.path(), &m);
    assert!(second.to_string_lossy().ends_with("加装电梯_-2.ron"));
}

#[test]
fn only_one_process_holds_a_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ron");
    let first = lock::MeetingLock::acquire(&path).unwrap();
    assert!(lock::is_locked(&path));
    let err = lock::MeetingLock::acquire(&path).unwrap_err();
    assert!(err.en.contains("open in another yishi"), "{}", err.en);
    assert!(err.zh.contains(&std::process::id().to_string()));
    drop(first);
    assert!(!lock::is_locked(&path));
    let _again = lock::MeetingLock::acquire(&path).unwrap();
}
