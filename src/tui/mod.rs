//! The facilitator's screens: the live meeting, projected on the wall.
//!
//! - [`app`]: state and key dispatch; [`meeting`]: what each action does
//! - [`keymap`]: every key binding (also the help screen and the hints)
//! - [`screens`]: drawing, one module per screen; [`ui`]: shared drawing
//! - [`session`]: the open meeting file, saved on every change
//! - [`terminal`]: entering and restoring the terminal on every exit

pub mod app;
pub mod archive;
pub mod draft;
pub mod field;
pub mod form;
pub mod keymap;
pub mod meeting;
pub mod screens;
pub mod session;
pub mod terminal;
pub mod ui;

use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::cli::{Cli, Command, data_dir_or_explain, now};
use crate::diagnostic::Diagnostic;
use crate::domain::Minutes;
use crate::domain::meeting::MeetingState;
use crate::domain::roster::Attendance;
use crate::i18n::Lang;
use crate::minutes_file;
use app::{App, Mode};
use meeting::MeetingView;
use screens::home::HomeView;
use session::Session;

fn fail(lang: Lang, diags: &[Diagnostic]) -> ExitCode {
    for d in diags {
        eprintln!("{}", d.render(lang));
    }
    ExitCode::FAILURE
}

/// The minutes a template gives a new meeting: a planned template as it
/// is (attendance reset), held minutes as their next meeting.
fn from_template(path: &Path) -> Result<Minutes, Vec<Diagnostic>> {
    let t = minutes_file::read(path)?.minutes;
    let now = now();
    Ok(if t.meeting.state == MeetingState::Planned {
        let mut m = t.before_it_was_held(now);
        m.meeting.id = crate::domain::template::new_id(now, "meeting");
        for a in &mut m.roster {
            a.attendance = Attendance::Expected;
        }
        m
    } else {
        t.next_meeting(now)
    })
}

/// Run the interactive commands: `demo`, `new`, `open`, or the home screen.
pub fn run(cli: &Cli) -> ExitCode {
    let lang = cli.lang;
    let data_dir = match data_dir_or_explain(cli) {
        Ok(d) => d,
        Err(msg) => {
            eprintln!("yishi: {msg}");
            return ExitCode::from(2);
        }
    };
    let (themes, theme_problems) = crate::theme::available(crate::config::themes_dir().as_deref());
    let (rules, rule_problems) = crate::config::rules();
    let (rest_days, rest_problems) = crate::config::rest_days();
    for d in theme_problems
        .iter()
        .chain(&rule_problems)
        .chain(&rest_problems)
    {
        eprintln!("{}", d.render(lang));
    }
    let now = now();
    // Everything that can fail on input is checked before the screen
    // changes, so errors print as plain lines.
    let mut pending_new = None;
    let mut archive_dir = None;
    let mode = match &cli.command {
        Some(Command::Open { file }) => match Session::open(file) {
            Ok(s) => Mode::Meeting(Box::new(MeetingView::new(s))),
            Err(d) => return fail(lang, &d),
        },
        Some(Command::Demo) => {
            let demo = crate::demo::demo(now);
            let path = minutes_file::paths::new_file_path(&data_dir, &demo);
            match Session::create(&path, demo) {
                Ok(s) => Mode::Meeting(Box::new(MeetingView::new(s))),
                Err(d) => return fail(lang, &[d]),
            }
        }
        Some(Command::Archive { dir }) => {
            let dir = dir.clone().unwrap_or_else(|| data_dir.clone());
            if !dir.is_dir() {
                let e = std::io::Error::from(std::io::ErrorKind::NotFound);
                return fail(
                    lang,
                    &[Diagnostic::io(&dir, crate::diagnostic::IoDoing::Read, &e)],
                );
            }
            archive_dir = Some(dir);
            Mode::Home(HomeView::default())
        }
        Some(Command::New { template }) => {
            if let Some(t) = template {
                match from_template(t) {
                    Ok(m) => pending_new = Some(Some(m)),
                    Err(d) => return fail(lang, &d),
                }
            } else {
                pending_new = Some(None);
            }
            Mode::Home(HomeView::scan(&data_dir))
        }
        _ => Mode::Home(HomeView::scan(&data_dir)),
    };
    let mut app = App::new(lang, themes, now, mode, data_dir, rules);
    app.shared.rest_days = rest_days;
    app.restore_draft();
    if let Some(base) = pending_new {
        app.prepare_new(base);
    }
    if let Some(dir) = archive_dir {
        app.open_archive(&dir, crate::archive::Options::default());
        if !matches!(app.mode, Mode::Archive(_)) {
            let msg = app
                .shared
                .message
                .take()
                .map(|m| m.text(lang).to_string())
                .unwrap_or_default();
            eprintln!("{msg}");
            return ExitCode::FAILURE;
        }
    }
    if let Mode::Meeting(mv) = &app.mode {
        app.shared.message = Some(meeting::Message::info(
            format!(
                "按 ? 查看全部按键和会议流程。会议随时保存在 {}",
                mv.session.path.display()
            ),
            format!(
                "Press ? for every key and the steps of a meeting. Saved as you go in {}",
                mv.session.path.display()
            ),
        ));
    }

    if let Some(d) = theme_problems
        .first()
        .or(rule_problems.first())
        .or(rest_problems.first())
    {
        app.shared.message = Some(meeting::Message::error(
            d.render(Lang::Zh),
            d.render(Lang::En),
        ));
    }
    let result = event_loop(&mut app);
    terminal::restore();
    if let Err(e) = result {
        eprintln!("yishi: {e}");
    }
    farewell(&mut app)
}

fn event_loop(app: &mut App) -> std::io::Result<()> {
    let stop = terminal::stop_signals();
    let mut term = terminal::enter()?;
    loop {
        app.tick(now());
        term.draw(|f| app.draw(f))?;
        // Debug builds only: a panic on request, for the end-to-end test
        // that the terminal is restored after a panic.
        #[cfg(debug_assertions)]
        if std::env::var_os("YISHI_TEST_PANIC").is_some() {
            panic!("YISHI_TEST_PANIC: a panic on request, after the first frame");
        }
        if app.bell {
            app.bell = false;
            terminal::bell(&mut term);
        }
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // The archive was drawn from its cache; now check the folder. When
        // many files must be read, show how far it has got.
        if let Mode::Archive(av) = &mut app.mode
            && av.needs_refresh
        {
            let theme = app.themes[app.theme % app.themes.len()].clone();
            let (lang, now) = (app.shared.lang, app.shared.now);
            let mut last = std::time::Instant::now();
            av.refresh(&mut app.shared, &mut |done, total| {
                if total >= 300 && (done == 0 || last.elapsed() >= Duration::from_millis(100)) {
                    last = std::time::Instant::now();
                    let ui = ui::Ui::new(&theme, lang, now);
                    let _ = term.draw(|f| screens::archive::progress(f, &ui, done, total));
                }
            });
            app.tick(now);
            continue;
        }

        if event::poll(Duration::from_millis(200))? {
            match event::read()? {
                Event::Key(k) if matches!(k.kind, KeyEventKind::Press | KeyEventKind::Repeat) => {
                    app.on_key(k)
                }
                Event::Paste(text) => app.on_paste(&text),
                _ => {}
            }
        }
    }
}

/// After the screen is restored: make sure the meeting is on disk, and
/// say where it is.
fn farewell(app: &mut App) -> ExitCode {
    let lang = app.shared.lang;
    let Mode::Meeting(mv) = &mut app.mode else {
        return ExitCode::SUCCESS;
    };
    let s = &mut mv.session;
    s.save();
    if s.read_only {
        return ExitCode::SUCCESS;
    }
    match &s.save_error {
        None => {
            eprintln!(
                "{}",
                lang.choose(
                    format!("会议已保存：{}", s.path.display()),
                    format!("the meeting is saved in {}", s.path.display())
                )
            );
            ExitCode::SUCCESS
        }
        Some(err) => {
            eprintln!("{}", err.render(lang));
            match s.rescue() {
                Some(p) => eprintln!(
                    "{}",
                    lang.choose(
                        format!("无法写入原文件，内容已另存到：{}", p.display()),
                        format!(
                            "the file could not be written; everything was saved to {}",
                            p.display()
                        )
                    )
                ),
                None => eprintln!(
                    "{}",
                    lang.choose(
                        "警告：无法保存到任何位置！",
                        "WARNING: the meeting could not be saved anywhere!"
                    )
                ),
            }
            ExitCode::FAILURE
        }
    }
}
