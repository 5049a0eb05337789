//! Helpers shared by the screen tests (`screens.rs`, `archive_screens.rs`):
//! draw the app into a `TestBackend` and read the screen back as text.

// Each test crate uses its own subset.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use yishi::tui::app::App;

pub fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// One frame of the app at `w`×`h`.
pub fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| app.draw(f)).unwrap();
    term.backend().buffer().clone()
}

/// The buffer as lines of text (a wide character's second cell skipped).
pub fn lines(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let mut s = String::new();
            let mut x = 0;
            while x < area.width {
                let sym = buf[(x, y)].symbol();
                s.push_str(sym);
                x += (unicode_width::UnicodeWidthStr::width(sym) as u16).max(1);
            }
            s
        })
        .collect()
}

pub fn text(buf: &Buffer) -> String {
    lines(buf).join("\n")
}
