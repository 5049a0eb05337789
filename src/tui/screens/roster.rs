//! 签到 Roster: attendees grouped by role with their attendance in words
//! (colour only repeats it), and the attendance, households, quorum and
//! required roles, large enough to read across the room.

use crate::tui::ui::Lines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::super::meeting::{MeetingView, roster_order};
use super::super::ui::{BigText, Ui, cell, panel, scroll_window, title_bar};
use crate::domain::roster::{Attendance, Role};
use crate::i18n::{self, Label};

/// The status word of an attendee and its style.
pub fn attendance_word(ui: &Ui, a: &Attendance) -> (String, ratatui::style::Style) {
    let c = ui.colon();
    match a {
        Attendance::Present { checked_in } => (
            format!("{} {}", ui.t("已到", "in"), i18n::time(*checked_in)),
            ui.style(|r| r.present),
        ),
        Attendance::Expected => (ui.t("未到", "not yet").to_string(), ui.style(|r| r.muted)),
        Attendance::Absent { reason } if reason.is_empty() => {
            (ui.t("缺席", "absent").to_string(), ui.style(|r| r.absent))
        }
        Attendance::Absent { reason } => (
            format!("{}{c}{reason}", ui.t("缺席", "absent")),
            ui.style(|r| r.absent),
        ),
        Attendance::LeftEarly { left, .. } => (
            format!("{} {}", ui.t("离会", "left"), i18n::time(*left)),
            ui.style(|r| r.warning),
        ),
    }
}

pub fn draw(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let summary_w = if area.width >= 120 { 44 } else { 30 };
    let [list_area, _, summary_area] = Layout::horizontal([
        Constraint::Min(40),
        Constraint::Length(1),
        Constraint::Length(summary_w),
    ])
    .areas(area);
    draw_list(f, ui, mv, list_area);
    draw_summary(f, ui, mv, summary_area);
}

fn draw_list(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let m = mv.minutes();
    let (title, body) = panel(area);
    title_bar(
        f,
        ui,
        title,
        &format!(
            "{}  {}",
            ui.t("参会名单", "Roster"),
            ui.t("（空格：签到）", "(Space: check in)")
        ),
        true,
    );
    if m.roster.is_empty() {
        f.render_widget(
            Lines::new(ui.t(
                "名单为空：按 a 新增参会人员",
                "The roster is empty: press a to add people",
            ))
            .style(ui.style(|r| r.muted)),
            body,
        );
        return;
    }
    // Rows: a heading per role, then its people.
    let order = roster_order(m);
    let mut rows: Vec<(Line, Option<usize>)> = Vec::new();
    let w = usize::from(body.width);
    let status_w = if w >= 90 { 20 } else { 11 };
    let name_w = 8;
    let hh_w = 5;
    let aff_w = w
        .saturating_sub(2 + name_w + 1 + status_w + 1 + hh_w)
        .min(30);

    for role in Role::ALL {
        let people: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| m.roster[i].role == role)
            .collect();
        if people.is_empty() {
            continue;
        }
        let here = people.iter().filter(|&&i| m.roster[i].is_present()).count();
        rows.push((
            Line::styled(
                format!("{} {}/{}", role.label(ui.lang), here, people.len()),
                ui.style(|r| r.header),
            ),
            None,
        ));
        for i in people {
            let a = &m.roster[i];
            let pos = order.iter().position(|&o| o == i);
            let selected = pos == Some(mv.roster.selected);
            let (word, style) = attendance_word(ui, &a.attendance);
            let (base, marker) = ui.row_start(selected);
            let status_style = if selected { base } else { style };
            let hh = if a.households > 0 {
                format!("{}{}", a.households, ui.t("户", "hh"))
            } else {
                String::new()
            };
            rows.push((
                Line::from(vec![
                    marker,
                    cell(&a.name, name_w, base),
                    Span::styled(" ", base),
                    cell(&word, status_w, status_style),
                    Span::styled(" ", base),
                    cell(&a.affiliation, aff_w, base),
                    cell(&hh, hh_w, base),
                ]),
                pos,
            ));
        }
    }
    let selected_row = rows
        .iter()
        .position(|(_, p)| *p == Some(mv.roster.selected))
        .unwrap_or(0);
    let window = scroll_window(rows.len(), selected_row, usize::from(body.height));
    let lines: Vec<Line> = rows[window].iter().map(|(l, _)| l.clone()).collect();
    f.render_widget(Lines::new(lines), body);
}

fn draw_summary(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let m = mv.minutes();
    let a = m.attendance();
    let (title, body) = panel(area);
    title_bar(f, ui, title, ui.t("出席情况", "Attendance"), false);
    let (present, expected) = match a.head_count {
        Some(h) => (h.present, h.expected),
        None => (a.present, a.expected),
    };
    let big = format!("{present}/{expected}");
    let big_h = (body.height / 2).clamp(5, 15);
    let [big_area, rest] =
        Layout::vertical([Constraint::Length(big_h), Constraint::Min(0)]).areas(body);
    let used = BigText {
        text: &big,
        style: ui.style(|r| r.present),
    }
    .render_fit(big_area, f.buffer_mut());
    let rest = Rect {
        y: big_area.y + used,
        height: rest.height + big_area.height - used,
        ..rest
    };
    let mut lines = vec![Line::from(format!(
        "{} {present}/{expected}  {}%",
        ui.t("实到/应到", "present/expected"),
        (u64::from(present) * 100)
            .checked_div(u64::from(expected))
            .unwrap_or(0)
    ))];
    if a.households_expected > 0 {
        lines.push(Line::from(format!(
            "{} {}/{}",
            ui.t("代表户数", "households"),
            a.households_present,
            a.households_expected
        )));
    }
    if a.absent > 0 || a.left_early > 0 {
        lines.push(Line::from(format!(
            "{} {}  {} {}",
            ui.t("缺席", "absent"),
            a.absent,
            ui.t("离会", "left"),
            a.left_early
        )));
    }
    let rule = &m.meeting.attendance_rule;
    match a.quorum_met {
        Some(ok) => {
            let need = rule
                .quorum
                .map(|q| crate::domain::vote::verdict::fraction_name(q, ui.lang))
                .unwrap_or_default();
            let cmp = match (rule.comparison, ui.lang) {
                (crate::domain::vote::Comparison::MoreThan, crate::i18n::Lang::Zh) => {
                    format!("须超过{need}")
                }
                (_, crate::i18n::Lang::Zh) => format!("须达到{need}"),
                (crate::domain::vote::Comparison::MoreThan, _) => format!("needs more than {need}"),
                (_, _) => format!("needs at least {need}"),
            };
            lines.push(Line::from(vec![
                Span::raw(format!("{} ", ui.t("法定人数", "quorum"))),
                if ok {
                    Span::styled(
                        format!(" {} ", ui.t("已达到", "reached")),
                        ui.style(|r| r.passed),
                    )
                } else {
                    Span::styled(
                        format!(" {} ", ui.t("未达到", "not reached")),
                        ui.style(|r| r.failed),
                    )
                },
            ]));
            lines.push(Line::styled(
                ui.lang.choose(format!(" （{cmp}）"), format!(" ({cmp})")),
                ui.style(|r| r.muted),
            ));
        }

        None => lines.push(Line::styled(
            ui.t("本会不设法定人数", "no quorum rule"),
            ui.style(|r| r.muted),
        )),
    }
    if !rule.required_roles.is_empty() {
        lines.push(Line::styled(
            ui.t("必须出席：", "Required:"),
            ui.style(|r| r.muted),
        ));
    }
    for role in &rule.required_roles {
        let here = !a.missing_roles.contains(role);
        lines.push(Line::from(vec![
            Span::raw(format!(" {} ", role.label(ui.lang))),
            if here {
                Span::styled(ui.t("已到", "present").to_string(), ui.style(|r| r.present))
            } else {
                Span::styled(ui.t("未到", "missing").to_string(), ui.style(|r| r.warning))
            },
        ]));
    }
    f.render_widget(Lines::new(lines), rest);
}
