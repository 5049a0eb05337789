//! 发言 Discussion: the speaker queue, the speaker at the floor with a large
//! timer (a warning before the limit, "time is up" after it), the stance,
//! and the recorder's summary typed as they speak.

use crate::tui::ui::Lines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::meeting::MeetingView;
use super::super::ui::{BigText, Ui, cell, mm_ss, panel, scroll_window, title_bar, wrapped};
use crate::domain::speech::Stance;
use crate::i18n::{self, Label};

pub fn stance_style(ui: &Ui, s: Stance) -> Style {
    match s {
        Stance::For => ui.style(|r| r.vote_yes),
        Stance::Against => ui.style(|r| r.vote_no),
        Stance::Neutral => ui.style(|r| r.base),
        Stance::Question => ui.style(|r| r.vote_abstain),
    }
}

/// How the turn stands: seconds elapsed, seconds left, and the style and
/// word for it.
pub fn turn_state(ui: &Ui, elapsed: i64, limit: u32, warn: u32) -> (Style, &'static str) {
    let left = i64::from(limit) - elapsed;
    if left <= 0 {
        (ui.style(|r| r.error), ui.t("时间到", "time is up"))
    } else if left <= i64::from(warn) {
        (ui.style(|r| r.warning), ui.t("即将到时", "almost up"))
    } else {
        (ui.style(|r| r.countdown), ui.t("发言中", "speaking"))
    }
}

pub fn draw(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let left_w = if area.width >= 120 { 44 } else { 30 };
    let [left, _, right] = Layout::horizontal([
        Constraint::Length(left_w),
        Constraint::Length(1),
        Constraint::Min(30),
    ])
    .areas(area);
    let queue_h = (left.height / 2).max(4);
    let [queue_area, recent_area] =
        Layout::vertical([Constraint::Length(queue_h), Constraint::Min(0)]).areas(left);
    draw_queue(f, ui, mv, queue_area);
    draw_recent(f, ui, mv, recent_area);
    draw_floor(f, ui, mv, right);
}

fn draw_queue(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let m = mv.minutes();
    let (title, body) = panel(area);
    title_bar(
        f,
        ui,
        title,
        &format!("{} {}", ui.t("发言队列", "Queue"), m.live.queue.len()),
        mv.discussion.editing.is_none(),
    );
    if m.live.queue.is_empty() {
        f.render_widget(
            Lines::new(wrapped(
                ui.t(
                    "队列为空：按 a 从名单加入",
                    "Empty: press a to add a speaker",
                ),
                body.width,
                ui.style(|r| r.muted),
            )),
            body,
        );
        return;
    }
    let window = scroll_window(
        m.live.queue.len(),
        mv.discussion.queue.selected,
        usize::from(body.height),
    );
    let w = usize::from(body.width);
    let lines: Vec<Line> = m.live.queue[window.clone()]
        .iter()
        .enumerate()
        .map(|(k, id)| {
            let i = window.start + k;
            let selected = i == mv.discussion.queue.selected;
            let (base, marker) = ui.row_start(selected);
            let who = m.attendee(*id).map_or_else(
                || format!("#{id}"),
                |a| format!("{} {}", a.name, a.role.label(ui.lang)),
            );
            Line::from(vec![
                marker,
                cell(&format!("{}. {who}", i + 1), w.saturating_sub(2), base),
            ])
        })
        .collect();
    f.render_widget(Lines::new(lines), body);
}

fn draw_recent(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let m = mv.minutes();
    let (title, body) = panel(area);
    title_bar(
        f,
        ui,
        title,
        &format!(
            "{} {}",
            ui.t("已发言", "Spoken"),
            m.speeches.len() - usize::from(m.live.floor.is_some())
        ),
        false,
    );
    let mut lines: Vec<Line> = Vec::new();
    for (i, s) in m.speeches.iter().enumerate().rev() {
        if Some(i) == m.live.floor {
            continue;
        }
        let name = m.attendee_name(s.speaker);
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", i18n::time(s.start)), ui.style(|r| r.muted)),
            Span::raw(format!("{name} ")),
            Span::styled(
                format!("[{}]", s.stance.label(ui.lang)),
                stance_style(ui, s.stance),
            ),
        ]));
        if !s.summary.is_empty() {
            for l in wrapped(
                &s.summary,
                body.width.saturating_sub(2),
                ui.style(|r| r.muted),
            )
            .into_iter()
            .take(2)
            {
                let mut l = l;
                l.spans.insert(0, Span::raw("  "));
                lines.push(l);
            }
        }
        if lines.len() >= usize::from(body.height) {
            break;
        }
    }
    f.render_widget(Lines::new(lines), body);
}

fn draw_floor(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let c = ui.colon();
    let m = mv.minutes();
    let (title, body) = panel(area);
    let limit = m.live.speech_limit_secs;
    let Some(speech) = m.floor_speech() else {
        title_bar(f, ui, title, ui.t("发言席", "The floor"), false);
        let mut lines = vec![
            Line::styled(
                ui.t("现在没有人发言", "Nobody has the floor"),
                ui.style(|r| r.muted),
            ),
            Line::raw(""),
            Line::raw(format!(
                "{} {}",
                ui.t("每人限时", "Turn limit"),
                mm_ss(i64::from(limit))
            )),
            Line::styled(
                ui.t(
                    "在队列中选中一人，按 Enter 请其发言",
                    "Select someone in the queue and press Enter",
                ),
                ui.style(|r| r.muted),
            ),
        ];
        if mv.discussion.editing.is_some() {
            lines.push(Line::raw(""));
        }
        f.render_widget(Lines::new(lines), body);
        if let Some(i) = mv.summary_target() {
            draw_summary(f, ui, mv, i, summary_area(body));
        }
        return;
    };
    let a = m.attendee(speech.speaker);
    let name = a.map_or_else(|| format!("#{}", speech.speaker), |a| a.name.clone());
    let who = a.map_or(String::new(), |a| {
        if a.affiliation.is_empty() {
            a.role.label(ui.lang).to_string()
        } else {
            format!("{}  {}", a.role.label(ui.lang), a.affiliation)
        }
    });
    title_bar(
        f,
        ui,
        title,
        &format!("{}{c}{name}  {who}", ui.t("发言", "Speaking")),
        false,
    );
    let elapsed = (ui.now - speech.start).num_seconds().max(0);
    let (style, word) = turn_state(ui, elapsed, limit, m.live.warn_secs());
    let left = i64::from(limit) - elapsed;
    let status = Line::from(vec![
        Span::styled(
            format!(" {word} "),
            style.add_modifier(ratatui::style::Modifier::REVERSED),
        ),
        Span::raw(format!(
            "  {} {}  {} {}  ",
            ui.t("限时", "limit"),
            mm_ss(i64::from(limit)),
            if left >= 0 {
                ui.t("剩余", "left")
            } else {
                ui.t("超出", "over")
            },
            mm_ss(left.abs())
        )),
        Span::styled(
            format!("[{}]", speech.stance.label(ui.lang)),
            stance_style(ui, speech.stance),
        ),
    ]);
    let summary = summary_area(body);
    let timer_h = summary.y.saturating_sub(body.y + 1);
    f.render_widget(Lines::new(status), Rect { height: 1, ..body });
    let big = Rect {
        y: body.y + 1,
        height: timer_h,
        ..body
    };
    BigText {
        text: &mm_ss(elapsed),
        style,
    }
    .render_fit(big, f.buffer_mut());
    if let Some(i) = m.live.floor {
        draw_summary(f, ui, mv, i, summary);
    }
}

/// The lower part of the floor panel, for the summary.
fn summary_area(body: Rect) -> Rect {
    let h = (body.height / 3).max(4).min(body.height);
    Rect {
        y: body.y + body.height - h,
        height: h,
        ..body
    }
}

fn draw_summary(f: &mut Frame, ui: &Ui, mv: &MeetingView, idx: usize, area: Rect) {
    let c = ui.colon();
    let m = mv.minutes();
    let (title, body) = panel(area);
    let editing = mv.discussion.editing.as_ref().filter(|(i, _)| *i == idx);
    let who = m
        .speeches
        .get(idx)
        .map(|s| m.attendee_name(s.speaker))
        .unwrap_or_default();
    let hint = if editing.is_some() {
        ui.t(
            "（输入中，Enter 或 Esc 完成）",
            "(typing; Enter or Esc when done)",
        )
    } else {
        ui.t("（i 记录）", "(i to type)")
    };
    title_bar(
        f,
        ui,
        title,
        &format!("{}{c}{who} {hint}", ui.t("发言摘要", "Summary")),
        editing.is_some(),
    );
    match editing {
        Some((_, field)) => {
            let w = field.wrap(body.width);
            let style = ui.style(|r| r.input);
            let skip =
                usize::from(w.cursor.0).saturating_sub(usize::from(body.height).saturating_sub(1));
            let lines: Vec<Line> = w
                .lines
                .iter()
                .skip(skip)
                .map(|l| Line::styled(l.clone(), style))
                .collect();
            f.render_widget(Lines::new("").style(style), body);
            f.render_widget(Lines::new(lines), body);
            // The terminal cursor at the text cursor, for input methods.
            f.set_cursor_position(Position::new(
                body.x + w.cursor.1,
                body.y + w.cursor.0 - skip as u16,
            ));
        }
        None => {
            let text = m
                .speeches
                .get(idx)
                .map(|s| s.summary.as_str())
                .unwrap_or_default();
            let lines = if text.is_empty() {
                vec![Line::styled(
                    ui.t("（尚无摘要）", "(no summary yet)"),
                    ui.style(|r| r.muted),
                )]
            } else {
                wrapped(text, body.width, ui.style(|r| r.base))
            };
            f.render_widget(Lines::new(lines), body);
        }
    }
}
