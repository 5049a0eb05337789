//! The archive: index, cache, search, overviews, on generated archives.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, TimeDelta};
use yishi::archive::generate::{GenConfig, Generated, SAMPLES, generate};
use yishi::archive::{
    Archive, Column, Filter, NoticeFilter, Options, Order, RowBody, Search, Sort, TimelineWhat,
    View,
};
use yishi::domain::Timestamp;
use yishi::domain::decision::TaskStatus;
use yishi::domain::meeting::MeetingState;
use yishi::domain::notice::{NoticeState, NoticeStatus, Remaining, RestDays};
use yishi::minutes_file;
use yishi::search::Query;

const TODAY: &str = "2026-05-20";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// Noon of the reference day, in Beijing time.
fn now() -> Timestamp {
    at(&format!("{TODAY}T12:00:00+08:00"))
}

struct Shared {
    dir: tempfile::TempDir,
    cache: tempfile::TempDir,
    generated: Generated,
    /// Every file's string values (`search::string_values`), read once.
    values: Vec<(PathBuf, Vec<String>)>,
}

/// One generated archive (300 files), shared by the read-only tests.
fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let generated = generate(dir.path(), &GenConfig::new(300, 7, today())).unwrap();
        let values = generated
            .files
            .iter()
            .map(|f| {
                let src = std::fs::read_to_string(f).unwrap_or_default();
                let v = yishi::search::string_values(&src)
                    .into_iter()
                    .map(|s| s.into_owned())
                    .collect();
                (f.clone(), v)
            })
            .collect();
        Shared {
            dir,
            cache: tempfile::tempdir().unwrap(),
            generated,
            values,
        }
    })
}

fn open(dir: &Path, cache: &Path) -> (Archive, yishi::archive::Refresh) {
    Archive::open(dir, Options::with_cache_dir(cache)).unwrap()
}

/// Small buckets, so a change re-reads only part of a small archive.
fn open_small_buckets(dir: &Path, cache: &Path) -> (Archive, yishi::archive::Refresh) {
    let options = Options {
        bucket_target: 16,
        ..Options::with_cache_dir(cache)
    };
    Archive::open(dir, options).unwrap()
}

fn paths_of(a: &Archive, hits: &[u32]) -> Vec<PathBuf> {
    hits.iter()
        .map(|i| a.entries()[*i as usize].path.clone())
        .collect()
}

/// Equal path lists, or a short report of the difference.
fn assert_same(got: &[PathBuf], want: &[PathBuf], what: &str) {
    if got != want {
        let missing: Vec<_> = want.iter().filter(|p| !got.contains(p)).take(5).collect();
        let extra: Vec<_> = got.iter().filter(|p| !want.contains(p)).take(5).collect();
        panic!(
            "{what}: {} found, {} expected; missing {missing:?}; extra {extra:?}",
            got.len(),
            want.len()
        );
    }
}

/// [`brute_force`] over the shared archive, from its string values read
/// once (`matches_ron` is exactly "any string value matches").
fn brute_force_shared(q: &str) -> Vec<PathBuf> {
    let query = Query::new(q);
    let mut out: Vec<PathBuf> = shared()
        .values
        .iter()
        .filter(|(_, v)| v.iter().any(|s| query.matches(s)))
        .map(|(f, _)| f.clone())
        .collect();
    out.sort();
    out
}

/// The files containing `q`, by reading every file.
fn brute_force(files: &[PathBuf], q: &str) -> Vec<PathBuf> {
    let q = Query::new(q);
    let mut out: Vec<PathBuf> = files
        .iter()
        .filter(|f| {
            std::fs::read_to_string(f)
                .map(|s| q.matches_ron(&s))
                .unwrap_or(false)
        })
        .cloned()
        .collect();
    out.sort();
    out
}

const QUERIES: &[&str] = &[
    "北苑居",
    "北苑居小区不再聘请物业公司",
    "物业",
    "保洁员",
    "社区居委会",
    "苑",
    "的",
    "号楼",
    "邻里积分兑换站",
    "LED",
    "led屏",
    "Led屏在小区门口",
    "WiFi",
    "wIfI信号",
    "APP",
    "社区通app",
    "pm2.5",
    "2016-03",
    "2016-03-16T09:00:00+08:00",
    "770元",
    "（",
    "：",
    "x",
    "zz",
    "不存在的词",
    "Hearing",
    "format_version",
    // The end of one value and the start of the next: never one match.
    "北苑居小区中心广场社区",
];

#[test]
fn search_finds_exactly_what_a_brute_force_scan_finds() {
    let s = shared();
    let (a, _) = open(s.dir.path(), s.cache.path());
    assert_eq!(a.entries().len(), s.generated.files.len());
    for q in QUERIES {
        let want = brute_force(&s.generated.files, q);
        let mut got = paths_of(&a, &a.search(q));
        got.sort();
        assert_same(&got, &want, &format!("query {q:?}"));
    }
    // The common terms are common and the rare ones rare, so the
    // comparison above means something.
    assert_eq!(a.search("北苑居").len(), 3);
    assert!(a.search("社区").len() > 250);
    assert!(!a.search("WiFi").is_empty());
    assert!(a.search("").len() == a.entries().len());
}

#[test]
fn incremental_search_matches_brute_force_as_the_query_grows_and_shrinks() {
    let s = shared();
    let (a, _) = open(s.dir.path(), s.cache.path());
    let mut search = Search::new();
    for q in ["北苑居小区第三次", "社区居委会", "Led屏在小区", "2016-03-1"] {
        let chars: Vec<char> = q.chars().collect();
        let mut prefixes: Vec<String> = (1..=chars.len())
            .map(|n| chars[..n].iter().collect())
            .collect();
        // Type it, delete it back to two chars, type it again.
        let back: Vec<String> = prefixes
            .iter()
            .rev()
            .skip(1)
            .take(chars.len() - 2)
            .cloned()
            .collect();
        let again: Vec<String> = prefixes[2..].to_vec();
        prefixes.extend(back);
        prefixes.extend(again);
        for p in prefixes {
            let mut got = paths_of(&a, search.update(&a, &p));
            got.sort();
            assert_same(&got, &brute_force_shared(&p), &format!("prefix {p:?}"));
        }
    }
}

#[test]
fn a_term_only_in_speech_summaries_is_found() {
    let s = shared();
    let (a, _) = open(s.dir.path(), s.cache.path());
    let term = "邻里积分兑换站";
    let hits = paths_of(&a, &a.search(term));
    assert!(!hits.is_empty());
    assert_eq!(hits.len(), brute_force(&s.generated.files, term).len());
    for f in &hits {
        let mut m = minutes_file::read(f).unwrap().minutes;
        assert!(m.speeches.iter().any(|sp| sp.summary.contains(term)));
        for sp in &mut m.speeches {
            sp.summary.clear();
        }
        assert!(
            !Query::new(term).matches_ron(&minutes_file::to_ron(&m)),
            "{} has {term} outside the summaries",
            f.display()
        );
    }
}

#[test]
fn the_generator_is_deterministic_and_its_meetings_are_valid() {
    let s = shared();
    let again = tempfile::tempdir().unwrap();
    let g2 = generate(again.path(), &GenConfig::new(300, 7, today())).unwrap();
    assert_eq!(g2.files.len(), 300);
    for (f1, f2) in s.generated.files.iter().zip(&g2.files) {
        assert_eq!(
            f1.strip_prefix(s.dir.path()).unwrap(),
            f2.strip_prefix(again.path()).unwrap()
        );
        assert_eq!(std::fs::read(f1).unwrap(), std::fs::read(f2).unwrap());
    }
    // 北苑居 exactly once: the three sample hearings.
    assert_eq!(
        brute_force(&s.generated.files, "北苑居"),
        s.generated.beiyuanju
    );
    let mut states = std::collections::HashSet::new();
    for f in &s.generated.files {
        if s.generated.broken.contains(f) {
            assert!(minutes_file::read(f).is_err(), "{}", f.display());
            continue;
        }
        let m = minutes_file::read(f).unwrap().minutes;
        assert_eq!(m.validate(), vec![], "{}", f.display());
        states.insert(format!("{:?}", m.meeting.state));
    }
    assert_eq!(states.len(), 3, "planned, in progress and closed meetings");
}

#[test]
fn a_stale_cache_is_noticed_and_refreshed() {
    let src = tempfile::tempdir().unwrap();
    generate(src.path(), &GenConfig::new(80, 3, today())).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let (a, r) = open_small_buckets(src.path(), cache.path());
    assert_eq!(r.files_read, 80);
    let n = a.entries().len();
    drop(a);
    // A second open reads nothing: the cache is used.
    let (a, r) = open_small_buckets(src.path(), cache.path());
    assert_eq!((r.files_read, r.changed.len(), r.removed.len()), (0, 0, 0));
    assert_eq!(a.entries().len(), n);
    let files: Vec<PathBuf> = a
        .entries()
        .iter()
        .filter(|e| !e.is_broken() && !e.path.to_string_lossy().contains("北苑居"))
        .map(|e| e.path.clone())
        .collect();
    drop(a);

    // Edit one file, add one, delete one, replace one with a broken file.
    let edited = &files[0];
    let text = std::fs::read_to_string(edited).unwrap();
    let first_title = text.lines().find(|l| l.contains("title:")).unwrap();
    std::fs::write(
        edited,
        text.replacen(first_title, "        title: \"编辑后的会议名称Edited\",", 1),
    )
    .unwrap();
    let added = src.path().join("新增").join("added.ron");
    std::fs::create_dir_all(added.parent().unwrap()).unwrap();
    std::fs::write(
        &added,
        text.replace("北苑居", "X")
            .replacen(first_title, "        title: \"新增的会议\",", 1),
    )
    .unwrap();
    let deleted = &files[1];
    let deleted_title = minutes_file::read(deleted).unwrap().minutes.meeting.title;
    std::fs::remove_file(deleted).unwrap();
    let replaced = &files[2];
    std::fs::write(replaced, "(\n    format_version: 1,\n    meeting: (\n").unwrap();

    let (a, r) = open_small_buckets(src.path(), cache.path());
    let mut changed = r.changed.clone();
    changed.sort();
    let mut want = vec![edited.clone(), added.clone(), replaced.clone()];
    want.sort();
    assert_eq!(changed, want);
    assert_eq!(r.removed, vec![deleted.clone()]);
    assert!(r.files_read < n, "only the changed buckets are read");
    assert_eq!(r.files_parsed, 3, "only the changed files are parsed");
    assert_eq!(a.entries().len(), n);
    assert_eq!(
        paths_of(&a, &a.search("编辑后的会议名称edited")),
        vec![edited.clone()]
    );
    assert_eq!(paths_of(&a, &a.search("新增的会议")), vec![added.clone()]);
    assert!(a.position(deleted).is_none());
    let gone: Vec<PathBuf> = paths_of(&a, &a.search(&deleted_title));
    assert!(!gone.contains(deleted));
    let broken = &a.entries()[a.position(replaced).unwrap()];
    let problem = &broken.problems()[0];
    assert_eq!(problem.file, *replaced);
    assert!(problem.at.is_some_and(|p| p.line >= 3), "{problem:?}");
    assert_eq!(
        a.entries()[a.position(edited).unwrap()]
            .meeting()
            .unwrap()
            .title,
        "编辑后的会议名称Edited"
    );
    drop(a);

    // A file replaced by one of the same size and time is noticed too.
    let text = std::fs::read_to_string(edited).unwrap();
    let modified = std::fs::metadata(edited).unwrap().modified().unwrap();
    std::fs::write(edited, text.replace("Edited", "Xdited")).unwrap();
    std::fs::File::options()
        .write(true)
        .open(edited)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let (a, r) = open_small_buckets(src.path(), cache.path());
    assert_eq!(r.changed, vec![edited.clone()]);
    assert_eq!(r.files_parsed, 1);
    assert_eq!(paths_of(&a, &a.search("xdited")), vec![edited.clone()]);
    assert!(a.search("名称edited").is_empty());
}

/// Flip a byte in the search dictionary of every segment.
fn flip_dictionaries(folder: &Path) {
    for s in std::fs::read_dir(folder).unwrap() {
        let p = s.unwrap().path();
        if p.file_name().unwrap().to_string_lossy().starts_with("seg-") {
            let mut b = std::fs::read(&p).unwrap();
            // The unigram dictionary starts at the header's 4th offset.
            let off = u64::from_le_bytes(b[56..64].try_into().unwrap()) as usize;
            b[off + 5] ^= 0x01;
            std::fs::write(&p, &b).unwrap();
        }
    }
}

#[test]
fn a_damaged_or_foreign_cache_is_rebuilt_not_trusted() {
    let src = tempfile::tempdir().unwrap();
    generate(src.path(), &GenConfig::new(40, 5, today())).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let (a, _) = open(src.path(), cache.path());
    let folder = a.cache_path().unwrap().to_path_buf();
    let want: Vec<PathBuf> = paths_of(&a, &a.search("北苑居"));
    let total = a.entries().len();
    drop(a);
    let segments: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("seg-"))
        .collect();
    assert!(!segments.is_empty());

    type Damage<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let damages: Vec<Damage> = vec![
        (
            "manifest is a theme file",
            Box::new(|| std::fs::write(folder.join("manifest"), yishi::theme::DARK_RON).unwrap()),
        ),
        (
            "a segment is truncated",
            Box::new(|| {
                for s in std::fs::read_dir(&folder).unwrap() {
                    let p = s.unwrap().path();
                    if p.file_name().unwrap().to_string_lossy().starts_with("seg-") {
                        let b = std::fs::read(&p).unwrap();
                        std::fs::write(&p, &b[..b.len() / 2]).unwrap();
                        break;
                    }
                }
            }),
        ),
        (
            "a byte of a segment's rows flipped",
            Box::new(|| {
                for s in std::fs::read_dir(&folder).unwrap() {
                    let p = s.unwrap().path();
                    if p.file_name().unwrap().to_string_lossy().starts_with("seg-") {
                        let mut b = std::fs::read(&p).unwrap();
                        b[200] ^= 0x20;
                        std::fs::write(&p, &b).unwrap();
                    }
                }
            }),
        ),
        (
            "a byte of a segment's dictionary flipped",
            Box::new(|| flip_dictionaries(&folder)),
        ),
        (
            "segments deleted",
            Box::new(|| {
                for s in std::fs::read_dir(&folder).unwrap() {
                    let p = s.unwrap().path();
                    if p.file_name().unwrap().to_string_lossy().starts_with("seg-") {
                        std::fs::remove_file(p).unwrap();
                    }
                }
            }),
        ),
        (
            "manifest is random bytes",
            Box::new(|| std::fs::write(folder.join("manifest"), [0xffu8; 300]).unwrap()),
        ),
    ];
    for (what, damage) in damages {
        damage();
        let (a, r) = open(src.path(), cache.path());
        assert!(r.files_read > 0, "{what}: the cache was rebuilt");
        assert_eq!(a.entries().len(), total, "{what}");
        assert_eq!(paths_of(&a, &a.search("北苑居")), want, "{what}");
        drop(a);
        // …and the rebuilt cache is good again.
        let (_, r) = open(src.path(), cache.path());
        assert_eq!(r.files_read, 0, "{what}");
    }

    // Damage found by a search before any refresh: the answer comes from
    // the files, and the archive knows it must rebuild.
    flip_dictionaries(&folder);
    let a = Archive::open_cached(src.path(), Options::with_cache_dir(cache.path())).unwrap();
    assert_eq!(a.entries().len(), total);
    assert!(!a.is_damaged());
    assert_eq!(paths_of(&a, &a.search("北苑居")), want);
    assert!(a.is_damaged());
}

#[test]
fn broken_and_foreign_files_are_listed_with_their_errors() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("a-theme.ron"), yishi::theme::DARK_RON).unwrap();
    std::fs::write(
        p.join("b-struct.ron"),
        "(\n  rules: [\n    (id: \"x\", n: 3),\n  ],\n)\n",
    )
    .unwrap();
    let mut junk = vec![0x28u8, 0x0a, 0x20];
    junk.extend([0xc3, 0x28, 0xff, 0xfe, 0x00, 0x80]);
    std::fs::write(p.join("c-junk.ron"), &junk).unwrap();
    std::fs::write(p.join("d-empty.ron"), "").unwrap();
    std::fs::write(p.join("e-meeting.ron"), SAMPLES[2].1).unwrap();
    std::fs::create_dir(p.join(".hidden")).unwrap();
    std::fs::write(p.join(".hidden").join("x.ron"), "junk").unwrap();
    std::fs::write(p.join(".tmp.ron"), "junk").unwrap();
    std::fs::write(p.join("notes.txt"), "北苑居").unwrap();
    let cache = tempfile::tempdir().unwrap();
    let (a, _) = open(p, cache.path());
    let names: Vec<String> = a
        .entries()
        .iter()
        .map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "a-theme.ron",
            "b-struct.ron",
            "c-junk.ron",
            "d-empty.ron",
            "e-meeting.ron"
        ]
    );
    // Same files as the rest of yishi sees.
    assert_eq!(
        a.entries()
            .iter()
            .map(|e| e.path.clone())
            .collect::<Vec<_>>(),
        minutes_file::paths::minutes_files(p).unwrap()
    );
    for e in &a.entries()[..4] {
        assert!(e.is_broken());
        let d = &e.problems()[0];
        assert_eq!(d.file, e.path);
        assert!(d.at.is_some(), "{d:?}");
        // The same diagnostics as reading the file directly.
        assert_eq!(
            e.problems(),
            minutes_file::read(&e.path).unwrap_err().as_slice()
        );
    }
    assert_eq!(a.entries()[2].problems()[0].at.unwrap().line, 2);
    assert!(!a.entries()[2].has_text());
    assert!(a.entries()[4].meeting().is_some());
    assert_eq!(
        paths_of(&a, &a.search("北苑居")),
        vec![p.join("e-meeting.ron")]
    );
    // The theme file holds text, and is searched like any file.
    assert_eq!(
        a.search("#").len(),
        brute_force(
            &a.entries()
                .iter()
                .map(|e| e.path.clone())
                .collect::<Vec<_>>(),
            "#"
        )
        .len()
    );

    // `yishi list`: the meeting on stdout, a located line per problem on stderr.
    let out = Command::new(env!("CARGO_BIN_EXE_yishi"))
        .args(["list", p.to_str().unwrap(), "--lang", "en"])
        .env("YISHI_CACHE_DIR", cache.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("北苑居小区第三次听证协商会"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for name in ["a-theme.ron", "b-struct.ron", "c-junk.ron", "d-empty.ron"] {
        let line = stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not reported: {stderr}"));
        let rest = line.split(&format!("{name}:")).nth(1).unwrap();
        let mut parts = rest.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
    }
    // With a search, unreadable text is still reported; others only if they match.
    let out = Command::new(env!("CARGO_BIN_EXE_yishi"))
        .args(["list", p.to_str().unwrap(), "--search", "北苑居"])
        .env("YISHI_CACHE_DIR", cache.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("c-junk.ron"), "{stderr}");
    assert!(!stderr.contains("a-theme.ron"), "{stderr}");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn list_search_prints_exactly_the_matching_files() {
    let s = shared();
    let cache = tempfile::tempdir().unwrap();
    for q in ["保洁员", "LED屏", "2016-03-15"] {
        let out = Command::new(env!("CARGO_BIN_EXE_yishi"))
            .args(["list", s.dir.path().to_str().unwrap(), "--search", q])
            .env("YISHI_CACHE_DIR", cache.path())
            .output()
            .unwrap();
        assert!(out.status.success());
        let mut listed: Vec<PathBuf> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| PathBuf::from(l.rsplit("  ").next().unwrap()))
            .collect();
        listed.sort();
        let want: Vec<PathBuf> = brute_force(&s.generated.files, q)
            .into_iter()
            .filter(|f| !s.generated.broken.contains(f))
            .collect();
        assert_eq!(listed, want, "{q}");
    }
}

#[test]
fn the_beiyuanju_timeline_runs_from_three_hearings_to_results() {
    let s = shared();
    let (a, _) = open(s.dir.path(), s.cache.path());
    let t = a.timeline("北苑居/物业", now(), &RestDays::weekends());
    let kinds: Vec<&str> = t
        .iter()
        .map(|e| match &e.what {
            TimelineWhat::Meeting { .. } => "meeting",
            TimelineWhat::Decision { .. } => "decision",
            TimelineWhat::NoticePosted { .. } => "posted",
            TimelineWhat::InForce => "in force",
            TimelineWhat::ResultsPublished { .. } => "results",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        // The second hearing's opinion was on the other topic (环境).
        [
            "meeting", "decision", "meeting", "meeting", "decision", "posted", "in force",
            "results"
        ]
    );
    let dates: Vec<String> = t.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates[0], "2016-01-12");
    assert_eq!(dates[2], "2016-02-23");
    assert_eq!(dates[3], "2016-03-15");
    assert_eq!(t[5].at, Some(at("2016-03-16T09:00:00+08:00")));
    // 一周公示: posted Wednesday the 16th, the period ends at 24:00 on the 23rd.
    assert_eq!(t[6].at, Some(at("2016-03-24T00:00:00+08:00")));
    assert_eq!(t[7].at, Some(at("2017-03-20T09:00:00+08:00")));
    let TimelineWhat::Decision { text, .. } = &t[4].what else {
        panic!()
    };
    assert!(text.contains("9,240元"));
    // Before the period ended, the timeline stops at the posting.
    let during = a.timeline(
        "北苑居/物业",
        at("2016-03-20T12:00:00+08:00"),
        &RestDays::weekends(),
    );
    assert!(matches!(
        during.last().unwrap().what,
        TimelineWhat::NoticePosted { .. }
    ));
    assert!(
        a.threads()
            .iter()
            .any(|th| th.thread == "北苑居/物业" && th.meetings == 3 && !th.open)
    );
}

#[test]
fn the_beiyuanju_notice_counts_down_then_takes_effect() {
    let s = shared();
    let (a, _) = open(s.dir.path(), s.cache.path());
    let rest = RestDays::weekends();
    let during = at("2016-03-20T12:00:00+08:00");
    let running = a.notices_running(during, &rest);
    let n = running
        .iter()
        .find(|n| n.title.contains("北苑居"))
        .expect("running on 2016-03-20");
    assert_eq!(n.ends, Some(at("2016-03-24T00:00:00+08:00")));
    assert_eq!(
        n.remaining,
        Some(Remaining::between(during, at("2016-03-24T00:00:00+08:00")))
    );
    assert!(n.objections.is_empty());
    let in_force = a.decisions_in_force(now(), &rest);
    let d = in_force
        .iter()
        .find(|d| d.notice_title.contains("北苑居"))
        .unwrap();
    assert_eq!(d.since, Some(at("2016-03-24T00:00:00+08:00")));
    assert_eq!(d.status, NoticeStatus::ResultsPublished);
    assert!(d.decision.text.contains("每户每年110元"));
}

/// Every meeting of the shared archive, parsed.
fn parsed() -> Vec<(PathBuf, yishi::domain::Minutes)> {
    shared()
        .generated
        .files
        .iter()
        .filter_map(|f| minutes_file::read(f).ok().map(|l| (f.clone(), l.minutes)))
        .collect()
}

#[test]
fn overviews_at_a_fixed_now_agree_with_the_files() {
    let s = shared();
    let (a, _) = open(s.dir.path(), s.cache.path());
    let rest = RestDays::weekends();
    let all = parsed();

    // Notices running now, paused or under review.
    let mut want: Vec<(PathBuf, NoticeState)> = Vec::new();
    for (f, m) in &all {
        for n in &m.notices {
            let st = n.state_at(now(), &rest);
            if matches!(
                st,
                NoticeState::Running { .. } | NoticeState::Paused | NoticeState::UnderReview
            ) {
                want.push((f.clone(), st));
            }
        }
    }
    let got = a.notices_running(now(), &rest);
    assert_eq!(got.len(), want.len());
    assert!(
        got.iter()
            .filter(|n| matches!(n.state, NoticeState::Running { .. }))
            .count()
            >= 2,
        "the generator makes notices run at its reference day"
    );
    for n in &got {
        let path = &a.entries()[n.entry as usize].path;
        assert!(want.iter().any(|(f, st)| f == path && *st == n.state));
        if let NoticeState::Running { ends, .. } = n.state {
            assert!(ends > now());
            assert_eq!(n.remaining, Some(Remaining::between(now(), ends)));
        }
        if n.state == NoticeState::Paused {
            assert!(!n.objections.is_empty());
        }
    }

    // Overdue follow-up tasks.
    let want_overdue: usize = all
        .iter()
        .flat_map(|(_, m)| m.decisions.iter().flat_map(|d| &d.tasks))
        .filter(|t| t.status == TaskStatus::Open && t.due < today())
        .count();
    let overdue = a.overdue_tasks(today());
    assert!(want_overdue > 0);
    assert_eq!(overdue.len(), want_overdue);
    assert!(overdue.windows(2).all(|w| w[0].task.due <= w[1].task.due));
    assert!(overdue.iter().all(|t| t.days_overdue > 0));

    // Decisions in force.
    let want_in_force: usize = all
        .iter()
        .map(|(_, m)| {
            m.notices
                .iter()
                .filter(|n| n.state_at(now(), &rest).status().in_force())
                .map(|n| {
                    m.decisions
                        .iter()
                        .filter(|d| n.decisions.contains(&d.id))
                        .count()
                })
                .sum::<usize>()
        })
        .sum();
    assert!(want_in_force > 10);
    assert_eq!(a.decisions_in_force(now(), &rest).len(), want_in_force);

    // Topics still open: the latest meeting of each thread left it open.
    let open = a.open_topics();
    assert!(!open.is_empty());
    for t in &open {
        assert!(t.topic.state.is_open());
        if let Some(thread) = &t.topic.thread {
            let later = all.iter().any(|(_, m)| {
                m.date() > t.date && m.agenda.iter().any(|x| x.thread.as_ref() == Some(thread))
            });
            assert!(!later, "{thread} was taken up again after {}", t.date);
        }
    }
    let threads = a.threads();
    assert_eq!(
        open.iter().filter(|t| t.topic.thread.is_some()).count(),
        threads.iter().filter(|t| t.open).count()
    );
}

#[test]
fn the_table_sorts_and_filters() {
    let s = shared();
    let (a, _) = open(s.dir.path(), s.cache.path());
    let table = a.table(now(), &RestDays::weekends());
    let entries = a.entries();
    let date = |i: &u32| entries[*i as usize].meeting().map(|m| m.date);

    let asc = View::new(
        &a,
        &table,
        Sort {
            column: Column::Date,
            order: Order::Asc,
        },
    );
    let rows = asc.rows(&a, &table, &Filter::default(), None);
    assert_eq!(rows.len(), entries.len());
    let meetings: Vec<_> = rows.iter().filter_map(date).collect();
    assert!(meetings.windows(2).all(|w| w[0] <= w[1]));
    // Broken files come last.
    let first_broken = rows
        .iter()
        .position(|i| entries[*i as usize].is_broken())
        .unwrap();
    assert!(
        rows[first_broken..]
            .iter()
            .all(|i| entries[*i as usize].is_broken())
    );
    let desc = View::new(
        &a,
        &table,
        Sort {
            column: Column::Date,
            order: Order::Desc,
        },
    );
    let meetings: Vec<_> = desc
        .rows(&a, &table, &Filter::default(), None)
        .iter()
        .filter_map(date)
        .collect();
    assert!(meetings.windows(2).all(|w| w[0] >= w[1]));

    for column in Column::ALL {
        let v = View::new(
            &a,
            &table,
            Sort {
                column,
                order: Order::Asc,
            },
        );
        assert_eq!(
            v.rows(&a, &table, &Filter::default(), None).len(),
            entries.len()
        );
    }
    let by_title = View::new(
        &a,
        &table,
        Sort {
            column: Column::Title,
            order: Order::Asc,
        },
    );
    let titles: Vec<&str> = by_title
        .rows(&a, &table, &Filter::default(), None)
        .iter()
        .filter_map(|i| entries[*i as usize].meeting().map(|m| m.title.as_str()))
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]));

    // Filters.
    let compound = Filter {
        compound: Some("北苑居小区".into()),
        ..Filter::default()
    };
    assert_eq!(asc.rows(&a, &table, &compound, None).len(), 3);
    let range = Filter {
        from: Some(NaiveDate::from_ymd_opt(2016, 2, 1).unwrap()),
        to: Some(NaiveDate::from_ymd_opt(2016, 3, 15).unwrap()),
        ..compound.clone()
    };
    assert_eq!(asc.rows(&a, &table, &range, None).len(), 2);
    let planned = Filter {
        state: Some(MeetingState::Planned),
        ..Filter::default()
    };
    let p = asc.rows(&a, &table, &planned, None);
    assert!(!p.is_empty());
    assert!(
        p.iter()
            .all(|i| entries[*i as usize].meeting().unwrap().state == MeetingState::Planned)
    );
    let running = Filter {
        notice: Some(NoticeFilter::Status(NoticeStatus::Running)),
        ..Filter::default()
    };
    let r = asc.rows(&a, &table, &running, None);
    assert_eq!(
        r.len(),
        a.notices_running(now(), &RestDays::weekends())
            .iter()
            .filter(|n| n.notice == 0 && matches!(n.state, NoticeState::Running { .. }))
            .count()
    );
    let broken = Filter {
        broken_only: true,
        ..Filter::default()
    };
    assert_eq!(
        asc.rows(&a, &table, &broken, None).len(),
        s.generated.broken.len()
    );
    // Search hits keep the view's order.
    let hits = a.search("北苑居");
    let r = desc.rows(&a, &table, &Filter::default(), Some(&hits));
    let dates: Vec<_> = r.iter().filter_map(date).collect();
    assert_eq!(dates.len(), 3);
    assert!(dates[0] > dates[2]);
    assert!(matches!(entries[r[0] as usize].body, RowBody::Meeting(_)));
}

#[test]
fn an_archive_can_be_refreshed_on_another_thread() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Archive>();
    send_sync::<Search>();
    let s = shared();
    let dir = s.dir.path().to_path_buf();
    let cache = s.cache.path().to_path_buf();
    let (a, _) = std::thread::spawn(move || open(&dir, &cache))
        .join()
        .unwrap();
    assert_eq!(a.entries().len(), s.generated.files.len());
}

#[test]
fn opening_a_meeting_reads_the_file_itself() {
    let s = shared();
    let (a, _) = open(s.dir.path(), s.cache.path());
    let i = a.position(&s.generated.beiyuanju[2]).unwrap();
    let loaded = a.load(i).unwrap();
    assert_eq!(loaded.minutes.meeting.title, "北苑居小区第三次听证协商会");
    let d = a.detail(i).unwrap();
    assert_eq!(d.notices, loaded.minutes.notices);
    assert_eq!(d.decisions[0].text, loaded.minutes.decisions[0].text);
    let row = a.entries()[i].meeting().unwrap();
    let later = at("2016-03-17T08:00:00+08:00");
    assert_eq!(
        row.notice_state(later, &RestDays::weekends()),
        loaded
            .minutes
            .notices
            .first()
            .map(|n| n.state_at(later, &RestDays::weekends()))
    );
    assert!(
        row.notice_state(later + TimeDelta::days(30), &RestDays::weekends())
            .is_some_and(|s| s.status().in_force())
    );
}

#[test]
fn a_notice_with_its_own_holidays_ends_the_same_in_the_archive() {
    let src = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/beiyuanju-3.ron");
    let mut m = yishi::minutes_file::read(&sample).unwrap().minutes;
    // Posted 2016-03-16 for a week: the 23rd, a Wednesday, made a holiday
    // (as a notice posted with a rest-days file would carry it).
    let holiday = NaiveDate::from_ymd_opt(2016, 3, 23).unwrap();
    m.notices[0].rest_days.holidays.insert(holiday);
    let file = src.path().join("beiyuanju-3.ron");
    yishi::minutes_file::save(&file, &m).unwrap();
    let want = m.notices[0].current_end(&RestDays::weekends());
    assert_eq!(want, Some(at("2016-03-25T00:00:00+08:00")));
    for round in ["built", "from the cache"] {
        let (a, _) = open(src.path(), cache.path());
        let during = at("2016-03-20T12:00:00+08:00");
        let running = a.notices_running(during, &RestDays::weekends());
        assert_eq!(running.len(), 1, "{round}");
        assert_eq!(running[0].ends, want, "{round}");
    }
}
