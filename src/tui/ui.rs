//! Drawing helpers shared by the screens: the context every draw gets, the
//! frame chrome, big digits and bars.
//!
//! Nothing here uses box-drawing or block characters: they are
//! ambiguous-width in Chinese terminals and break layouts on projectors.
//! Panels are separated by title bars; big digits and bars are coloured
//! spaces (with reverse video when a colour is missing), which every
//! terminal draws one column wide.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::domain::Timestamp;
use crate::i18n::Lang;
use crate::text::{truncate, width};
use crate::theme::Theme;

/// What every draw function needs besides its own state.
#[derive(Clone, Copy)]
pub struct Ui<'a> {
    pub theme: &'a Theme,
    pub lang: Lang,
    pub now: Timestamp,
    /// What text is drawn on: the screen (`base`) or a popup (`status`).
    pub surface: Style,
}

impl<'a> Ui<'a> {
    pub fn new(theme: &'a Theme, lang: Lang, now: Timestamp) -> Self {
        Ui {
            theme,
            lang,
            now,
            surface: theme.roles.base,
        }
    }

    /// The same, drawing on a popup's background.
    pub fn on_popup(self) -> Self {
        Ui {
            surface: self.theme.roles.base.patch(self.theme.roles.status),
            ..self
        }
    }

    pub fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        self.lang.choose(zh, en)
    }

    /// A list row's style and its leading marker: `> ` on the selected row
    /// (shown by the marker as well as by colour), blanks on the others.
    pub fn row_start(&self, selected: bool) -> (Style, Span<'static>) {
        if selected {
            let style = self.style(|r| r.selected);
            (style, Span::styled("> ", style))
        } else {
            let style = self.style(|r| r.base);
            (style, Span::styled("  ", style))
        }
    }

    /// The colon after a label: `：` in Chinese, `: ` in English.
    pub fn colon(&self) -> &'static str {
        self.lang.choose("：", ": ")
    }

    /// A role's style over the surface.
    pub fn style(&self, pick: impl Fn(&crate::theme::Roles) -> Style) -> Style {
        self.surface.patch(pick(&self.theme.roles))
    }
}

/// Lines of text drawn as they are, one per row, clipped to the area: the
/// cost is the text, not the area (ratatui's `Paragraph` restyles every
/// cell of its area, and the screens stack many of them). A style fills the
/// area first, a row at a time.
pub struct Lines<'a> {
    text: ratatui::text::Text<'a>,
    style: Option<Style>,
    alignment: ratatui::layout::Alignment,
}

impl<'a> Lines<'a> {
    pub fn new<T: Into<ratatui::text::Text<'a>>>(text: T) -> Self {
        Lines {
            text: text.into(),
            style: None,
            alignment: ratatui::layout::Alignment::Left,
        }
    }

    pub fn style(mut self, style: Style) -> Self {
        self.style = Some(style);
        self
    }

    pub fn alignment(mut self, alignment: ratatui::layout::Alignment) -> Self {
        self.alignment = alignment;
        self
    }
}

/// Set the style of every cell of `area`, a row at a time.
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + usize::from(area.width)] {
            cell.set_style(style);
        }
    }
}

impl Widget for Lines<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        if let Some(style) = self.style {
            fill(buf, area, style);
        }
        for (i, line) in self
            .text
            .lines
            .iter()
            .take(usize::from(area.height))
            .enumerate()
        {
            let w = line.width() as u16;
            let x = match line.alignment.unwrap_or(self.alignment) {
                ratatui::layout::Alignment::Left => area.x,
                ratatui::layout::Alignment::Center => area.x + area.width.saturating_sub(w) / 2,
                ratatui::layout::Alignment::Right => area.x + area.width.saturating_sub(w),
            };
            buf.set_line(x, area.y + i as u16, line, area.right() - x);
        }
    }
}

/// The smallest terminal the meeting screens are laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The "terminal too small" screen.
pub fn too_small(f: &mut Frame, ui: &Ui) {
    let area = f.area();
    let base = ui.style(|r| r.base);
    f.render_widget(Lines::new("").style(base), area);
    let lines = vec![
        Line::from(ui.t("终端窗口太小", "Terminal too small")).style(ui.style(|r| r.warning)),
        Line::from(format!(
            "{} {}×{}，{} {}×{}",
            ui.t("当前", "now"),
            area.width,
            area.height,
            ui.t("至少需要", "needs at least"),
            MIN_WIDTH,
            MIN_HEIGHT
        )),
        Line::from(ui.t(
            "请放大窗口或缩小字号",
            "enlarge the window or use a smaller font",
        )),
    ];
    let h = lines.len() as u16;
    let y = area.y + area.height.saturating_sub(h) / 2;
    let rect = Rect::new(area.x, y, area.width, h.min(area.height));
    f.render_widget(
        Paragraph::new(lines)
            .style(base)
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(ratatui::widgets::Wrap { trim: true }),
        rect,
    );
}

/// A one-line title bar for a panel.
pub fn title_bar(f: &mut Frame, ui: &Ui, area: Rect, title: &str, focused: bool) {
    let style = if focused {
        ui.style(|r| r.focus).add_modifier(Modifier::REVERSED)
    } else {
        ui.style(|r| r.header)
    };
    let text = truncate(&format!(" {title}"), usize::from(area.width));
    f.render_widget(Lines::new(text).style(style), Rect { height: 1, ..area });
}

/// Split a panel into its title row and its body.
pub fn panel(area: Rect) -> (Rect, Rect) {
    let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    (title, body)
}

/// Lines from `start` that fit `height`, for a list whose `selected` row
/// must stay visible.
pub fn scroll_window(len: usize, selected: usize, height: usize) -> std::ops::Range<usize> {
    if height == 0 || len == 0 {
        return 0..0;
    }
    let start = if selected >= height {
        selected + 1 - height
    } else {
        0
    };
    start..(start + height).min(len)
}

/// A span padded with spaces to `w` display columns (cut if longer).
pub fn cell(text: &str, w: usize, style: Style) -> Span<'static> {
    let t = truncate(text, w);
    let pad = w.saturating_sub(width(&t));
    Span::styled(format!("{t}{}", " ".repeat(pad)), style)
}

// --- Big digits ---------------------------------------------------------

/// 3×5 glyphs (the colon and space are narrower).
fn glyph(c: char) -> Option<&'static [&'static str; 5]> {
    Some(match c {
        '0' => &["###", "#.#", "#.#", "#.#", "###"],
        '1' => &[".#.", "##.", ".#.", ".#.", "###"],
        '2' => &["###", "..#", "###", "#..", "###"],
        '3' => &["###", "..#", "###", "..#", "###"],
        '4' => &["#.#", "#.#", "###", "..#", "..#"],
        '5' => &["###", "#..", "###", "..#", "###"],
        '6' => &["###", "#..", "###", "#.#", "###"],
        '7' => &["###", "..#", "..#", "..#", "..#"],
        '8' => &["###", "#.#", "###", "#.#", "###"],
        '9' => &["###", "#.#", "###", "..#", "###"],
        ':' => &[".", "#", ".", "#", "."],
        '-' => &["...", "...", "###", "...", "..."],
        '/' => &["..#", "..#", ".#.", "#..", "#.."],
        ' ' => &[".", ".", ".", ".", "."],
        _ => return None,
    })
}

/// Digits drawn large with coloured spaces, for timers and tallies that
/// must be read from the back of a room.
pub struct BigText<'a> {
    pub text: &'a str,
    pub style: Style,
}

impl BigText<'_> {
    /// Width and height at a scale (pixels are `sx` columns by `sy` rows).
    pub fn size(text: &str, sx: u16, sy: u16) -> (u16, u16) {
        let pixels: u16 = text
            .chars()
            .filter_map(glyph)
            .map(|g| g[0].len() as u16 + 1)
            .sum::<u16>()
            .saturating_sub(1);
        (pixels * sx, 5 * sy)
    }

    /// The largest scale at which the text fits `area`, if any.
    pub fn fit(text: &str, area: Rect) -> Option<(u16, u16)> {
        [(6, 3), (4, 2), (2, 2), (2, 1), (1, 1)]
            .into_iter()
            .find(|&(sx, sy)| {
                let (w, h) = BigText::size(text, sx, sy);
                w <= area.width && h <= area.height
            })
    }

    /// Draw centred in `area` at the largest scale that fits, or as plain
    /// bold text when nothing fits. Returns the rows used.
    pub fn render_fit(self, area: Rect, buf: &mut Buffer) -> u16 {
        let Some((sx, sy)) = BigText::fit(self.text, area) else {
            let line = Line::styled(
                self.text.to_string(),
                self.style.add_modifier(Modifier::BOLD),
            );
            Lines::new(line)
                .alignment(ratatui::layout::Alignment::Center)
                .render(area, buf);
            return 1.min(area.height);
        };
        let (w, h) = BigText::size(self.text, sx, sy);
        let x0 = area.x + (area.width - w) / 2;
        let pixel = match self.style.fg {
            Some(c) => Style::new().bg(c),
            None => Style::new().add_modifier(Modifier::REVERSED),
        };
        let mut x = x0;
        for c in self.text.chars() {
            let Some(g) = glyph(c) else { continue };
            let gw = g[0].len() as u16;
            for (row, bits) in g.iter().enumerate() {
                for (col, bit) in bits.chars().enumerate() {
                    if bit != '#' {
                        continue;
                    }
                    for dy in 0..sy {
                        for dx in 0..sx {
                            let px = x + col as u16 * sx + dx;
                            let py = area.y + row as u16 * sy + dy;
                            if let Some(cell) = buf.cell_mut((px, py)) {
                                cell.set_symbol(" ");
                                cell.set_style(pixel);
                            }
                        }
                    }
                }
            }
            x += (gw + 1) * sx;
        }
        h
    }
}

/// A horizontal bar `value / total` of `area.width` columns, coloured
/// spaces, with the bar's share rounded to the nearest column.
pub fn bar(buf: &mut Buffer, area: Rect, value: u64, total: u64, style: Style) {
    if total == 0 || area.width == 0 {
        return;
    }
    let cols = ((u128::from(value) * u128::from(area.width) * 2 + u128::from(total))
        / (u128::from(total) * 2))
        .min(u128::from(area.width)) as u16;
    let pixel = match style.fg {
        Some(c) => Style::new().bg(c),
        None => Style::new().add_modifier(Modifier::REVERSED),
    };
    for dx in 0..cols {
        for dy in 0..area.height {
            if let Some(cell) = buf.cell_mut((area.x + dx, area.y + dy)) {
                cell.set_symbol(" ");
                cell.set_style(pixel);
            }
        }
    }
}

/// Text wrapped to `w` columns by display width (Chinese breaks between
/// characters), as lines in one style.
pub fn wrapped(text: &str, w: u16, style: Style) -> Vec<Line<'static>> {
    crate::text::wrap(text, usize::from(w.max(2)))
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// `mm:ss` for a number of seconds (hours folded into minutes).
pub fn mm_ss(secs: i64) -> String {
    let s = secs.max(0);
    format!("{:02}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_digits_are_drawn_with_coloured_spaces_at_the_largest_fitting_scale() {
        let area = Rect::new(0, 0, 40, 10);
        let mut buf = Buffer::empty(area);
        let style = Style::new().fg(ratatui::style::Color::Rgb(1, 2, 3));
        assert_eq!(BigText::fit("12:30", area), Some((2, 2)));
        let rows = BigText {
            text: "12:30",
            style,
        }
        .render_fit(area, &mut buf);
        assert_eq!(rows, 10);
        let coloured = buf
            .content
            .iter()
            .filter(|c| c.bg == ratatui::style::Color::Rgb(1, 2, 3))
            .count();
        assert!(coloured > 50);
        assert!(buf.content.iter().all(|c| c.symbol() == " "));
    }

    #[test]
    fn bars_round_to_the_nearest_column() {
        let area = Rect::new(0, 0, 10, 1);
        let mut buf = Buffer::empty(area);
        let style = Style::new().fg(ratatui::style::Color::Rgb(9, 9, 9));
        bar(&mut buf, area, 2, 3, style);
        let filled = buf
            .content
            .iter()
            .filter(|c| c.bg == ratatui::style::Color::Rgb(9, 9, 9))
            .count();
        assert_eq!(filled, 7);
    }

    #[test]
    fn scroll_window_keeps_the_selection_visible() {
        assert_eq!(scroll_window(10, 0, 4), 0..4);
        assert_eq!(scroll_window(10, 6, 4), 3..7);
        assert_eq!(scroll_window(3, 2, 4), 0..3);
        assert_eq!(mm_ss(125), "02:05");
    }
}
