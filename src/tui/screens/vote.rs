//! 表决 Vote: the question and its rule, the ballots (one key per voter, or
//! counts), a live tally in large digits and bars, and the verdict with its
//! explanation. A closed vote is locked; a correction is shown as one.

use crate::tui::ui::Lines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::meeting::{MeetingView, count_rows};
use super::super::ui::{BigText, Ui, bar, cell, panel, scroll_window, title_bar, wrapped};
use crate::domain::vote::verdict::{Amount, amount, judge, measure_name};
use crate::domain::vote::{Ballots, Choice, Measure, Outcome, Vote};
use crate::i18n::{self, Label};

pub fn choice_style(ui: &Ui, c: Choice) -> Style {
    match c {
        Choice::Yes => ui.style(|r| r.vote_yes),
        Choice::No => ui.style(|r| r.vote_no),
        Choice::Abstain => ui.style(|r| r.vote_abstain),
        Choice::NotVoting => ui.style(|r| r.muted),
    }
}

pub fn outcome_style(ui: &Ui, o: Outcome) -> Style {
    match o {
        Outcome::Passed => ui.style(|r| r.passed),
        Outcome::Failed | Outcome::NoQuorum => ui.style(|r| r.failed),
    }
}

pub fn draw(f: &mut Frame, ui: &Ui, mv: &MeetingView, area: Rect) {
    let m = mv.minutes();
    let Some(vote) = mv.shown_vote() else {
        let (title, body) = panel(area);
        title_bar(f, ui, title, ui.t("表决", "Vote"), true);
        f.render_widget(
            Lines::new(vec![
                Line::styled(ui.t("还没有表决。", "No vote yet."), ui.style(|r| r.muted)),
                Line::raw(ui.t(
                    "按 v 发起表决：填写表决事项，选择规则、方式和表决人。",
                    "Press v to start a vote: the question, the rule, the method and the voters.",
                )),
            ]),
            body,
        );
        return;
    };
    let ballots = mv
        .vote
        .correction
        .as_ref()
        .unwrap_or_else(|| vote.current_ballots());
    let state = if mv.vote.correction.is_some() {
        (ui.t("更正中", "correcting"), ui.style(|r| r.warning))
    } else if vote.is_closed() {
        (
            ui.t("已结束（锁定）", "closed (locked)"),
            ui.style(|r| r.muted),
        )
    } else {
        (ui.t("进行中", "open"), ui.style(|r| r.countdown))
    };
    let index = mv.vote.current.unwrap_or(0) + 1;
    let heading = format!(
        "{}{} / {}  {}",
        ui.t("表决 ", "Vote "),
        index,
        m.votes.len(),
        vote.question
    );
    let (title, body) = panel(area);
    title_bar(f, ui, title, &heading, false);
    let info = Line::from(vec![
        Span::styled(
            format!(" {} ", state.0),
            state.1.add_modifier(ratatui::style::Modifier::REVERSED),
        ),
        Span::raw(format!(
            "  {}（{}） {}",
            vote.rule.name.get(ui.lang),
            vote.rule.source.get(ui.lang),
            vote.method.label(ui.lang)
        )),
    ]);
    f.render_widget(Lines::new(info), Rect { height: 1, ..body });
    let body = Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(1),
        ..body
    };
    let left_w = if body.width >= 120 { 50 } else { 34 };
    let [left, _, right] = Layout::horizontal([
        Constraint::Length(left_w),
        Constraint::Length(1),
        Constraint::Min(30),
    ])
    .areas(body);
    draw_ballots(f, ui, mv, vote, ballots, left);
    draw_tally(f, ui, vote, ballots, right);
}

fn draw_ballots(
    f: &mut Frame,
    ui: &Ui,
    mv: &MeetingView,
    vote: &Vote,
    ballots: &Ballots,
    area: Rect,
) {
    let m = mv.minutes();
    let (title, body) = panel(area);
    let w = usize::from(body.width);
    match ballots {
        Ballots::Named(list) => {
            title_bar(
                f,
                ui,
                title,
                ui.t(
                    "逐人记票（y 赞成 n 反对 a 弃权）",
                    "Ballots (y yes, n no, a abstain)",
                ),
                true,
            );
            let voters = &vote.electorate.voters;
            let window = scroll_window(
                voters.len(),
                mv.vote.rows.selected,
                usize::from(body.height),
            );
            let lines: Vec<Line> = voters[window.clone()]
                .iter()
                .enumerate()
                .map(|(k, v)| {
                    let i = window.start + k;
                    let selected = i == mv.vote.rows.selected;
                    let (base, marker) = ui.row_start(selected);
                    let choice = list
                        .iter()
                        .find(|b| b.voter == v.attendee)
                        .map(|b| b.choice);
                    let (word, style) = match (choice, v.present) {
                        (Some(c), _) => (c.label(ui.lang).to_string(), choice_style(ui, c)),
                        (None, true) if vote.is_closed() => (
                            Choice::NotVoting.label(ui.lang).to_string(),
                            ui.style(|r| r.muted),
                        ),
                        (None, true) => {
                            (ui.t("待投", "waiting").to_string(), ui.style(|r| r.muted))
                        }

                        (None, false) => {
                            (ui.t("未到", "absent").to_string(), ui.style(|r| r.absent))
                        }
                    };
                    let name = m.attendee_name(v.attendee);
                    let weight = if v.households > 0 {
                        format!("{}{}", v.households, ui.t("户", "hh"))
                    } else {
                        String::new()
                    };
                    Line::from(vec![
                        marker,
                        cell(&name, 8, base),
                        cell(&weight, 6, base),
                        cell(
                            &word,
                            w.saturating_sub(16),
                            if selected { base } else { style },
                        ),
                    ])
                })
                .collect();
            f.render_widget(Lines::new(lines), body);
        }
        Ballots::Counts { .. } => {
            title_bar(
                f,
                ui,
                title,
                ui.t("票数（输入数字，+/- 增减）", "Counts (type digits, +/-)"),
                true,
            );
            let rows = count_rows(vote);
            let lines: Vec<Line> = rows
                .iter()
                .enumerate()
                .map(|(i, (c, measure))| {
                    let selected = i == mv.vote.rows.selected;
                    let (base, marker) = ui.row_start(selected);
                    let a = count_amount(ballots, *c);
                    Line::from(vec![
                        marker,
                        cell(
                            c.label(ui.lang),
                            6,
                            if selected { base } else { choice_style(ui, *c) },
                        ),
                        cell(measure_name(*measure, ui.lang), 8, base),
                        cell(
                            &amount(*measure, a.get(*measure), ui.lang),
                            w.saturating_sub(16),
                            base,
                        ),
                    ])
                })
                .collect();
            f.render_widget(Lines::new(lines), body);
        }
    }
}

fn count_amount(ballots: &Ballots, c: Choice) -> Amount {
    match (ballots, c) {
        (Ballots::Counts { yes, .. }, Choice::Yes) => Amount::from_weights(yes),
        (Ballots::Counts { no, .. }, Choice::No) => Amount::from_weights(no),
        (Ballots::Counts { abstain, .. }, Choice::Abstain) => Amount::from_weights(abstain),
        _ => Amount::default(),
    }
}

fn draw_tally(f: &mut Frame, ui: &Ui, vote: &Vote, ballots: &Ballots, area: Rect) {
    let c = ui.colon();
    let (title, body) = panel(area);
    title_bar(f, ui, title, ui.t("计票", "Tally"), false);
    let judged = judge(&vote.rule, &vote.electorate, ballots, vote.method);
    let tally = match &judged {
        Ok(j) => j.tally,
        Err(_) => crate::domain::vote::Tally::of(&vote.electorate, ballots, vote.method)
            .unwrap_or_default(),
    };
    // Large digits: yes, no, abstain in heads (the rule's other measures
    // are in the lines below).
    let measure = Measure::Heads;
    // Taller digits on a large screen; on a small one the explanation of
    // the verdict needs the rows.
    let big_h = if body.height >= 30 {
        (body.height * 2 / 5).min(18)
    } else {
        (body.height / 3).max(3)
    };

    let [big_area, rest] =
        Layout::vertical([Constraint::Length(big_h + 1), Constraint::Min(0)]).areas(body);
    let cols = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(big_area);
    for (k, c) in [Choice::Yes, Choice::No, Choice::Abstain]
        .into_iter()
        .enumerate()
    {
        let value = match c {
            Choice::Yes => tally.yes.get(measure),
            Choice::No => tally.no.get(measure),
            _ => tally.abstain.get(measure),
        };
        let style = choice_style(ui, c);
        let col = cols[k];
        f.render_widget(
            Lines::new(Line::styled(c.label(ui.lang).to_string(), style))
                .alignment(ratatui::layout::Alignment::Center),
            Rect { height: 1, ..col },
        );
        BigText {
            text: &value.to_string(),
            style,
        }
        .render_fit(
            Rect {
                y: col.y + 1,
                height: col.height.saturating_sub(1),
                ..col
            },
            f.buffer_mut(),
        );
    }
    // Bars and numbers for every measure the rule counts.
    let measures = crate::export::minutes_doc::vote_measures(vote);
    let mut y = rest.y;
    let label_w: u16 = 18;
    for ms in &measures {
        let present = tally.present.get(*ms);
        if y >= rest.y + rest.height {
            break;
        }
        f.render_widget(
            Lines::new(Line::styled(
                format!(
                    "{}{c}{} {}{}{} {}",
                    measure_name(*ms, ui.lang),
                    ui.t("应到", "entitled"),
                    amount(*ms, tally.base.get(*ms), ui.lang),
                    ui.lang.choose("，", ", "),
                    ui.t("出席", "present"),
                    amount(*ms, present, ui.lang)
                ),
                ui.style(|r| r.muted),
            )),
            Rect {
                y,
                height: 1,
                ..rest
            },
        );
        y += 1;
        for c in [Choice::Yes, Choice::No, Choice::Abstain] {
            if y >= rest.y + rest.height {
                break;
            }
            let value = match c {
                Choice::Yes => tally.yes.get(*ms),
                Choice::No => tally.no.get(*ms),
                _ => tally.abstain.get(*ms),
            };
            let label = format!("{} {}", c.label(ui.lang), amount(*ms, value, ui.lang));
            let row = Rect {
                y,
                height: 1,
                ..rest
            };
            f.render_widget(
                Lines::new(Line::from(cell(
                    &label,
                    usize::from(label_w),
                    choice_style(ui, c),
                ))),
                row,
            );
            bar(
                f.buffer_mut(),
                Rect {
                    x: row.x + label_w,
                    width: row.width.saturating_sub(label_w),
                    ..row
                },
                value,
                present,
                choice_style(ui, c),
            );
            y += 1;
        }
    }
    // The verdict.
    let verdict_area = Rect {
        y,
        height: (rest.y + rest.height).saturating_sub(y),
        ..rest
    };
    let mut lines: Vec<Line> = Vec::new();
    match &judged {
        Ok(j) => {
            let label = if vote.is_closed() {
                j.outcome.label(ui.lang).to_string()
            } else {
                format!(
                    "{}{}",
                    ui.t("按目前票数：", "as it stands: "),
                    j.outcome.label(ui.lang)
                )
            };
            // On a large screen the outcome is a band three rows high, to
            // be seen from the back of the room.
            let band = if verdict_area.height >= 8 { 3 } else { 1 };
            let style = outcome_style(ui, j.outcome);
            let band_area = Rect {
                height: band.min(verdict_area.height),
                ..verdict_area
            };
            super::super::ui::fill(f.buffer_mut(), band_area, style);
            f.render_widget(
                Lines::new(Line::styled(format!(" {label} "), style))
                    .alignment(ratatui::layout::Alignment::Center),
                Rect {
                    y: band_area.y + band_area.height / 2,
                    height: 1,
                    ..band_area
                },
            );
            for _ in 0..band {
                lines.push(Line::raw(""));
            }

            lines.extend(wrapped(
                &j.explain(ui.lang),
                verdict_area.width,
                ui.style(|r| r.base),
            ));
        }
        Err(e) => {
            lines.push(Line::styled(
                format!(" {} ", ui.t("无法计票", "cannot be counted")),
                ui.style(|r| r.error),
            ));
            lines.extend(wrapped(
                &e.message(ui.lang),
                verdict_area.width,
                ui.style(|r| r.warning),
            ));
        }
    }
    for corr in &vote.corrections {
        lines.push(Line::styled(
            format!(
                "{} {}{c}{}",
                ui.t("更正", "Correction"),
                i18n::date_time(corr.at, ui.lang),
                corr.reason
            ),
            ui.style(|r| r.warning),
        ));
    }
    f.render_widget(Lines::new(lines), verdict_area);
}
