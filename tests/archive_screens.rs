//! The archive screens, drawn into TestBackend over the sample minutes and
//! a broken file: the table, search as you type, filters, sorting, the
//! overviews, a topic's timeline, read-only minutes and exports.

mod common;
use common::{render, t, text};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use yishi::archive::Options;
use yishi::domain::vote::RuleBook;
use yishi::i18n::Lang;
use yishi::theme::Theme;
use yishi::tui::app::{App, Mode};
use yishi::tui::screens::home::HomeView;

struct Fixture {
    app: App,
    dir: tempfile::TempDir,
}

/// The samples and one broken file in a folder, opened as an archive on
/// 2016-03-18, while the third 北苑居 notice runs.
fn archive_app(now: &str) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("2016")).unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    for f in ["beiyuanju-1.ron", "beiyuanju-2.ron", "beiyuanju-3.ron"] {
        std::fs::copy(samples.join(f), data.join("2016").join(f)).unwrap();
    }
    for f in ["zigang-sibuzou.ron", "residents-meeting-no-quorum.ron"] {
        std::fs::copy(samples.join(f), data.join(f)).unwrap();
    }
    std::fs::write(data.join("坏文件.ron"), "(format_version: 1, meeting: (").unwrap();
    let mut app = App::new(
        Lang::Zh,
        vec![Theme::default()],
        t(now),
        Mode::Home(HomeView::default()),
        data.clone(),
        RuleBook::builtin(),
    );
    app.open_archive(&data, Options::with_cache_dir(dir.path().join("cache")));
    refresh(&mut app);
    Fixture { app, dir }
}

fn refresh(app: &mut App) {
    if let Mode::Archive(av) = &mut app.mode {
        av.refresh(&mut app.shared, &mut |_, _| {});
    }
    let now = app.shared.now;
    app.tick(now);
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    let now = app.shared.now;
    app.tick(now);
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn screen(app: &App) -> String {
    text(&render(app, 120, 36))
}

const DURING_NOTICE: &str = "2016-03-18T10:00:00+08:00";

#[test]
fn the_table_lists_every_file_newest_first_with_broken_ones_named() {
    let fx = archive_app(DURING_NOTICE);
    for (w, h) in [(80, 24), (160, 48)] {
        let s = text(&render(&fx.app, w, h));
        assert!(s.contains("档案  6 个文件，1 个有误"), "{s}");
        assert!(s.contains("6 / 6 个"));
        assert!(s.contains("日期 v"), "sorted by date, newest first: {s}");
        let zigang = s.find("紫港社区").unwrap();
        let third = s.find("北苑居小区第三次").unwrap();
        let first = s.find("北苑居小区第一次").unwrap();
        assert!(zigang < third && third < first, "{s}");
        assert!(s.contains("文件有误  坏文件.ron"));
        // The third hearing's notice runs: its countdown is in the table.
        assert!(s.contains("剩 5天 14:00"), "{s}");
    }
}

#[test]
fn search_narrows_the_table_at_every_keystroke() {
    let mut fx = archive_app(DURING_NOTICE);
    press(&mut fx.app, KeyCode::Char('/'));
    typ(&mut fx.app, "保洁");
    let s = screen(&fx.app);
    assert!(s.contains("3 / 6 个"), "{s}");
    assert!(!s.contains("紫港社区"));
    typ(&mut fx.app, "员一名，负责");
    let s = screen(&fx.app);
    assert!(
        s.contains("1 / 6 个"),
        "only the third hearing's decision says this: {s}"
    );
    assert!(s.contains("北苑居小区第三次听证协商会"));
    // Backspacing widens it again; ASCII is case-insensitive.
    for _ in 0.."员一名，负责保洁".chars().count() {
        press(&mut fx.app, KeyCode::Backspace);
    }
    typ(&mut fx.app, "ZHONGXIN");
    assert!(screen(&fx.app).contains("0 / 6 个"));
    press(&mut fx.app, KeyCode::Esc);
    assert!(
        screen(&fx.app).contains("6 / 6 个"),
        "Esc clears the search"
    );
}

#[test]
fn the_search_box_puts_the_cursor_after_the_typed_text() {
    let mut fx = archive_app(DURING_NOTICE);
    press(&mut fx.app, KeyCode::Char('/'));
    typ(&mut fx.app, "北苑");
    let mut term = Terminal::new(TestBackend::new(120, 36)).unwrap();
    term.draw(|f| fx.app.draw(f)).unwrap();
    let c = term.get_cursor_position().unwrap();
    // "搜索：" is 6 columns, two wide characters are 4 more.
    assert_eq!((c.x, c.y), (1 + 6 + 4, 2));
}

#[test]
fn enter_opens_the_minutes_read_only_and_esc_comes_back() {
    let mut fx = archive_app(DURING_NOTICE);
    press(&mut fx.app, KeyCode::Char('/'));
    typ(&mut fx.app, "桃河");
    press(&mut fx.app, KeyCode::Enter);
    press(&mut fx.app, KeyCode::Enter);
    let s = screen(&fx.app);
    assert!(
        s.contains("只读：桃河小区居民会议（停车收费管理方案）会议纪要"),
        "{s}"
    );
    assert!(s.contains("一、会议基本情况"));
    press(&mut fx.app, KeyCode::Esc);
    assert!(screen(&fx.app).contains("1 / 6 个"));
}

#[test]
fn e_exports_the_notice_and_shows_where() {
    let mut fx = archive_app(DURING_NOTICE);
    press(&mut fx.app, KeyCode::Char('/'));
    typ(&mut fx.app, "第三次听证");
    press(&mut fx.app, KeyCode::Enter);
    press(&mut fx.app, KeyCode::Char('e'));
    press(&mut fx.app, KeyCode::Right); // 公示
    press(&mut fx.app, KeyCode::Enter);
    let s = screen(&fx.app);
    let out = fx.dir.path().join("data/exports/beiyuanju-3-公示.html");
    assert!(s.contains("已导出"), "{s}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("关于北苑居小区不再聘请物业公司、集资雇请保洁员的公示"));
    assert!(html.contains("@page { size: A4;"));
}

#[test]
fn filters_keep_a_compound_and_a_notice_state() {
    let mut fx = archive_app(DURING_NOTICE);
    press(&mut fx.app, KeyCode::Char('f'));
    assert!(screen(&fx.app).contains("< （全部） >"));
    // Compounds are listed by name: 东港花园小区, 北苑居小区, 桃河小区,
    // each with its number of meetings.
    press(&mut fx.app, KeyCode::Right);
    press(&mut fx.app, KeyCode::Right);
    let s = screen(&fx.app);
    assert!(s.contains("< 北苑居小区（3） >"), "{s}");
    press(&mut fx.app, KeyCode::Enter);
    let s = screen(&fx.app);
    assert!(s.contains("3 / 6 个"), "{s}");
    assert!(s.contains("筛选：北苑居小区"));
    // A bad date is refused in the form.
    press(&mut fx.app, KeyCode::Char('f'));
    press(&mut fx.app, KeyCode::Tab);
    typ(&mut fx.app, "2016/03");
    press(&mut fx.app, KeyCode::Enter);
    assert!(screen(&fx.app).contains("日期的格式应为 2016-03-15"));
    press(&mut fx.app, KeyCode::Esc);
    press(&mut fx.app, KeyCode::Char('c'));
    assert!(screen(&fx.app).contains("6 / 6 个"), "c clears the filter");
}

#[test]
fn sorting_cycles_columns_and_reverses() {
    let mut fx = archive_app(DURING_NOTICE);
    press(&mut fx.app, KeyCode::Char('s'));
    assert!(screen(&fx.app).contains("排序：社区 降序"));
    press(&mut fx.app, KeyCode::Char('s'));
    press(&mut fx.app, KeyCode::Char('r'));
    let s = screen(&fx.app);
    assert!(s.contains("小区 ^"), "{s}");
    let donggang = s.find("东港花园").unwrap();
    let taohe = s.find("桃河小区").unwrap();
    assert!(donggang < taohe, "ascending by compound: {s}");
}

#[test]
fn the_overviews_show_running_notices_decisions_in_force_and_open_topics() {
    let mut fx = archive_app(DURING_NOTICE);
    press(&mut fx.app, KeyCode::Char('2'));
    let s = screen(&fx.app);
    assert!(s.contains("公示中及暂停、复核中的公示 1 份"), "{s}");
    assert!(s.contains("5天 14:00"));
    assert!(s.contains("截止：2016年3月23日 24 时"));
    press(&mut fx.app, KeyCode::Char('3'));
    assert!(
        screen(&fx.app).contains("已生效的决定 0 项"),
        "nothing in force yet in March 2016"
    );
    press(&mut fx.app, KeyCode::Char('5'));
    let s = screen(&fx.app);
    assert!(
        s.contains("桃河"),
        "the parking topic was carried over: {s}"
    );

    // A year later the 北苑居 decision is in force.
    let mut later = archive_app("2017-06-01T10:00:00+08:00");
    press(&mut later.app, KeyCode::Char('3'));
    let s = screen(&later.app);
    assert!(s.contains("北苑居小区不再聘请物业公司"), "{s}");
    assert!(
        s.contains("2016-03-24"),
        "in force from the end of the notice: {s}"
    );
}

#[test]
fn a_topic_thread_shows_its_timeline_across_meetings() {
    let mut fx = archive_app("2017-06-01T10:00:00+08:00");
    press(&mut fx.app, KeyCode::Char('6'));
    let s = screen(&fx.app);
    assert!(s.contains("北苑居/物业"), "{s}");
    let threads = s.lines().filter(|l| l.contains("北苑居/")).count();
    assert_eq!(threads, 2);
    // Select 北苑居/物业 and open its timeline.
    let line = s.lines().position(|l| l.contains("北苑居/物业")).unwrap();
    let first = s.lines().position(|l| l.contains("北苑居/")).unwrap();
    for _ in first..line {
        press(&mut fx.app, KeyCode::Down);
    }
    press(&mut fx.app, KeyCode::Enter);
    let s = screen(&fx.app);
    assert!(s.contains("议题脉络：北苑居/物业"), "{s}");
    for needle in [
        "2016-01-12",
        "北苑居小区第一次听证协商会（听证会）：「是否再行聘请物业公司」转下次会议",
        "北苑居小区第三次听证协商会（听证会）：「是否再行聘请物业公司」已决",
        "决定：北苑居小区不再聘请物业公司",
        "公示：关于北苑居小区不再聘请物业公司、集资雇请保洁员的公示，至 2016年3月23日 24 时",
        "期满无异议，决定生效",
    ] {
        assert!(s.contains(needle), "missing {needle}: {s}");
    }
    let pos = |n: &str| s.find(n).unwrap();
    assert!(pos("第一次听证协商会") < pos("决定：") && pos("决定：") < pos("期满无异议"));
    // Enter on an event opens its meeting.
    press(&mut fx.app, KeyCode::Enter);
    assert!(screen(&fx.app).contains("只读："));
}

#[test]
fn a_file_added_while_open_appears_after_a_refresh() {
    let mut fx = archive_app(DURING_NOTICE);
    let data = fx.dir.path().join("data");
    let copy = std::fs::read_to_string(data.join("zigang-sibuzou.ron")).unwrap();
    std::fs::write(
        data.join("new.ron"),
        copy.replace(
            "紫港社区“三老”议事协商会（2023年第三期）",
            "紫港社区“三老”议事协商会（2023年第四期）",
        ),
    )
    .unwrap();
    press(&mut fx.app, KeyCode::Char('u'));
    refresh(&mut fx.app);
    let s = screen(&fx.app);
    assert!(s.contains("7 / 7 个"), "{s}");
    assert!(s.contains("第四期"));
}

#[test]
fn the_archive_speaks_english_too() {
    let mut fx = archive_app(DURING_NOTICE);
    press(&mut fx.app, KeyCode::Char('L'));
    let s = screen(&fx.app);
    assert!(s.contains("Archive  6 files, 1 with errors"), "{s}");
    assert!(s.contains("Date v"));
    assert!(s.contains("broken file"));
    assert!(!s.contains("档案"));
}

#[test]
fn archive_snapshots_at_100_by_30() {
    let mut fx = archive_app(DURING_NOTICE);
    let root = fx.dir.path().join("data").display().to_string();
    let snap = |app: &App| {
        text(&render(app, 100, 30))
            .replace(&root, "~/.local/share/yishi")
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    insta::assert_snapshot!("archive_table", snap(&fx.app));
    press(&mut fx.app, KeyCode::Char('/'));
    typ(&mut fx.app, "保洁");
    insta::assert_snapshot!("archive_search", snap(&fx.app));
    press(&mut fx.app, KeyCode::Esc);
    press(&mut fx.app, KeyCode::Char('2'));
    insta::assert_snapshot!("archive_notices", snap(&fx.app));
}
