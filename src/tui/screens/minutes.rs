//! 纪要 Minutes: the minutes as they stand, laid out as they will print.

use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::meeting::{MeetingView, MinutesCache};
use super::super::ui::{Lines, Ui, panel, title_bar};
use crate::export::minutes_doc::minutes_doc;
use crate::export::plain::render_lines;

/// The lines of the minutes at a width, and the section headings among
/// them; built once per change of the minutes, width, language or minute.
pub fn lines(mv: &MeetingView, ui: &Ui, width: u16) -> (Rc<Vec<String>>, Rc<Vec<String>>) {
    let key = (
        mv.session.generation,
        width,
        ui.lang,
        ui.now.timestamp() / 60,
    );
    if let Some(c) = mv.minutes_cache.borrow().as_ref()
        && c.key == key
    {
        return (Rc::clone(&c.lines), Rc::clone(&c.headings));
    }
    let doc = minutes_doc(mv.minutes(), ui.lang, ui.now);
    let headings: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            crate::export::Block::Heading(h) | crate::export::Block::Subheading(h) => {
                Some(h.clone())
            }
            _ => None,
        })
        .collect();
    let lines = Rc::new(render_lines(&doc, usize::from(width.max(20))));
    let headings = Rc::new(headings);
    *mv.minutes_cache.borrow_mut() = Some(MinutesCache {
        key,
        lines: Rc::clone(&lines),
        headings: Rc::clone(&headings),
    });
    (lines, headings)
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
        .iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .map(|l| {
            let style = if headings.contains(l) {
                ui.style(|r| r.title)
            } else {
                ui.style(|r| r.base)
            };
            Line::styled(l.as_str(), style)
        })
        .collect();
    f.render_widget(Lines::new(shown), body);
}
