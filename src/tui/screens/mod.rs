//! Drawing the meeting screens: the chrome every screen shares (title,
//! tabs, clock, current topic, attendance and quorum, key hints) and one
//! module per screen. Drawing is a pure function of the state and `now`.

pub mod agenda;
pub mod archive;
pub mod discussion;
pub mod home;
pub mod minutes;
pub mod notice;
pub mod popup;
pub mod roster;
pub mod vote;

use crate::tui::ui::Lines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::keymap::{self, Context, ScreenId};
use super::meeting::{MeetingView, Message};
use super::ui::{Ui, mm_ss};
use crate::domain::agenda::TopicState;
use crate::i18n::Label;
use crate::text::{truncate, width};

/// The areas of a meeting screen.
pub struct Chrome {
    pub header: Rect,
    pub info: Rect,
    pub body: Rect,
    pub footer: Rect,
}

pub fn chrome(area: Rect) -> Chrome {
    let [header, info, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    Chrome {
        header,
        info,
        body,
        footer,
    }
}

/// Draw a meeting: chrome, then the current screen.
pub fn draw_meeting(f: &mut Frame, ui: &Ui, mv: &MeetingView, message: Option<&Message>) {
    let c = chrome(f.area());
    f.render_widget(Lines::new("").style(ui.style(|r| r.base)), f.area());
    header(f, ui, mv, c.header);
    info_line(f, ui, mv, c.info);
    let body = c.body.inner(ratatui::layout::Margin::new(1, 0));
    match mv.screen {
        ScreenId::Roster => roster::draw(f, ui, mv, body),
        ScreenId::Agenda => agenda::draw(f, ui, mv, body),
        ScreenId::Discussion => discussion::draw(f, ui, mv, body),
        ScreenId::Vote => vote::draw(f, ui, mv, body),
        ScreenId::Notice => notice::draw(f, ui, mv, body),
        ScreenId::Minutes => minutes::draw(f, ui, mv, body),
    }
    let save_error = mv.session.save_error.as_ref().map(|d| {
        Message::error(
            format!(
                "未能保存 {}（内容仍在，下次修改时重试）",
                d.render(crate::i18n::Lang::Zh)
            ),
            format!(
                "NOT SAVED {} (kept in memory, retried on the next change)",
                d.render(crate::i18n::Lang::En)
            ),
        )
    });
    let read_only = mv.session.read_only.then(|| {
        Message::error(
            "只读：此文件来自更新版本的 yishi，修改不会保存",
            "read-only: this file comes from a newer yishi; changes are not saved",
        )
    });
    footer(
        f,
        ui,
        Context::Screen(mv.screen),
        c.footer,
        save_error.as_ref().or(read_only.as_ref()).or(message),
    );
}

fn header(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let bar = ui.style(|r| r.status);
    let clock = format!(" {} ", ui.now.format("%H:%M:%S"));
    let mut tabs: Vec<Span> = Vec::new();
    for (i, s) in ScreenId::ALL.iter().enumerate() {
        let label = format!(" {}{} ", i + 1, ui.lang.pick(s.tx()));
        let style = if *s == mv.screen {
            ui.style(|r| r.selected)
        } else {
            bar
        };
        tabs.push(Span::styled(label, style));
    }
    let tabs_w: usize = tabs.iter().map(|s| width(&s.content)).sum();
    let title_w = usize::from(area.width).saturating_sub(tabs_w + width(&clock) + 1);
    let title = truncate(&format!(" {}", mv.minutes().meeting.title), title_w);
    let pad = title_w.saturating_sub(width(&title));
    let mut spans = vec![
        Span::styled(title, bar.add_modifier(Modifier::BOLD)),
        Span::styled(" ".repeat(pad + 1), bar),
    ];
    spans.extend(tabs);
    spans.push(Span::styled(
        clock,
        ui.style(|r| r.countdown)
            .patch(bar)
            .add_modifier(Modifier::BOLD),
    ));
    f.render_widget(Lines::new(Line::from(spans)).style(bar), area);
}

/// The current topic with its time box, and the attendance and quorum.
/// The topic keeps at least half the line; missing roles get what is left.
fn info_line(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let m = mv.minutes();
    let a = m.attendance();
    let total = usize::from(area.width);
    let (present, expected) = match a.head_count {
        Some(h) => (h.present, h.expected),
        None => (a.present, a.expected),
    };
    let mut right: Vec<Span> = vec![Span::raw(format!(
        "{} {present}/{expected}",
        ui.t("出席", "present")
    ))];
    if a.households_expected > 0 {
        right.push(Span::raw(format!(
            "  {} {}/{}",
            ui.t("户", "hh"),
            a.households_present,
            a.households_expected
        )));
    }
    match a.quorum_met {
        Some(true) => right.push(Span::styled(
            format!("  {} ", ui.t("已达法定人数", "quorate")),
            ui.style(|r| r.passed),
        )),
        Some(false) => right.push(Span::styled(
            format!("  {} ", ui.t("未达法定人数", "no quorum")),
            ui.style(|r| r.failed),
        )),
        None => {}
    }
    let core_w: usize = right.iter().map(|s| width(&s.content)).sum();
    // The topic and its timer.
    let mut left: Vec<Span> = Vec::new();
    let left_max = total.saturating_sub(core_w + 2).max(total / 2);
    match m.current_topic() {
        Some(t) => {
            let timer = topic_timer(ui, t);
            let timer_w = timer.as_ref().map_or(0, |(s, _)| width(s) + 1);
            let label = format!(" {}{}", ui.t("议题：", "Topic: "), t.title);
            let label = truncate(&label, left_max.saturating_sub(timer_w));
            left.push(Span::styled(label, ui.style(|r| r.title)));
            if let Some((s, style)) = timer {
                left.push(Span::raw(" "));
                left.push(Span::styled(s, style));
            }
        }
        None => left.push(Span::styled(
            format!(" {}", ui.t("（无待议议题）", "(no open topic)")),
            ui.style(|r| r.muted),
        )),
    }
    let left_w: usize = left.iter().map(|s| width(&s.content)).sum();
    // Missing roles in whatever room is left.
    let room = total.saturating_sub(left_w + core_w + 2);
    if !a.missing_roles.is_empty() && room > 6 {
        let names = ui
            .lang
            .join(a.missing_roles.iter().map(|r| r.label(ui.lang)));
        let text = format!("  {}{names}", ui.t("缺：", "missing: "));
        let text = if width(&text) <= room {
            text
        } else {
            ui.lang.choose(
                format!("  缺{}类必到人员", a.missing_roles.len()),
                format!("  {} required missing", a.missing_roles.len()),
            )
        };
        right.push(Span::styled(truncate(&text, room), ui.style(|r| r.warning)));
    }
    let right_w: usize = right.iter().map(|s| width(&s.content)).sum();
    left.push(Span::raw(
        " ".repeat(total.saturating_sub(left_w + right_w)),
    ));
    left.extend(right);
    f.render_widget(
        Lines::new(Line::from(left)).style(ui.style(|r| r.base)),
        area,
    );
}

/// `剩余 12:30` or `超时 02:10` for a topic under discussion.
pub fn topic_timer(ui: &Ui, t: &crate::domain::agenda::Topic) -> Option<(String, Style)> {
    if t.state != TopicState::Discussing || t.planned_minutes == 0 {
        return None;
    }
    let started = t.started_at?;
    let left = i64::from(t.planned_minutes) * 60 - (ui.now - started).num_seconds();
    Some(if left >= 0 {
        (
            format!("{} {}", ui.t("剩余", "left"), mm_ss(left)),
            ui.style(|r| r.countdown),
        )
    } else {
        (
            format!("{} {}", ui.t("超时", "over"), mm_ss(-left)),
            ui.style(|r| r.warning),
        )
    })
}

/// The foot line: a message if there is one, else the key hints.
pub fn footer(f: &mut Frame, ui: &Ui, ctx: Context, area: Rect, message: Option<&Message>) {
    let bar = ui.style(|r| r.status);
    if let Some(msg) = message {
        let style = if msg.error {
            ui.style(|r| r.error)
        } else {
            bar
        };
        let text = truncate(&format!(" {}", msg.text(ui.lang)), usize::from(area.width));
        f.render_widget(Lines::new(text).style(style), area);
        return;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for b in keymap::hints(ctx) {
        let key = b.keys[0].label(ui.lang);
        let desc = ui.lang.pick(b.help);
        let w = width(&key) + width(desc) + 5;
        if used + w > usize::from(area.width) {
            break;
        }
        used += w;
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!(" {key} "), ui.style(|r| r.key)));
        spans.push(Span::styled(format!(" {desc} "), bar));
    }
    f.render_widget(Lines::new(Line::from(spans)).style(bar), area);
}
