//! 纪要 Minutes: the minutes as they stand, laid out as they will print.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::meeting::MeetingView;
use super::super::ui::{Ui, panel, title_bar};
use crate::export::minutes_doc::minutes_doc;
use crate::export::plain::render_lines;

/// The lines of the minutes at a width, and the section headings among them.
pub fn lines(mv: &MeetingView, ui: &Ui, width: u16) -> (Vec<String>, Vec<String>) {
    let doc = minutes_doc(mv.minutes(), ui.lang, ui.now);
    let headings = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            crate::export::Block::Heading(h) | crate::export::Block::Subheading(h) => {
                Some(h.clone())
            }
            _ => None,
        })
        .collect();
    (render_lines(&doc, usize::from(width.max(20))), headings)
}

pub fn draw(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let (title, body) = panel(area);
    let (all, headings) = lines(mv, ui, body.width);
    let max_scroll = all.len().saturating_sub(usize::from(body.height));
    let scroll = usize::from(mv.minutes_scroll).min(max_scroll);
    title_bar(
        f,
        ui,
        title,
        &format!(
            "{}  {}/{}  {}",
            ui.t("会议纪要", "Minutes"),
            (scroll + usize::from(body.height)).min(all.len()),
            all.len(),
            ui.t("（上下翻阅，x 导出）", "(Up/Down to scroll, x to export)")
        ),
        true,
    );
    let shown: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .map(|l| {
            if headings.contains(&l) {
                Line::styled(l, ui.style(|r| r.title))
            } else {
                Line::styled(l, ui.style(|r| r.base))
            }
        })
        .collect();
    f.render_widget(Paragraph::new(shown), body);
}
