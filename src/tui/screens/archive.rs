//! Drawing the archive: the table of every meeting with search and
//! filters, the overviews across meetings, a topic's timeline, and one
//! meeting's minutes read-only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::super::archive::{ArchiveView, Overview, Tab};
use super::super::keymap::Context;
use super::super::meeting::Message;
use super::super::ui::{Lines, Ui, cell, scroll_window, title_bar, wrapped};
use super::notice::status_style;
use crate::archive::{Column, Order, TimelineWhat};
use crate::domain::notice::{NoticeState, Remaining};
use crate::export::minutes_doc::{minutes_doc, minutes_title};
use crate::export::plain::render_lines;
use crate::i18n::{self, Label, Lang};
use crate::text::{truncate, width};

fn column_name(c: Column, lang: Lang) -> &'static str {
    lang.choose(
        match c {
            Column::Date => "日期",
            Column::Community => "社区",
            Column::Compound => "小区",
            Column::Title => "会议名称",
            Column::Kind => "形式",
            Column::State => "状态",
            Column::Notice => "公示",
            Column::OpenTasks => "待办",
            Column::Path => "文件",
        },
        match c {
            Column::Date => "Date",
            Column::Community => "Community",
            Column::Compound => "Compound",
            Column::Title => "Title",
            Column::Kind => "Form",
            Column::State => "State",
            Column::Notice => "Notice",
            Column::OpenTasks => "Tasks",
            Column::Path => "File",
        },
    )
}

/// `3天 04:10` / `3 d 04:10`.
fn remaining_text(r: Remaining, lang: Lang) -> String {
    lang.choose(
        format!("{}天 {:02}:{:02}", r.days, r.hours, r.minutes),
        format!("{} d {:02}:{:02}", r.days, r.hours, r.minutes),
    )
}

pub fn draw(f: &mut Frame, ui: &Ui, av: &ArchiveView, message: Option<&Message>) {
    let area = f.area();
    f.render_widget(Lines::new("").style(ui.style(|r| r.base)), area);
    let [header, tabs, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(f, ui, av, header);
    draw_tabs(f, ui, av, tabs);
    let body = body.inner(ratatui::layout::Margin::new(1, 0));
    if let Some(r) = &av.reading {
        draw_reading(f, ui, r, body);
    } else if let Some(t) = &av.timeline {
        draw_timeline(f, ui, t, body);
    } else if av.tab == Tab::Table {
        draw_table(f, ui, av, body);
    } else {
        draw_overview(f, ui, av, body);
    }
    let refreshing = av.needs_refresh.then(|| {
        Message::info(
            "正在核对文件夹与索引……",
            "checking the folder against the index…",
        )
    });
    super::footer(
        f,
        ui,
        Context::Archive,
        footer,
        message.or(refreshing.as_ref()),
    );
}

fn draw_header(f: &mut Frame, ui: &Ui, av: &ArchiveView, area: Rect) {
    let bar = ui.style(|r| r.status);
    let entries = av.archive.entries();
    let broken = entries.iter().filter(|e| e.is_broken()).count();
    let clock = format!(" {} ", ui.now.format("%H:%M:%S"));
    let mut text = ui.lang.choose(
        format!(
            " 档案  {} 个文件",
            i18n::group_thousands(entries.len() as u64)
        ),
        format!(
            " Archive  {} files",
            i18n::group_thousands(entries.len() as u64)
        ),
    );
    if broken > 0 {
        text.push_str(&ui.lang.choose(
            format!("，{broken} 个有误"),
            format!(", {broken} with errors"),
        ));
    }
    text.push_str(&format!("  {}", av.archive.root().display()));
    let w = usize::from(area.width).saturating_sub(width(&clock));
    let text = truncate(&text, w);
    let pad = w.saturating_sub(width(&text));
    f.render_widget(
        Lines::new(Line::from(vec![
            Span::styled(text, bar.add_modifier(Modifier::BOLD)),
            Span::styled(" ".repeat(pad), bar),
            Span::styled(clock, bar.add_modifier(Modifier::BOLD)),
        ])),
        area,
    );
}

fn draw_tabs(f: &mut Frame, ui: &Ui, av: &ArchiveView, area: Rect) {
    let spans: Vec<Span> = Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let style = if *t == av.tab && av.reading.is_none() && av.timeline.is_none() {
                ui.style(|r| r.selected)
            } else {
                ui.style(|r| r.base)
            };
            Span::styled(format!(" {}{} ", i + 1, ui.lang.pick(t.tx())), style)
        })
        .collect();
    f.render_widget(Lines::new(Line::from(spans)), area);
}

fn draw_table(f: &mut Frame, ui: &Ui, av: &ArchiveView, area: Rect) {
    let [search, head, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(2),
    ])
    .areas(area);
    // The search box, the count, the filter and the sort.
    let c = ui.colon();
    let mut spans = vec![Span::styled(
        format!("{}{c}", ui.t("搜索", "Search")),
        ui.style(|r| r.muted),
    )];
    let box_w: u16 = 24;
    let (shown, col) = av.query.single_line(box_w - 1);
    let box_style = if av.typing {
        ui.style(|r| r.input)
    } else {
        ui.style(|r| r.base)
    };
    let box_x = search.x + width(&spans[0].content) as u16;
    spans.push(cell(&shown, usize::from(box_w), box_style));
    let total = av.archive.entries().len();
    spans.push(Span::raw(ui.lang.choose(
        format!(
            "  {} / {} 个",
            i18n::group_thousands(av.rows.len() as u64),
            i18n::group_thousands(total as u64)
        ),
        format!(
            "  {} of {}",
            i18n::group_thousands(av.rows.len() as u64),
            i18n::group_thousands(total as u64)
        ),
    )));
    if let Some(ft) = av.filter_text(ui.lang) {
        spans.push(Span::styled(
            format!("  {}{c}{ft}", ui.t("筛选", "Filter")),
            ui.style(|r| r.warning),
        ));
    }
    let sort = av.view.sort;
    spans.push(Span::styled(
        format!(
            "  {}{c}{} {}",
            ui.t("排序", "Sort"),
            column_name(sort.column, ui.lang),
            match sort.order {
                Order::Asc => ui.t("升序", "up"),
                Order::Desc => ui.t("降序", "down"),
            }
        ),
        ui.style(|r| r.muted),
    ));
    f.render_widget(Lines::new(Line::from(spans)), search);
    if av.typing {
        f.set_cursor_position(Position::new(box_x + col, search.y));
    }

    // Columns: the title takes what is left.
    let wide = area.width >= 120;
    let mut cols: Vec<(Column, usize)> = vec![(Column::Date, 10)];
    if wide {
        cols.push((Column::Community, 12));
    }
    // On 80 columns the form of the meeting gives way to the countdown.
    cols.extend([
        (Column::Compound, if wide { 12 } else { 10 }),
        (Column::Title, 0),
    ]);
    if wide {
        cols.push((Column::Kind, 12));
    }
    cols.extend([
        (Column::State, 6),
        (Column::Notice, if wide { 18 } else { 13 }),
        (Column::OpenTasks, 4),
    ]);

    let fixed: usize = cols.iter().map(|(_, w)| w + 1).sum();
    let title_w = usize::from(area.width).saturating_sub(fixed + 2).max(10);
    for c in &mut cols {
        if c.0 == Column::Title {
            c.1 = title_w;
        }
    }
    let head_style = ui.style(|r| r.header);
    let mut hs = vec![Span::styled("  ", head_style)];
    for (c, w) in &cols {
        let mut name = column_name(*c, ui.lang).to_string();
        if *c == sort.column {
            name.push_str(if sort.order == Order::Asc { " ^" } else { " v" });
        }
        hs.push(cell(&name, *w, head_style));
        hs.push(Span::styled(" ", head_style));
    }
    f.render_widget(Lines::new(Line::from(hs)), head);

    if av.rows.is_empty() {
        let text = if total == 0 {
            ui.t(
                "文件夹里还没有纪要文件",
                "There are no minutes files in this folder yet",
            )
        } else {
            ui.t(
                "没有符合条件的纪要（c 清除搜索和筛选）",
                "Nothing matches (c clears search and filter)",
            )
        };
        f.render_widget(Lines::new(Line::styled(text, ui.style(|r| r.muted))), list);
    }
    let window = scroll_window(av.rows.len(), av.list.selected, usize::from(list.height));
    let entries = av.archive.entries();
    let lines: Vec<Line> = av.rows[window.clone()]
        .iter()
        .enumerate()
        .map(|(k, &e)| {
            let selected = window.start + k == av.list.selected;
            let (base, marker) = ui.row_start(selected);
            let entry = &entries[e as usize];
            let mut spans = vec![marker];
            let Some(m) = entry.meeting() else {
                let name = entry
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                spans.push(cell(
                    &format!("{}  {name}", ui.t("文件有误", "broken file")),
                    usize::from(area.width).saturating_sub(2),
                    if selected {
                        base
                    } else {
                        ui.style(|r| r.error)
                    },
                ));
                return Line::from(spans);
            };
            let live = av.table.live(e as usize);
            for (c, w) in &cols {
                let (text, style) = match c {
                    Column::Date => (m.date.format("%Y-%m-%d").to_string(), base),
                    Column::Community => (m.community.clone(), base),
                    Column::Compound => (m.compound.clone(), base),
                    Column::Title => (m.title.clone(), base),
                    Column::Kind => (m.kind.label(ui.lang).to_string(), base),
                    Column::State => (m.state.label(ui.lang).to_string(), base),
                    Column::Notice => match live.and_then(|l| l.notice) {
                        Some(NoticeState::Running { ends, .. }) => (
                            format!(
                                "{} {}",
                                ui.t("剩", "left"),
                                remaining_text(Remaining::between(ui.now, ends), ui.lang)
                            ),
                            status_style(ui, crate::domain::notice::NoticeStatus::Running),
                        ),
                        Some(s) => (
                            s.status().label(ui.lang).to_string(),
                            status_style(ui, s.status()),
                        ),
                        None => ("-".to_string(), ui.style(|r| r.muted)),
                    },
                    Column::OpenTasks => match live {
                        Some(l) if l.overdue_tasks > 0 => {
                            (format!("{}!", l.open_tasks), ui.style(|r| r.warning))
                        }
                        Some(l) if l.open_tasks > 0 => (l.open_tasks.to_string(), base),
                        _ => (String::new(), base),
                    },
                    Column::Path => (entry.path.display().to_string(), base),
                };
                spans.push(cell(&text, *w, if selected { base } else { style }));
                spans.push(Span::styled(" ", base));
            }
            Line::from(spans)
        })
        .collect();
    f.render_widget(Lines::new(lines), list);

    // The selected file: its path, or what is wrong with it.
    let mut d: Vec<Line> = Vec::new();
    if let Some(&e) = av.rows.get(av.list.selected) {
        let entry = &entries[e as usize];
        d.push(Line::styled(
            truncate(&entry.path.display().to_string(), usize::from(area.width)),
            ui.style(|r| r.muted),
        ));
        if let Some(p) = entry.problems().first() {
            d.push(Line::styled(
                truncate(&p.render(ui.lang), usize::from(area.width)),
                ui.style(|r| r.error),
            ));
        } else if entry
            .meeting()
            .and_then(|m| av.table.live(e as usize).map(|l| (m, l)))
            .is_some_and(|(_, l)| l.overdue_tasks > 0)
        {
            d.push(Line::styled(
                ui.t(
                    "有逾期未完成的落实事项（4 查看）",
                    "has overdue follow-up tasks (4 to see them)",
                ),
                ui.style(|r| r.warning),
            ));
        }
    }
    f.render_widget(Lines::new(d), detail);
}

fn draw_overview(f: &mut Frame, ui: &Ui, av: &ArchiveView, area: Rect) {
    let c = ui.colon();
    let entries = av.archive.entries();
    let meeting_of = |e: u32| {
        entries
            .get(e as usize)
            .and_then(|x| x.meeting())
            .map(|m| format!("{} {}", m.date.format("%Y-%m-%d"), m.title))
            .unwrap_or_default()
    };
    let Some((_, _, _, overview)) = &av.overview else {
        return;
    };
    let (title_text, rows, detail): (String, Vec<(String, Style, String)>, Vec<String>) =
        match overview {
            Overview::Notices(v) => (
                ui.lang.choose(
                    format!("公示中及暂停、复核中的公示 {} 份", v.len()),
                    format!("{} notices running, paused or under review", v.len()),
                ),
                v.iter()
                    .map(|n| {
                        let when = match n.remaining {
                            Some(r)
                                if n.state.status()
                                    == crate::domain::notice::NoticeStatus::Running =>
                            {
                                remaining_text(r, ui.lang)
                            }
                            _ => n.state.status().label(ui.lang).to_string(),
                        };
                        let obj = if n.objections.is_empty() {
                            String::new()
                        } else {
                            ui.lang.choose(
                                format!("  异议 {}", n.objections.len()),
                                format!("  {} objection(s)", n.objections.len()),
                            )
                        };
                        (
                            when,
                            status_style(ui, n.state.status()),
                            format!("{}{obj}  {}", n.title, meeting_of(n.entry)),
                        )
                    })
                    .collect(),
                v.get(av.overview_list.selected)
                    .map(|n| {
                        let mut d: Vec<String> = Vec::new();
                        if let Some(ends) = n.ends {
                            let last = (ends - chrono::TimeDelta::days(1)).date_naive();
                            d.push(ui.lang.choose(
                                format!("截止{c}{} 24 时", i18n::date(last, ui.lang)),
                                format!("Ends{c}end of {}", i18n::date(last, ui.lang)),
                            ));
                        }
                        for o in &n.objections {
                            d.push(format!(
                                "{} {}{c}{}",
                                i18n::date_time(o.at, ui.lang),
                                o.by,
                                o.content
                            ));
                        }
                        d
                    })
                    .unwrap_or_default(),
            ),
            Overview::InForce(v) => (
                ui.lang.choose(
                    format!("已生效的决定 {} 项", v.len()),
                    format!("{} decisions in force", v.len()),
                ),
                v.iter()
                    .map(|d| {
                        let since = d
                            .since
                            .map(|s| s.date_naive().format("%Y-%m-%d").to_string())
                            .unwrap_or_default();
                        (
                            since,
                            ui.style(|r| r.present),
                            format!("{}  {}", d.decision.text, meeting_of(d.entry)),
                        )
                    })
                    .collect(),
                v.get(av.overview_list.selected)
                    .map(|d| {
                        vec![
                            format!("{}{c}{}", ui.t("公示", "Notice"), d.notice_title),
                            d.decision.text.clone(),
                        ]
                    })
                    .unwrap_or_default(),
            ),
            Overview::Overdue(v) => (
                ui.lang.choose(
                    format!("逾期未完成的落实事项 {} 项", v.len()),
                    format!("{} overdue follow-up tasks", v.len()),
                ),
                v.iter()
                    .map(|t| {
                        (
                            ui.lang.choose(
                                format!("逾期 {} 天", t.days_overdue),
                                format!("{} d late", t.days_overdue),
                            ),
                            ui.style(|r| r.warning),
                            format!(
                                "{}  {}  {}",
                                t.task.title,
                                t.task.owner,
                                meeting_of(t.entry)
                            ),
                        )
                    })
                    .collect(),
                v.get(av.overview_list.selected)
                    .map(|t| {
                        vec![format!(
                            "{}{c}{}",
                            ui.t("期限", "Due"),
                            i18n::date(t.task.due, ui.lang)
                        )]
                    })
                    .unwrap_or_default(),
            ),
            Overview::Topics(v) => (
                ui.lang.choose(
                    format!("尚未了结的议题 {} 个", v.len()),
                    format!("{} topics still open", v.len()),
                ),
                v.iter()
                    .map(|t| {
                        (
                            t.date.format("%Y-%m-%d").to_string(),
                            ui.style(|r| r.warning),
                            format!(
                                "{}  [{}]  {}",
                                t.topic.title,
                                t.topic.state.label(ui.lang),
                                meeting_of(t.entry)
                            ),
                        )
                    })
                    .collect(),
                v.get(av.overview_list.selected)
                    .map(|t| {
                        vec![ui.lang.choose(
                            format!("已在 {} 次会议上讨论", t.meetings),
                            format!("taken up in {} meeting(s)", t.meetings),
                        )]
                    })
                    .unwrap_or_default(),
            ),
            Overview::Threads(v) => (
                ui.lang.choose(
                    format!("议题脉络 {} 条（Enter 查看时间线）", v.len()),
                    format!("{} topic threads (Enter shows the timeline)", v.len()),
                ),
                v.iter()
                    .map(|t| {
                        let (word, style) = if t.open {
                            (ui.t("未结", "open"), ui.style(|r| r.warning))
                        } else {
                            (ui.t("已结", "settled"), ui.style(|r| r.present))
                        };
                        (
                            word.to_string(),
                            style,
                            ui.lang.choose(
                                format!(
                                    "{}  {} 次会议  {} 至 {}",
                                    t.thread,
                                    t.meetings,
                                    t.first.format("%Y-%m-%d"),
                                    t.last.format("%Y-%m-%d")
                                ),
                                format!(
                                    "{}  {} meetings  {} to {}",
                                    t.thread,
                                    t.meetings,
                                    t.first.format("%Y-%m-%d"),
                                    t.last.format("%Y-%m-%d")
                                ),
                            ),
                        )
                    })
                    .collect(),
                Vec::new(),
            ),
        };
    let [title, list, _, det] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length((detail.len() as u16).min(6)),
    ])
    .areas(area);
    title_bar(f, ui, title, &title_text, true);
    if rows.is_empty() {
        f.render_widget(
            Lines::new(Line::styled(
                ui.t("（无）", "(none)"),
                ui.style(|r| r.muted),
            )),
            list,
        );
    }
    let window = scroll_window(
        rows.len(),
        av.overview_list.selected,
        usize::from(list.height),
    );
    let w = usize::from(list.width);
    let lines: Vec<Line> = rows[window.clone()]
        .iter()
        .enumerate()
        .map(|(k, (lead, style, text))| {
            let selected = window.start + k == av.overview_list.selected;
            let (base, marker) = ui.row_start(selected);
            Line::from(vec![
                marker,
                cell(lead, 14, if selected { base } else { *style }),
                Span::styled(" ", base),
                cell(text, w.saturating_sub(17), base),
            ])
        })
        .collect();
    f.render_widget(Lines::new(lines), list);
    let d: Vec<Line> = detail
        .iter()
        .flat_map(|t| wrapped(t, det.width, ui.style(|r| r.muted)))
        .collect();
    f.render_widget(Lines::new(d), det);
}

fn draw_timeline(f: &mut Frame, ui: &Ui, t: &super::super::archive::Timeline, area: Rect) {
    let (title, body) = super::super::ui::panel(area);
    title_bar(
        f,
        ui,
        title,
        &ui.lang.choose(
            format!("议题脉络：{}（Enter 打开会议，Esc 返回）", t.thread),
            format!(
                "Thread: {} (Enter opens the meeting, Esc goes back)",
                t.thread
            ),
        ),
        true,
    );
    let c = ui.colon();
    let w = usize::from(body.width);
    let window = scroll_window(t.events.len(), t.list.selected, usize::from(body.height));
    let lines: Vec<Line> = t.events[window.clone()]
        .iter()
        .enumerate()
        .map(|(k, ev)| {
            let selected = window.start + k == t.list.selected;
            let (base, marker) = ui.row_start(selected);
            let last_day = |ends: crate::domain::Timestamp| {
                i18n::date((ends - chrono::TimeDelta::days(1)).date_naive(), ui.lang)
            };
            let (text, style) = match &ev.what {
                TimelineWhat::Meeting {
                    title,
                    kind,
                    topic,
                    state,
                } => (
                    format!(
                        "{title}（{}）{c}「{topic}」{}",
                        kind.label(ui.lang),
                        state.label(ui.lang)
                    ),
                    ui.style(|r| r.base),
                ),
                TimelineWhat::Decision { text, nature, .. } => (
                    format!("{}{c}{text}", nature.label(ui.lang)),
                    ui.style(|r| r.title),
                ),
                TimelineWhat::NoticePosted { title, ends } => (
                    ui.lang.choose(
                        format!("公示{c}{title}，至 {} 24 时", last_day(*ends)),
                        format!("Notice{c}{title}, until the end of {}", last_day(*ends)),
                    ),
                    ui.style(|r| r.countdown),
                ),
                TimelineWhat::Objection { by, content } => (
                    format!("{}{c}{by}：{content}", ui.t("异议", "Objection")),
                    ui.style(|r| r.warning),
                ),
                TimelineWhat::Review { note } => (
                    format!("{}{c}{note}", ui.t("复核/再协商", "Review")),
                    ui.style(|r| r.warning),
                ),
                TimelineWhat::Reposted { ends } => (
                    ui.lang.choose(
                        format!("重新公示，至 {} 24 时", last_day(*ends)),
                        format!("Posted again, until the end of {}", last_day(*ends)),
                    ),
                    ui.style(|r| r.countdown),
                ),
                TimelineWhat::Withdrawn { reason } => (
                    format!("{}{c}{reason}", ui.t("撤销", "Withdrawn")),
                    ui.style(|r| r.absent),
                ),
                TimelineWhat::InForce => (
                    ui.t("期满无异议，决定生效", "ended without objection: in force")
                        .to_string(),
                    ui.style(|r| r.present),
                ),
                TimelineWhat::ResultsPublished { note } => (
                    format!("{}{c}{note}", ui.t("实施结果公开", "Results published")),
                    ui.style(|r| r.present),
                ),
            };
            Line::from(vec![
                marker,
                cell(&ev.date.format("%Y-%m-%d").to_string(), 11, base),
                cell(
                    &text,
                    w.saturating_sub(13),
                    if selected { base } else { style },
                ),
            ])
        })
        .collect();
    f.render_widget(Lines::new(lines), body);
}

fn draw_reading(f: &mut Frame, ui: &Ui, r: &super::super::archive::Reading, area: Rect) {
    let (title, body) = super::super::ui::panel(area);
    let doc = minutes_doc(&r.minutes, ui.lang, ui.now);
    let all = render_lines(&doc, usize::from(body.width.max(20)));
    let headings: Vec<&String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            crate::export::Block::Heading(h) | crate::export::Block::Subheading(h) => Some(h),
            _ => None,
        })
        .collect();
    let max_scroll = all.len().saturating_sub(usize::from(body.height));
    let scroll = usize::from(r.scroll).min(max_scroll);
    title_bar(
        f,
        ui,
        title,
        &format!(
            "{}{}  {}/{}  {}",
            ui.t("只读：", "Read-only: "),
            minutes_title(&r.minutes, ui.lang),
            (scroll + usize::from(body.height)).min(all.len()),
            all.len(),
            ui.t("（e 导出，Esc 返回）", "(e export, Esc back)")
        ),
        true,
    );
    let lines: Vec<Line> = all
        .iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .map(|l| {
            let style = if headings.contains(&l) {
                ui.style(|r| r.title)
            } else {
                ui.style(|r| r.base)
            };
            Line::styled(l.as_str(), style)
        })
        .collect();
    f.render_widget(Lines::new(lines), body);
}

/// The progress of building the index, while files are read.
pub fn progress(f: &mut Frame, ui: &Ui, done: usize, total: usize) {
    let area = f.area();
    f.render_widget(Lines::new("").style(ui.style(|r| r.base)), area);
    let text = ui.lang.choose(
        format!(
            "正在建立档案索引：{} / {} 个文件",
            i18n::group_thousands(done as u64),
            i18n::group_thousands(total as u64)
        ),
        format!(
            "Building the archive index: {} of {} files",
            i18n::group_thousands(done as u64),
            i18n::group_thousands(total as u64)
        ),
    );
    let w = (width(&text) as u16 + 4).min(area.width);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + area.height / 2,
        w,
        1,
    );
    f.render_widget(
        Lines::new(Line::styled(format!("  {text}"), ui.style(|r| r.status))),
        rect,
    );
    let bar_area = Rect::new(
        rect.x,
        rect.y + 1,
        rect.width,
        1.min(area.height.saturating_sub(rect.y + 1 - area.y)),
    );
    super::super::ui::bar(
        f.buffer_mut(),
        bar_area,
        done as u64,
        total.max(1) as u64,
        ui.style(|r| r.countdown),
    );
}
