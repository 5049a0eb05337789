//! Every meeting screen drawn into ratatui's TestBackend at 80×24 and
//! 160×48 with the 北苑居 demo: what it says, and the colours that carry
//! meaning (always alongside words).

mod common;
use common::{lines, render, t, text};

use chrono::TimeDelta;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

use yishi::domain::vote::RuleBook;
use yishi::i18n::Lang;
use yishi::theme::Theme;
use yishi::tui::app::{App, Mode};
use yishi::tui::meeting::MeetingView;
use yishi::tui::session::Session;

const T0: &str = "2026-11-22T14:20:00+08:00";

struct Fixture {
    app: App,
    dir: tempfile::TempDir,
}

fn demo_app(lang: Lang) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let now = t(T0);
    let minutes = yishi::demo::demo(now);
    let path = dir.path().join("demo.ron");
    let session = Session::create(&path, minutes).unwrap();
    let app = App::new(
        lang,
        vec![Theme::default(), Theme::projector()],
        now,
        Mode::Meeting(Box::new(MeetingView::new(session))),
        dir.path().to_path_buf(),
        RuleBook::builtin(),
    );
    Fixture { app, dir }
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Type characters one by one (each a key press).
fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The cell where `needle` starts on screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    for y in 0..area.height {
        let mut col_of_char = Vec::new();
        let mut s = String::new();
        let mut x = 0;
        while x < area.width {
            let sym = buf[(x, y)].symbol();
            for _ in sym.chars() {
                col_of_char.push(x);
            }
            s.push_str(sym);
            x += (unicode_width::UnicodeWidthStr::width(sym) as u16).max(1);
        }
        if let Some(byte) = s.find(needle) {
            let idx = s[..byte].chars().count();
            return Some((col_of_char[idx], y));
        }
    }
    None
}

/// The foreground of `needle` on the first row that also contains `row`.
fn fg_in_row(buf: &Buffer, row: &str, needle: &str) -> Color {
    let all = lines(buf);
    let y = all
        .iter()
        .position(|l| l.contains(row) && l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {row} and {needle}"));
    let mut x = 0;
    let mut s = String::new();
    while x < buf.area.width {
        if s.ends_with(needle) {
            break;
        }
        let sym = buf[(x, y as u16)].symbol();
        s.push_str(sym);
        x += (unicode_width::UnicodeWidthStr::width(sym) as u16).max(1);
    }
    let start = x - unicode_width::UnicodeWidthStr::width(needle) as u16;
    buf[(start, y as u16)].fg
}

fn fg_at(buf: &Buffer, needle: &str) -> Color {
    let (x, y) =
        find(buf, needle).unwrap_or_else(|| panic!("{needle} not on screen:\n{}", text(buf)));
    buf[(x, y)].fg
}

fn bg_at(buf: &Buffer, needle: &str) -> Color {
    let (x, y) =
        find(buf, needle).unwrap_or_else(|| panic!("{needle} not on screen:\n{}", text(buf)));
    buf[(x, y)].bg
}

fn count_bg(buf: &Buffer, colour: Color) -> usize {
    buf.content.iter().filter(|c| c.bg == colour).count()
}

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn roles() -> yishi::theme::Roles {
    Theme::default().roles
}

#[test]
fn the_roster_groups_people_and_says_who_is_here_in_words_and_colour() {
    let mut fx = demo_app(Lang::Zh);
    for (w, h) in SIZES {
        let buf = render(&fx.app, w, h);
        let s = text(&buf);
        assert!(s.contains("1签到"), "{s}");
        assert!(s.contains("北苑居小区第三次听证协商会"));
        assert!(s.contains("14:20:00"), "the clock");
        assert!(s.contains("单元长 0/7"));
        assert!(s.contains("郭建平"));
        assert!(s.contains("未达法定人数"));
        assert_eq!(fg_in_row(&buf, "孙晓梅", "未到"), roles().muted.fg.unwrap());
    }
    // Check in the Party representative (first row).
    press(&mut fx.app, KeyCode::Char(' '));
    for (w, h) in SIZES {
        let buf = render(&fx.app, w, h);
        let s = text(&buf);
        assert!(s.contains("已到 14:20"), "{s}");
        assert!(s.contains("社区党组织代表 1/1"));
        assert!(
            s.contains("郭建平 已签到 14:20"),
            "the status line confirms it"
        );
        assert_eq!(
            fg_in_row(&buf, "郭建平", "已到 14:20"),
            roles().selected.fg.unwrap(),
            "selected row"
        );
        assert_eq!(fg_in_row(&buf, "孙晓梅", "未到"), roles().muted.fg.unwrap());
        // The quorum badge says it in words and in the failed colour.
        assert_eq!(bg_at(&buf, "未达法定人数"), roles().failed.bg.unwrap());
    }
    // Everyone in: quorate, and said so in the passed colour.
    for _ in 0..12 {
        press(&mut fx.app, KeyCode::Down);
        press(&mut fx.app, KeyCode::Char(' '));
    }
    let buf = render(&fx.app, 80, 24);
    assert!(text(&buf).contains("出席 13/13"), "{}", text(&buf));
    assert_eq!(bg_at(&buf, "已达法定人数"), roles().passed.bg.unwrap());
    // Saved at once.
    let saved = std::fs::read_to_string(fx.dir.path().join("demo.ron")).unwrap();
    assert_eq!(saved.matches("Present(").count(), 13);
}

#[test]
fn required_roles_missing_are_named_until_they_arrive() {
    let mut fx = demo_app(Lang::Zh);
    let buf = render(&fx.app, 160, 48);
    let s = text(&buf);
    assert!(
        s.contains("缺：社区党组织代表、物业公司代表、产权单位负责人"),
        "{s}"
    );
    assert!(s.contains("物业公司代表 未到"));
    // The property company is the 10th row (after Party, committee, 7 unit heads).
    for _ in 0..9 {
        press(&mut fx.app, KeyCode::Down);
    }
    press(&mut fx.app, KeyCode::Char(' '));
    let s = text(&render(&fx.app, 160, 48));
    assert!(s.contains("缺：社区党组织代表、产权单位负责人"), "{s}");
    assert!(s.contains("物业公司代表 已到"));
}

#[test]
fn a_walk_in_is_added_through_a_form_with_chinese_input() {
    let mut fx = demo_app(Lang::Zh);
    press(&mut fx.app, KeyCode::Char('a'));
    let buf = render(&fx.app, 80, 24);
    assert!(text(&buf).contains("新增参会人员"));
    typ(&mut fx.app, "吴桂兰");
    // The terminal cursor follows the text cursor (input methods use it).
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| fx.app.draw(f)).unwrap();
    let cursor = term.get_cursor_position().unwrap();
    let (x, y) = find(term.backend().buffer(), "吴桂兰").unwrap();
    assert_eq!(
        (cursor.x, cursor.y),
        (x + 6, y),
        "after three wide characters"
    );
    press(&mut fx.app, KeyCode::Tab);
    press(&mut fx.app, KeyCode::Tab);
    typ(&mut fx.app, "2号楼1单元");
    press(&mut fx.app, KeyCode::Tab);
    press(&mut fx.app, KeyCode::Backspace);
    typ(&mut fx.app, "x");
    press(&mut fx.app, KeyCode::Enter);
    assert!(
        text(&render(&fx.app, 80, 24)).contains("代表户数须为整数"),
        "bad numbers are refused in the form"
    );
    press(&mut fx.app, KeyCode::Backspace);
    typ(&mut fx.app, "1");
    press(&mut fx.app, KeyCode::Enter);
    // The meeting has not started: she is on the roster, expected.
    let s = text(&render(&fx.app, 160, 48));
    assert!(s.contains("吴桂兰 已加入名单"), "{s}");
    assert!(s.contains("居民 0/1"), "{s}");
    assert!(s.contains("出席 0/14  户 0/85"), "{s}");
}

#[test]
fn the_agenda_starts_a_topic_and_counts_down_its_time_box() {
    let mut fx = demo_app(Lang::Zh);
    press(&mut fx.app, KeyCode::Char('2'));
    press(&mut fx.app, KeyCode::Enter);
    fx.app.tick(t(T0) + TimeDelta::seconds(5 * 60 + 30));
    for (w, h) in SIZES {
        let buf = render(&fx.app, w, h);
        let s = text(&buf);
        assert!(s.contains("2议程"));
        assert!(s.contains("讨论中"), "{s}");
        assert!(s.contains("剩余 24:30"), "{s}");
        assert!(
            s.contains("2016年3月10日") || s.contains("会前材料"),
            "material sent: {s}"
        );
        assert_eq!(fg_at(&buf, "剩余 24:30"), roles().countdown.fg.unwrap());
        assert!(
            count_bg(&buf, roles().countdown.fg.unwrap()) > 20,
            "big digits"
        );
    }
    // Past the time box: said as overtime, in the warning colour.
    fx.app.tick(t(T0) + TimeDelta::seconds(31 * 60));
    let buf = render(&fx.app, 80, 24);
    assert_eq!(fg_at(&buf, "超时 01:00"), roles().warning.fg.unwrap());
}

fn check_in_all(app: &mut App) {
    press(app, KeyCode::Char('1'));
    press(app, KeyCode::Char(' '));
    for _ in 0..12 {
        press(app, KeyCode::Down);
        press(app, KeyCode::Char(' '));
    }
}

#[test]
fn the_speaker_timer_warns_before_the_limit_and_rings_once_at_it() {
    let mut fx = demo_app(Lang::Zh);
    check_in_all(&mut fx.app);
    press(&mut fx.app, KeyCode::Char('3'));
    press(&mut fx.app, KeyCode::Char('a'));
    typ(&mut fx.app, "王桂芳");
    press(&mut fx.app, KeyCode::Enter);
    press(&mut fx.app, KeyCode::Enter);
    press(&mut fx.app, KeyCode::Char('s'));
    press(&mut fx.app, KeyCode::Char('s'));
    press(&mut fx.app, KeyCode::Char('i'));
    typ(&mut fx.app, "我反对按户均摊，一楼住户不用楼道。");
    press(&mut fx.app, KeyCode::Esc);
    fx.app.tick(t(T0) + TimeDelta::seconds(60));
    for (w, h) in SIZES {
        let buf = render(&fx.app, w, h);
        let s = text(&buf);
        assert!(s.contains("发言：王桂芳"), "{s}");
        assert!(s.contains("发言中"));
        assert!(s.contains("剩余 01:00"));
        assert!(s.contains("[反对]"));
        assert!(s.contains("我反对按户均摊"));
        assert_eq!(fg_at(&buf, "[反对]"), roles().vote_no.fg.unwrap());
    }
    // 100 s of 120: within the 30 s warning.
    fx.app.tick(t(T0) + TimeDelta::seconds(100));
    assert!(!fx.app.bell);
    let buf = render(&fx.app, 80, 24);
    assert!(text(&buf).contains("即将到时"));
    let (x, y) = find(&buf, "即将到时").unwrap();
    assert_eq!(buf[(x, y)].fg, roles().warning.fg.unwrap());
    assert!(
        buf[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "a reverse-video badge"
    );
    // At the limit the bell rings, once.
    fx.app.tick(t(T0) + TimeDelta::seconds(120));
    assert!(fx.app.bell);
    fx.app.bell = false;
    fx.app.tick(t(T0) + TimeDelta::seconds(125));
    assert!(!fx.app.bell);
    let buf = render(&fx.app, 80, 24);
    assert!(text(&buf).contains("时间到"));
    // The summary was saved as it was typed.
    let saved = std::fs::read_to_string(fx.dir.path().join("demo.ron")).unwrap();
    assert!(saved.contains("summary: \"我反对按户均摊，一楼住户不用楼道。\""));
    assert!(saved.contains("stance: Against"));
}

/// Check everyone in, open a named vote of the seven unit heads under the
/// household-majority rule, 6 yes and 1 no.
fn named_vote(app: &mut App) {
    check_in_all(app);
    press(app, KeyCode::Char('4'));
    press(app, KeyCode::Char('v'));
    // Rule: move to household-majority.
    press(app, KeyCode::Tab);
    let book = RuleBook::builtin();
    let target = book
        .rules
        .iter()
        .position(|r| r.id == "household-majority")
        .unwrap();
    let start = book
        .rules
        .iter()
        .position(|r| r.id == "simple-majority")
        .unwrap();
    for _ in 0..(target + book.rules.len() - start) % book.rules.len() {
        press(app, KeyCode::Right);
    }
    press(app, KeyCode::Enter);
    for c in "yyynyyy".chars() {
        press(app, KeyCode::Char(c));
    }
}

#[test]
fn a_named_vote_shows_the_live_tally_and_the_verdict_with_its_rule() {
    let mut fx = demo_app(Lang::Zh);
    named_vote(&mut fx.app);
    for (w, h) in SIZES {
        let buf = render(&fx.app, w, h);
        let s = text(&buf);
        assert!(s.contains("是否再行聘请物业公司？"), "{s}");
        assert!(s.contains("按户数过半数"));
        assert!(s.contains("赞成 6 人"));
        assert!(s.contains("赞成 72 户"));
        assert!(s.contains("按目前票数：通过"));
        assert!(s.contains("超过出席 84 户的半数"));
        assert_eq!(fg_at(&buf, "反对 1 人"), roles().vote_no.fg.unwrap());
        assert!(
            count_bg(&buf, roles().vote_yes.fg.unwrap()) > 20,
            "big yes digits and bar"
        );
    }
    press(&mut fx.app, KeyCode::Char('c'));
    assert!(text(&render(&fx.app, 80, 24)).contains("结束表决？"));
    press(&mut fx.app, KeyCode::Char('y'));
    let buf = render(&fx.app, 80, 24);
    let s = text(&buf);
    assert!(s.contains("已结束（锁定）"), "{s}");
    assert_eq!(bg_at(&buf, " 通过 "), roles().passed.bg.unwrap());
    // Locked: a ballot key is refused with the reason.
    press(&mut fx.app, KeyCode::Char('n'));
    assert!(text(&render(&fx.app, 80, 24)).contains("表决已结束并锁定"));
}

#[test]
fn a_correction_is_recorded_with_its_reason_and_time() {
    let mut fx = demo_app(Lang::Zh);
    named_vote(&mut fx.app);
    press(&mut fx.app, KeyCode::Char('c'));
    press(&mut fx.app, KeyCode::Char('y'));
    press(&mut fx.app, KeyCode::Char('r'));
    press(&mut fx.app, KeyCode::Home);
    for c in "nnnn".chars() {
        press(&mut fx.app, KeyCode::Char(c));
    }
    let s = text(&render(&fx.app, 80, 24));
    assert!(s.contains("更正中"), "{s}");
    assert!(s.contains("未通过"));
    press(&mut fx.app, KeyCode::Char('c'));
    typ(&mut fx.app, "计票员误记四票");
    press(&mut fx.app, KeyCode::Enter);
    let s = text(&render(&fx.app, 160, 48));
    assert!(
        s.contains("更正 2026年11月22日 14:20：计票员误记四票"),
        "{s}"
    );
    let saved = std::fs::read_to_string(fx.dir.path().join("demo.ron")).unwrap();
    assert!(saved.contains("corrections: ["));
    assert!(saved.contains("reason: \"计票员误记四票\""));
}

#[test]
fn a_hand_count_takes_typed_digits_and_refuses_the_impossible() {
    let mut fx = demo_app(Lang::Zh);
    check_in_all(&mut fx.app);
    press(&mut fx.app, KeyCode::Char('4'));
    press(&mut fx.app, KeyCode::Char('v'));
    press(&mut fx.app, KeyCode::Tab);
    press(&mut fx.app, KeyCode::Tab);
    press(&mut fx.app, KeyCode::Right); // 举手表决
    press(&mut fx.app, KeyCode::Enter);
    typ(&mut fx.app, "9");
    let s = text(&render(&fx.app, 80, 24));
    assert!(s.contains("无法计票"), "9 yes of 7 voters present: {s}");
    press(&mut fx.app, KeyCode::Char('c'));
    press(&mut fx.app, KeyCode::Char('y'));
    assert!(
        text(&render(&fx.app, 80, 24)).contains("多于出席"),
        "closing is refused with the reason"
    );
    press(&mut fx.app, KeyCode::Backspace);
    typ(&mut fx.app, "5");
    press(&mut fx.app, KeyCode::Down);
    typ(&mut fx.app, "2");
    let s = text(&render(&fx.app, 80, 24));
    assert!(
        s.contains("赞成 5 人，超过赞成与反对合计 7 人的半数"),
        "{s}"
    );
}

fn decide_and_post(app: &mut App) {
    named_vote(app);
    press(app, KeyCode::Char('c'));
    press(app, KeyCode::Char('y'));
    press(app, KeyCode::Char('d'));
    // Amount: 9,240 a year.
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    typ(app, "9240");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Char('5'));
    press(app, KeyCode::Char('n'));
    press(app, KeyCode::Enter);
}

#[test]
fn the_notice_counts_down_days_hours_and_minutes() {
    let mut fx = demo_app(Lang::Zh);
    decide_and_post(&mut fx.app);
    // Posted Sunday 2026-11-22: day 7 is Sunday 11-29, moved to Monday 11-30.
    for (w, h) in SIZES {
        let buf = render(&fx.app, w, h);
        let s = text(&buf);
        assert!(s.contains("公示中"), "{s}");
        assert!(s.contains("剩余 8 天 9 小时 40 分"), "{s}");
        assert!(s.contains("截止：2026年11月30日 24 时"));
        assert!(
            count_bg(&buf, roles().countdown.fg.unwrap()) > 20,
            "big countdown"
        );
    }
    // An objection pauses it.
    press(&mut fx.app, KeyCode::Char('o'));
    typ(&mut fx.app, "3号楼住户");
    press(&mut fx.app, KeyCode::Tab);
    typ(&mut fx.app, "应按面积分摊");
    press(&mut fx.app, KeyCode::Enter);
    let buf = render(&fx.app, 80, 24);
    let s = text(&buf);
    assert!(s.contains("暂停（有异议）"), "{s}");
    assert!(s.contains("应按面积分摊"));
    assert_eq!(fg_at(&buf, "暂停（有异议）"), roles().warning.fg.unwrap());
    // The topic is flagged for re-deliberation.
    press(&mut fx.app, KeyCode::Char('2'));
    assert!(text(&render(&fx.app, 80, 24)).contains("待再协商"));
}

#[test]
fn the_minutes_screen_shows_the_minutes_as_they_will_print() {
    let mut fx = demo_app(Lang::Zh);
    decide_and_post(&mut fx.app);
    press(&mut fx.app, KeyCode::Char('6'));
    let buf = render(&fx.app, 80, 24);
    let s = text(&buf);
    assert!(s.contains("北苑居小区第三次听证协商会会议纪要"), "{s}");
    assert_eq!(fg_at(&buf, "一、会议基本情况"), roles().title.fg.unwrap());
    // Scroll to the votes.
    for _ in 0..8 {
        press(&mut fx.app, KeyCode::PageDown);
    }
    let all: String = (0..20)
        .map(|_| {
            press(&mut fx.app, KeyCode::PageUp);
            text(&render(&fx.app, 160, 48))
        })
        .collect();
    assert!(all.contains("五、表决情况"));
    assert!(all.contains("每年 9,240 元，按户均摊"));
}

#[test]
fn a_terminal_too_small_gets_a_message_not_a_panic() {
    let fx = demo_app(Lang::Zh);
    for (w, h) in [(79, 24), (80, 23), (20, 5), (1, 1)] {
        let s = text(&render(&fx.app, w, h));
        if w >= 12 && h >= 1 {
            assert!(
                s.contains("终端窗口太小") || s.contains("终端"),
                "{w}x{h}: {s}"
            );
        }
    }
    let fx = demo_app(Lang::En);
    assert!(text(&render(&fx.app, 60, 20)).contains("Terminal too small"));
}

#[test]
fn help_lists_every_key_of_the_screen_from_the_keymap() {
    let mut fx = demo_app(Lang::Zh);
    press(&mut fx.app, KeyCode::Char('?'));
    let s = text(&render(&fx.app, 160, 48));
    assert!(s.contains("本屏（签到）"), "{s}");
    for b in yishi::tui::keymap::BINDINGS.iter().filter(|b| {
        b.ctx == yishi::tui::keymap::Context::Screen(yishi::tui::keymap::ScreenId::Roster)
    }) {
        assert!(s.contains(b.help.zh), "missing {}", b.help.zh);
    }
    assert!(s.contains("一次会议的流程"));
    press(&mut fx.app, KeyCode::Esc);
    assert!(!text(&render(&fx.app, 160, 48)).contains("本屏（签到）"));
}

#[test]
fn the_interface_speaks_english_on_request() {
    let mut fx = demo_app(Lang::En);
    let s = text(&render(&fx.app, 80, 24));
    assert!(s.contains("1Roster"), "{s}");
    assert!(s.contains("not yet"));
    assert!(s.contains("no quorum"));
    assert!(!s.contains("签到") && !s.contains("未到"), "{s}");
    press(&mut fx.app, KeyCode::Char('L'));
    assert!(text(&render(&fx.app, 80, 24)).contains("1签到"));
}

#[test]
fn t_cycles_to_the_projector_theme() {
    let mut fx = demo_app(Lang::Zh);
    press(&mut fx.app, KeyCode::Char('t'));
    let buf = render(&fx.app, 80, 24);
    let projector = Theme::projector().roles;
    assert_eq!(buf[(40, 10)].bg, projector.base.bg.unwrap());
    assert!(text(&buf).contains("配色：投影高对比"));
}

#[test]
fn esc_then_a_key_at_once_ends_the_summary_and_does_the_key() {
    let mut fx = demo_app(Lang::Zh);
    check_in_all(&mut fx.app);
    press(&mut fx.app, KeyCode::Char('3'));
    press(&mut fx.app, KeyCode::Char('a'));
    press(&mut fx.app, KeyCode::Enter);
    press(&mut fx.app, KeyCode::Enter);
    press(&mut fx.app, KeyCode::Char('i'));
    typ(&mut fx.app, "同意");
    // What the terminal delivers for Esc and 4 typed together.
    fx.app
        .on_key(KeyEvent::new(KeyCode::Char('4'), KeyModifiers::ALT));
    let s = text(&render(&fx.app, 80, 24));
    assert!(s.contains("还没有表决"), "now on the vote screen: {s}");
    let saved = std::fs::read_to_string(fx.dir.path().join("demo.ron")).unwrap();
    assert!(
        saved.contains("summary: \"同意\""),
        "the 4 is not in the summary"
    );
}

#[test]
fn quitting_asks_first() {
    let mut fx = demo_app(Lang::Zh);
    press(&mut fx.app, KeyCode::Char('q'));
    assert!(!fx.app.quit);
    assert!(text(&render(&fx.app, 80, 24)).contains("退出 yishi？"));
    press(&mut fx.app, KeyCode::Char('n'));
    assert!(!fx.app.quit);
    press(&mut fx.app, KeyCode::Char('q'));
    press(&mut fx.app, KeyCode::Char('y'));
    assert!(fx.app.quit);
}

#[test]
fn a_failed_save_is_shown_naming_the_file_and_nothing_is_lost() {
    let mut fx = demo_app(Lang::Zh);
    // The folder disappears under the meeting (a pulled USB stick).
    let path = fx.dir.path().join("demo.ron");
    std::fs::remove_dir_all(fx.dir.path()).unwrap();
    press(&mut fx.app, KeyCode::Char(' '));
    let s = text(&render(&fx.app, 160, 48));
    assert!(s.contains("未能保存"), "{s}");
    assert!(s.contains("demo.ron"));
    assert!(s.contains("已到 14:20"), "the change is kept on screen");
    // When the folder is back, the next change saves everything.
    std::fs::create_dir_all(fx.dir.path()).unwrap();
    press(&mut fx.app, KeyCode::Down);
    press(&mut fx.app, KeyCode::Char(' '));
    assert!(!text(&render(&fx.app, 160, 48)).contains("未能保存"));
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(saved.matches("Present(").count(), 2);
}

/// The screen as text, with the pixels of big digits and bars (coloured
/// spaces in the base text colour, on neither the base nor the status
/// background) shown as `#`.
fn snapshot_text(buf: &Buffer) -> String {
    let r = roles();
    let (base_bg, base_fg, status_bg) =
        (r.base.bg.unwrap(), r.base.fg.unwrap(), r.status.bg.unwrap());
    (0..buf.area.height)
        .map(|y| {
            let mut s = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let c = &buf[(x, y)];
                let pixel =
                    c.symbol() == " " && c.fg == base_fg && c.bg != base_bg && c.bg != status_bg;
                s.push_str(if pixel { "#" } else { c.symbol() });
                x += (unicode_width::UnicodeWidthStr::width(c.symbol()) as u16).max(1);
            }
            s.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn screens_snapshot_at_80_by_24() {
    let mut fx = demo_app(Lang::Zh);
    let mut shots = Vec::new();
    let snap = |app: &App| snapshot_text(&render(app, 80, 24));
    check_in_all(&mut fx.app);
    shots.push(("roster", snap(&fx.app)));
    press(&mut fx.app, KeyCode::Char('2'));
    press(&mut fx.app, KeyCode::Enter);
    shots.push(("agenda", snap(&fx.app)));
    press(&mut fx.app, KeyCode::Char('3'));
    press(&mut fx.app, KeyCode::Char('a'));
    typ(&mut fx.app, "钱国强");
    press(&mut fx.app, KeyCode::Enter);
    press(&mut fx.app, KeyCode::Char('a'));
    typ(&mut fx.app, "王桂芳");
    press(&mut fx.app, KeyCode::Enter);
    press(&mut fx.app, KeyCode::Enter);
    press(&mut fx.app, KeyCode::Char('i'));
    typ(&mut fx.app, "恒安物业不再参与小区管理，3月底前完成交接。");
    press(&mut fx.app, KeyCode::Esc);
    fx.app.tick(t(T0) + TimeDelta::seconds(75));
    shots.push(("discussion", snap(&fx.app)));
    fx.app.tick(t(T0));
    let mut app = demo_app(Lang::Zh);
    decide_and_post(&mut app.app);
    press(&mut app.app, KeyCode::Char('4'));
    shots.push(("vote", snap(&app.app)));
    press(&mut app.app, KeyCode::Char('5'));
    shots.push(("notice", snap(&app.app)));
    press(&mut app.app, KeyCode::Char('6'));
    shots.push(("minutes", snap(&app.app)));
    for (name, shot) in shots {
        insta::assert_snapshot!(name, shot);
    }
}

/// The app over the meeting file at `path`, as `yishi open` starts it.
fn reopen(path: &std::path::Path) -> App {
    let session = Session::open(path).unwrap();
    let mut app = App::new(
        Lang::Zh,
        vec![Theme::default()],
        t(T0),
        Mode::Meeting(Box::new(MeetingView::new(session))),
        path.parent().unwrap().to_path_buf(),
        RuleBook::builtin(),
    );
    app.restore_draft();
    app
}

#[test]
fn a_form_left_open_by_a_crash_comes_back_with_what_was_typed() {
    let fx = demo_app(Lang::Zh);
    let Fixture { mut app, dir } = fx;
    named_vote(&mut app);
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Char('d'));
    typ(&mut app, "，保洁员月薪770元");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "9240");
    let path = dir.path().join("demo.ron");
    let draft = yishi::tui::draft::draft_path(&path);
    assert!(draft.exists(), "the open form is on disk");
    let saved = std::fs::read_to_string(&draft).unwrap();
    assert!(saved.contains("9240"), "{saved}");
    // The minutes do not hold the decision: the form was never submitted.
    assert!(
        yishi::minutes_file::read(&path)
            .unwrap()
            .minutes
            .decisions
            .is_empty()
    );

    // Power cut: the app is gone without closing anything.
    drop(app);
    let mut app = reopen(&path);
    let Mode::Meeting(mv) = &app.mode else {
        panic!("a meeting")
    };
    assert_eq!(mv.screen, yishi::tui::keymap::ScreenId::Vote);
    let s = text(&render(&app, 160, 48));
    assert!(s.contains("形成决定"), "{s}");
    assert!(s.contains("是否再行聘请物业公司，保洁员月薪770元"), "{s}");
    assert!(s.contains("9240"), "{s}");
    assert!(s.contains("已恢复上次未提交的内容"), "{s}");

    // Submitting it records the decision, and the draft is gone.
    press(&mut app, KeyCode::Enter);
    let m = yishi::minutes_file::read(&path).unwrap().minutes;
    assert_eq!(m.decisions.len(), 1);
    assert_eq!(m.decisions[0].text, "是否再行聘请物业公司，保洁员月薪770元");
    assert!(!draft.exists());
}

#[test]
fn a_cancelled_form_leaves_no_draft_and_a_damaged_draft_is_kept_and_named() {
    let Fixture { mut app, dir } = demo_app(Lang::Zh);
    let path = dir.path().join("demo.ron");
    let draft = yishi::tui::draft::draft_path(&path);
    press(&mut app, KeyCode::Char('a'));
    typ(&mut app, "吴桂兰");
    assert!(draft.exists());
    press(&mut app, KeyCode::Esc);
    assert!(!draft.exists(), "cancelled: nothing to keep");
    drop(app);

    std::fs::write(&draft, "(purpose: WalkIn,\n focus: 0,\n values: [Text(\"吴").unwrap();
    let app = reopen(&path);
    let kept = draft.with_extension("draft.broken");
    assert!(kept.exists(), "the damaged draft is kept");
    assert!(app.shared.popup.is_none());
    let s = text(&render(&app, 160, 48));
    assert!(
        s.contains("draft.broken:3:"),
        "names the file and the place: {s}"
    );
    assert!(s.contains("未提交表单的草稿无法读取"), "{s}");
}

#[test]
fn a_correction_in_progress_and_its_reason_survive_a_crash() {
    let Fixture { mut app, dir } = demo_app(Lang::Zh);
    let path = dir.path().join("demo.ron");
    named_vote(&mut app);
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Home);
    for c in "nnnn".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Char('c'));
    typ(&mut app, "计票员误记");
    drop(app);

    let mut app = reopen(&path);
    let s = text(&render(&app, 160, 48));
    assert!(s.contains("更正中"), "the corrected ballots are back: {s}");
    assert!(s.contains("更正理由"), "{s}");
    assert!(s.contains("计票员误记"), "{s}");
    assert!(s.contains("已恢复上次未提交的内容"), "{s}");
    typ(&mut app, "四票");
    press(&mut app, KeyCode::Enter);
    let m = yishi::minutes_file::read(&path).unwrap().minutes;
    let corr = &m.votes[0].corrections;
    assert_eq!(corr.len(), 1);
    assert_eq!(corr[0].reason, "计票员误记四票");
    assert_eq!(
        m.votes[0].current_verdict().unwrap().outcome,
        yishi::domain::vote::Outcome::Failed,
        "the four changed ballots count"
    );
    assert!(!yishi::tui::draft::draft_path(&path).exists());
}

#[test]
fn a_notice_posted_with_a_holiday_file_moves_past_the_holiday_and_keeps_it() {
    let mut fx = demo_app(Lang::Zh);
    // Monday 30 November 2026 made a holiday in the user's rest-days file.
    fx.app
        .shared
        .rest_days
        .holidays
        .insert(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    decide_and_post(&mut fx.app);
    let s = text(&render(&fx.app, 160, 48));
    assert!(s.contains("截止：2026年12月1日 24 时"), "{s}");
    assert!(s.contains("节假日顺延"), "says why: {s}");
    // The notice carries the day: the file alone gives the same end.
    let m = yishi::minutes_file::read(&fx.dir.path().join("demo.ron"))
        .unwrap()
        .minutes;
    assert_eq!(
        m.notices[0].last_day(&yishi::domain::notice::RestDays::weekends()),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
    );
}
