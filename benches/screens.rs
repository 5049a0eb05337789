//! Frame render time of each meeting screen at 200×60, and key-press to
//! frame time, with the 北苑居 demo in the state of a real meeting (13
//! present, a speaker at the floor, a closed vote, a running notice).
//!
//! Target (issue 3): under 1 ms median per frame on the reference machine.
//! Run: `cargo bench --bench screens`.

use std::hint::black_box;

use chrono::{DateTime, TimeDelta};
use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use yishi::domain::vote::RuleBook;
use yishi::i18n::Lang;
use yishi::theme::Theme;
use yishi::tui::app::{App, Mode};
use yishi::tui::keymap::ScreenId;
use yishi::tui::meeting::MeetingView;
use yishi::tui::session::Session;

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The demo, held up to a running notice with a speaker at the floor.
fn meeting(dir: &std::path::Path) -> App {
    let now = DateTime::parse_from_rfc3339("2026-11-22T14:20:00+08:00").unwrap();
    let session = Session::create(&dir.join("bench.ron"), yishi::demo::demo(now)).unwrap();
    let mut app = App::new(
        Lang::Zh,
        vec![Theme::default()],
        now,
        Mode::Meeting(Box::new(MeetingView::new(session))),
        dir.to_path_buf(),
        RuleBook::builtin(),
    );
    press(&mut app, KeyCode::Char(' '));
    for _ in 0..12 {
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Char(' '));
    }
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('v'));
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "yyyyyyny");
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('i'));
    typ(
        &mut app,
        "我同意不再请物业，单元里的住户都已表态同意，保洁费按年收取。",
    );
    press(&mut app, KeyCode::Esc);
    app.tick(now + TimeDelta::seconds(95));
    app.shared.message = None;
    app
}

fn frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = meeting(dir.path());
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut group = c.benchmark_group("frame 200x60");
    for screen in ScreenId::ALL {
        if let Mode::Meeting(mv) = &mut app.mode {
            mv.screen = screen;
        }
        group.bench_function(format!("{screen:?}"), |b| {
            b.iter(|| {
                term.draw(|f| black_box(&app).draw(f)).unwrap();
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("key to frame 200x60");
    if let Mode::Meeting(mv) = &mut app.mode {
        mv.screen = ScreenId::Roster;
    }
    // Moving the selection: no change to the minutes, nothing to save.
    group.bench_function("move (no save)", |b| {
        let mut down = true;
        b.iter(|| {
            press(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
            down = !down;
            term.draw(|f| app.draw(f)).unwrap();
        })
    });
    // Checking someone in: the minutes change and are written to disk
    // atomically (write, fsync, rename) before the frame.
    group.bench_function("check in (atomic save)", |b| {
        b.iter(|| {
            press(&mut app, KeyCode::Char(' '));
            term.draw(|f| app.draw(f)).unwrap();
        })
    });
    group.finish();
}

/// `FRAMES=N cargo bench --bench screens` draws each screen N times and
/// stops, for `valgrind --tool=callgrind`: instruction counts per frame
/// that do not depend on what else the machine is doing.
fn count_mode() -> bool {
    let Some(n) = std::env::var("FRAMES")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    else {
        return false;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut app = meeting(dir.path());
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    for screen in ScreenId::ALL {
        if let Mode::Meeting(mv) = &mut app.mode {
            mv.screen = screen;
        }
        for _ in 0..n {
            term.draw(|f| black_box(&app).draw(f)).unwrap();
        }
    }
    true
}

criterion_group!(benches, frames);

fn main() {
    if count_mode() {
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
