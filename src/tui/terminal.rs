//! The terminal: one way in, one way out. Raw mode, the alternate screen and
//! bracketed paste are undone together on every exit: quit, error, panic,
//! Ctrl-C, SIGTERM/SIGHUP/SIGINT.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// Frames go out through a buffer large enough for a whole 200×60 frame,
/// so that each frame is one write (stdout alone flushes every 1 KB: a
/// dozen writes a frame, and a projector can show half-drawn frames).
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Leave the terminal as we found it. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = out.flush();
}

/// Take over the terminal; a panic restores it before the message prints.
pub fn enter() -> io::Result<Term> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    let out = BufWriter::with_capacity(1 << 18, out);
    Terminal::new(CrosstermBackend::new(out)).inspect_err(|_| restore())
}

/// A flag raised by SIGTERM, SIGHUP or SIGINT: the loop saves and leaves.
pub fn stop_signals() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&flag));
    }
    flag
}

/// Ring the terminal bell.
pub fn bell(term: &mut Term) {
    let _ = term.backend_mut().write_all(b"\x07");
    let _ = term.backend_mut().flush();
}
