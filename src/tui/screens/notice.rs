//! 公示 Notice: the notices of the meeting's decisions, the period and its
//! end, a large countdown (days, hours, minutes), the state, objections.

use crate::tui::ui::Lines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::meeting::MeetingView;
use super::super::ui::{BigText, Ui, cell, panel, title_bar, wrapped};
use crate::domain::notice::{NoticeState, NoticeStatus, Remaining, RestDays, calendar};
use crate::i18n::{self, Label};

pub fn status_style(ui: &Ui, s: NoticeStatus) -> Style {
    match s {
        NoticeStatus::Running => ui.style(|r| r.countdown),
        NoticeStatus::Paused | NoticeStatus::UnderReview => ui.style(|r| r.warning),
        NoticeStatus::InForce | NoticeStatus::ResultsPublished => ui.style(|r| r.present),
        NoticeStatus::Withdrawn => ui.style(|r| r.absent),
        NoticeStatus::Draft => ui.style(|r| r.muted),
    }
}

pub fn draw(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let m = mv.minutes();
    let rest = RestDays::weekends();
    let list_w = if area.width >= 120 { 50 } else { 30 };
    let [list_area, _, detail] = Layout::horizontal([
        Constraint::Length(list_w),
        Constraint::Length(1),
        Constraint::Min(30),
    ])
    .areas(area);
    let (title, body) = panel(list_area);
    title_bar(f, ui, title, ui.t("公示", "Notices"), true);
    let mut lines: Vec<Line> = Vec::new();
    for (i, n) in m.notices.iter().enumerate() {
        let selected = i == mv.notice.selected;
        let (base, marker) = ui.row_start(selected);
        let status = n.state_at(ui.now, &rest).status();
        lines.push(Line::from(vec![
            marker,
            cell(&n.title, usize::from(body.width).saturating_sub(2), base),
        ]));
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(status.label(ui.lang).to_string(), status_style(ui, status)),
        ]));
    }
    let pending = m.decisions_without_notice().len();
    if pending > 0 {
        lines.push(Line::raw(""));
        lines.extend(wrapped(
            &ui.lang.choose(
                format!("{pending} 项决定待公示：按 n 发布"),
                format!("{pending} decision(s) await a notice: press n"),
            ),
            body.width,
            ui.style(|r| r.warning),
        ));
    } else if m.notices.is_empty() {
        lines.extend(wrapped(
            ui.t(
                "还没有决定。先在表决屏结束表决并按 d 形成决定。",
                "No decision yet. Close a vote and press d on the vote screen.",
            ),
            body.width,
            ui.style(|r| r.muted),
        ));
    }
    f.render_widget(Lines::new(lines), body);
    draw_detail(f, ui, mv, detail, &rest);
}

fn draw_detail(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect, rest: &RestDays) {
    let c = ui.colon();
    let m = mv.minutes();
    let (title, body) = panel(area);
    let Some(n) = m.notices.get(mv.notice.selected) else {
        title_bar(f, ui, title, ui.t("倒计时", "Countdown"), false);
        return;
    };
    title_bar(f, ui, title, &n.title, false);
    let state = n.state_at(ui.now, rest);
    let status = state.status();
    let mut y = body.y;
    let line = |f: &mut Frame, y: &mut u16, l: Line| {
        if *y < body.y + body.height {
            f.render_widget(
                Lines::new(l),
                Rect {
                    y: *y,
                    height: 1,
                    ..body
                },
            );
            *y += 1;
        }
    };
    line(
        f,
        &mut y,
        Line::from(vec![Span::styled(
            format!(" {} ", status.label(ui.lang)),
            status_style(ui, status).add_modifier(ratatui::style::Modifier::REVERSED),
        )]),
    );
    if let NoticeState::Running { ends, .. } = state {
        let r = Remaining::between(ui.now, ends);
        let labels = Line::styled(
            ui.t("剩余（天 时:分）", "Left (days h:min)"),
            ui.style(|r| r.muted),
        );

        line(f, &mut y, labels);
        let digits = format!("{} {:02}:{:02}", r.days, r.hours, r.minutes);
        let h = (body.height / 2).clamp(3, 15);
        let big = Rect {
            y,
            height: h.min((body.y + body.height).saturating_sub(y)),
            ..body
        };
        y += BigText {
            text: &digits,
            style: ui.style(|r| r.countdown),
        }
        .render_fit(big, f.buffer_mut());
        line(
            f,
            &mut y,
            Line::styled(
                ui.lang.choose(
                    format!("剩余 {} 天 {} 小时 {} 分", r.days, r.hours, r.minutes),
                    format!("{} days {} h {} min left", r.days, r.hours, r.minutes),
                ),
                ui.style(|r| r.countdown),
            ),
        );
    }
    let muted = ui.style(|r| r.muted);
    let mut facts = vec![format!(
        "{}{c}{}",
        ui.t("公示期", "Period"),
        n.period.describe(ui.lang)
    )];
    if let Some(at) = n.posted_at() {
        facts.push(format!(
            "{}{c}{}",
            ui.t("张贴", "Posted"),
            i18n::date_time(at, ui.lang)
        ));
    }
    if let Some(last) = n.last_day(rest) {
        // Holidays (or a weekend day worked) moved the end: say so.
        let moved = n.current_posting().is_some_and(|(at, period)| {
            calendar::last_day(at.date_naive(), period, &RestDays::weekends()) != last
        });
        let why = if moved {
            ui.t("（节假日顺延）", " (moved for holidays)")
        } else {
            ""
        };
        facts.push(ui.lang.choose(
            format!("截止：{} 24 时{why}", i18n::date(last, ui.lang)),
            format!("Ends: end of {}{why}", i18n::date(last, ui.lang)),
        ));
    }
    if let NoticeState::InForce { since } = state {
        facts.push(ui.lang.choose(
            format!("生效：{} 起", i18n::date(since.date_naive(), ui.lang)),
            format!("In force since {}", i18n::date(since.date_naive(), ui.lang)),
        ));
    }
    if !n.posted_where.is_empty() {
        facts.push(format!("{}{c}{}", ui.t("地点", "Where"), n.posted_where));
    }
    for fact in facts {
        for l in wrapped(&fact, body.width, muted) {
            line(f, &mut y, l);
        }
    }
    let objections: Vec<_> = n.objections().collect();
    if !objections.is_empty() {
        line(
            f,
            &mut y,
            Line::styled(
                format!("{} {}", ui.t("异议", "Objections"), objections.len()),
                ui.style(|r| r.warning),
            ),
        );
        for o in objections {
            let text = format!(
                "{} {}{c}{}",
                i18n::date_time(o.at, ui.lang),
                o.by,
                o.content
            );
            for l in wrapped(&text, body.width, ui.style(|r| r.base)) {
                line(f, &mut y, l);
            }
        }
    }
}
