//! 议程 Agenda: the topics with their state and time box, the selected
//! topic's background, and the time-box countdown of the topic under
//! discussion.

use crate::tui::ui::Lines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::super::meeting::MeetingView;
use super::super::ui::{BigText, Ui, cell, mm_ss, panel, scroll_window, title_bar, wrapped};
use super::topic_timer;
use crate::domain::agenda::TopicState;
use crate::i18n::{self, Label};

fn state_style(ui: &Ui, s: TopicState) -> ratatui::style::Style {
    match s {
        TopicState::Discussing => ui.style(|r| r.countdown),
        TopicState::Decided => ui.style(|r| r.present),
        TopicState::CarriedOver | TopicState::Reopened => ui.style(|r| r.warning),
        TopicState::Pending => ui.style(|r| r.base),
        TopicState::NotChosen => ui.style(|r| r.muted),
    }
}

pub fn draw(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let m = mv.minutes();
    // Side by side when wide; on 80 columns the detail goes under the list
    // so that Chinese titles keep their width.
    let (list_area, detail_area) = if area.width >= 120 {
        let [l, _, d] = Layout::horizontal([
            Constraint::Percentage(50),
            Constraint::Length(1),
            Constraint::Min(20),
        ])
        .areas(area);
        (l, d)
    } else {
        let list_h = (m.agenda.len() as u16 + 1).clamp(3, area.height / 2);
        let [l, _, d] = Layout::vertical([
            Constraint::Length(list_h),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(area);
        (l, d)
    };
    let (title, body) = panel(list_area);
    title_bar(
        f,
        ui,
        title,
        &format!(
            "{}  {}",
            ui.t("议程", "Agenda"),
            ui.t("（Enter：开始讨论）", "(Enter: start)")
        ),
        true,
    );
    if m.agenda.is_empty() {
        f.render_widget(
            Lines::new(ui.t(
                "议程为空：按 a 新增议题",
                "The agenda is empty: press a to add a topic",
            ))
            .style(ui.style(|r| r.muted)),
            body,
        );
    } else {
        let w = usize::from(body.width);
        let state_w = 12;
        let time_w = 6;
        let title_w = w.saturating_sub(2 + 3 + state_w + time_w);
        let window = scroll_window(m.agenda.len(), mv.agenda.selected, usize::from(body.height));
        let lines: Vec<Line> = m.agenda[window.clone()]
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let i = window.start + k;
                let selected = i == mv.agenda.selected;
                let (base, marker) = ui.row_start(selected);
                let st = if selected {
                    base
                } else {
                    state_style(ui, t.state)
                };
                let minutes = if t.planned_minutes > 0 {
                    format!("{}{}", t.planned_minutes, ui.t("分", "m"))
                } else {
                    String::new()
                };
                Line::from(vec![
                    marker,
                    cell(&format!("{}.", i + 1), 3, base),
                    cell(&t.title, title_w, base),
                    cell(t.state.label(ui.lang), state_w, st),
                    cell(&minutes, time_w, base),
                ])
            })
            .collect();
        f.render_widget(Lines::new(lines), body);
    }
    draw_detail(f, ui, mv, detail_area);
}

fn draw_detail(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let c = ui.colon();
    let m = mv.minutes();
    let (title, body) = panel(area);
    let Some(t) = m.agenda.get(mv.agenda.selected) else {
        title_bar(f, ui, title, ui.t("议题", "Topic"), false);
        return;
    };
    title_bar(f, ui, title, &t.title, false);
    let mut y = body.y;
    // The time box of the topic under discussion, large.
    if let Some((text, style)) = topic_timer(ui, t) {
        let h = (body.height / 3).clamp(3, 10);
        let digits = text.rsplit(' ').next().unwrap_or("").to_string();
        let label = text.split(' ').next().unwrap_or("").to_string();
        f.render_widget(
            Lines::new(Line::styled(label, style)),
            Rect {
                y,
                height: 1,
                ..body
            },
        );
        y += 1;
        let big = Rect {
            y,
            height: h,
            ..body
        };
        y += BigText {
            text: &digits,
            style,
        }
        .render_fit(big, f.buffer_mut());
    } else if t.state == TopicState::Discussing {
        f.render_widget(
            Lines::new(ui.t("讨论中（未设时长）", "discussing (no time box)"))
                .style(ui.style(|r| r.countdown)),
            Rect {
                y,
                height: 1,
                ..body
            },
        );
        y += 1;
    }
    let mut lines: Vec<Line> = Vec::new();
    let muted = ui.style(|r| r.muted);
    lines.push(Line::from(vec![
        Span::styled(format!("{}{c}", ui.t("状态", "State")), muted),
        Span::styled(t.state.label(ui.lang).to_string(), state_style(ui, t.state)),
        Span::styled(format!("   {}{c}", ui.t("来源", "Source")), muted),
        Span::raw(t.source.label(ui.lang).to_string()),
    ]));
    let mut facts = vec![format!(
        "{}{c}{}",
        ui.t("计划时长", "Time box"),
        if t.planned_minutes > 0 {
            mm_ss(i64::from(t.planned_minutes) * 60)
        } else {
            "-".into()
        }
    )];
    if let Some(s) = t.scores {
        facts.push(format!(
            "{} {}/{}/{}",
            ui.t("重要/紧急/可行", "imp/urg/feas"),
            s.importance,
            s.urgency,
            s.feasibility
        ));
    }
    lines.push(Line::styled(facts.join("   "), muted));
    if let Some(from) = &t.carried_from {
        lines.push(Line::styled(
            format!(
                "{}{c}{} {}",
                ui.t("延续自", "Carried from"),
                i18n::date(from.date, ui.lang),
                from.title
            ),
            muted,
        ));
    }
    for mat in &t.materials {
        lines.push(Line::styled(
            format!("{}{c}{}", ui.t("会前材料", "Material"), mat.title),
            muted,
        ));
    }
    lines.push(Line::raw(""));
    lines.extend(wrapped(&t.background, body.width, ui.style(|r| r.base)));
    let rest = Rect {
        y,
        height: body.height.saturating_sub(y - body.y),
        ..body
    };
    f.render_widget(Lines::new(lines), rest);
}
