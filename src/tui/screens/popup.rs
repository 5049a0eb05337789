//! Popups drawn over a screen: forms, pickers, questions and help. Each is
//! clamped inside the frame and puts the terminal cursor in the text field
//! being typed.

use crate::tui::ui::Lines;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::super::form::{FieldKind, Form, Picker, Popup};
use super::super::keymap::{self, BINDINGS, Context};
use super::super::ui::{Ui, cell, scroll_window, wrapped};
use crate::text::width;

/// A rectangle of at most `w`×`h`, centred and kept inside `area`.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(1);
    let h = h.min(area.height.saturating_sub(2)).max(1);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draw a popup box: clear, background, title bar. Returns the inside.
fn frame_box(f: &mut Frame, ui: &Ui, rect: Rect, title: &str) -> Rect {
    f.render_widget(Clear, rect);
    // The popup's own background sets it apart from the screen under it.
    f.render_widget(Lines::new("").style(ui.surface), rect);
    let bar = ui
        .style(|r| r.focus)
        .add_modifier(ratatui::style::Modifier::REVERSED);
    f.render_widget(
        Lines::new(cell(&format!(" {title}"), usize::from(rect.width), bar)),
        Rect { height: 1, ..rect },
    );
    Rect {
        x: rect.x + 1,
        y: rect.y + 1,
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(1),
    }
}

pub fn draw(f: &mut Frame, ui: &Ui, popup: &Popup, ctx: Context) {
    match popup {
        Popup::Form(form) => draw_form(f, ui, form),
        Popup::Picker(p) => draw_picker(f, ui, p),
        Popup::Confirm(c) => {
            let q = c.question(ui.lang);
            let rect = centred(f.area(), 60, 6);
            let inner = frame_box(f, ui, rect, ui.t("请确认", "Please confirm"));
            let mut lines = wrapped(&q, inner.width, ui.style(|r| r.base));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                Span::styled(" y ", ui.style(|r| r.key)),
                Span::raw(format!(" {}   ", ui.t("是", "yes"))),
                Span::styled(" n ", ui.style(|r| r.key)),
                Span::raw(format!(" {}", ui.t("否", "no"))),
            ]));
            f.render_widget(Lines::new(lines), inner);
        }
        Popup::Help { scroll } => draw_help(f, ui, *scroll, ctx),
    }
}

fn draw_form(f: &mut Frame, ui: &Ui, form: &Form) {
    let rows: u16 = form
        .fields
        .iter()
        .map(|fl| match &fl.kind {
            FieldKind::Checklist { items, .. } => 1 + items.len().min(12) as u16,
            _ => 2,
        })
        .sum();
    let h = rows + 4;
    let rect = centred(f.area(), 72, h);
    let inner = frame_box(f, ui, rect, ui.lang.pick(form.title));
    let w = inner.width;
    let mut y = inner.y;
    let bottom = inner.y + inner.height.saturating_sub(2);
    let mut cursor: Option<Position> = None;
    for (i, field) in form.fields.iter().enumerate() {
        if y >= bottom {
            break;
        }
        let focused = i == form.focus;
        let label_style = if focused {
            ui.style(|r| r.focus)
        } else {
            ui.style(|r| r.muted)
        };
        f.render_widget(
            Lines::new(Line::styled(
                format!(
                    "{}{}",
                    if focused { "> " } else { "  " },
                    ui.lang.pick(field.label)
                ),
                label_style,
            )),
            Rect::new(inner.x, y, w, 1),
        );
        y += 1;
        match &field.kind {
            FieldKind::Text(t) => {
                let (shown, col) = t.single_line(w.saturating_sub(4));
                let style = if focused {
                    ui.style(|r| r.input)
                } else {
                    ui.style(|r| r.base)
                };
                f.render_widget(
                    Lines::new(Line::from(vec![
                        Span::raw("  "),
                        cell(&shown, usize::from(w.saturating_sub(3)), style),
                    ])),
                    Rect::new(inner.x, y, w, 1),
                );
                if focused {
                    cursor = Some(Position::new(inner.x + 2 + col, y));
                }
                y += 1;
            }
            FieldKind::Choice { options, selected } => {
                let value = options.get(*selected).cloned().unwrap_or_default();
                let style = if focused {
                    ui.style(|r| r.input)
                } else {
                    ui.style(|r| r.base)
                };
                let text = if focused {
                    format!("< {value} >")
                } else {
                    format!("  {value}")
                };
                f.render_widget(
                    Lines::new(Line::from(vec![Span::raw("  "), Span::styled(text, style)])),
                    Rect::new(inner.x, y, w, 1),
                );
                y += 1;
            }
            FieldKind::Checklist { items, cursor: at } => {
                let visible = usize::from(bottom.saturating_sub(y)).min(12);
                let window = scroll_window(items.len(), *at, visible);
                for (k, (label, on)) in items[window.clone()].iter().enumerate() {
                    let idx = window.start + k;
                    let here = focused && idx == *at;
                    let style = if here {
                        ui.style(|r| r.selected)
                    } else {
                        ui.style(|r| r.base)
                    };
                    let mark = if *on { "[x] " } else { "[ ] " };
                    f.render_widget(
                        Lines::new(Line::from(vec![
                            Span::raw("  "),
                            cell(
                                &format!("{mark}{label}"),
                                usize::from(w.saturating_sub(3)),
                                style,
                            ),
                        ])),
                        Rect::new(inner.x, y, w, 1),
                    );
                    y += 1;
                }
            }
        }
    }
    let foot = Rect::new(inner.x, inner.y + inner.height.saturating_sub(2), w, 2);
    let mut lines = Vec::new();
    if let Some((zh, en)) = &form.error {
        lines.push(Line::styled(
            ui.lang.choose(zh.as_str(), en.as_str()).to_string(),
            ui.style(|r| r.error),
        ));
    } else {
        lines.push(Line::raw(""));
    }
    lines.push(hint_line(ui, Context::Popup));
    f.render_widget(Lines::new(lines), foot);
    if let Some(p) = cursor {
        f.set_cursor_position(p);
    }
}

fn hint_line(ui: &Ui, ctx: Context) -> Line<'static> {
    let mut spans = Vec::new();
    for b in keymap::hints(ctx) {
        spans.push(Span::styled(
            format!(" {} ", b.keys[0].label(ui.lang)),
            ui.style(|r| r.key),
        ));
        spans.push(Span::styled(
            format!(" {}  ", ui.lang.pick(b.help)),
            ui.style(|r| r.muted),
        ));
    }
    Line::from(spans)
}

fn draw_picker(f: &mut Frame, ui: &Ui, p: &Picker) {
    let visible = p.visible();
    let rect = centred(f.area(), 60, 18);
    let inner = frame_box(f, ui, rect, ui.lang.pick(p.title));
    let (shown, col) = p.filter.single_line(inner.width.saturating_sub(4));
    f.render_widget(
        Lines::new(Line::from(vec![
            Span::styled("/ ", ui.style(|r| r.muted)),
            cell(
                &shown,
                usize::from(inner.width.saturating_sub(3)),
                ui.style(|r| r.input),
            ),
        ])),
        Rect { height: 1, ..inner },
    );
    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(4),
        ..inner
    };
    let window = scroll_window(visible.len(), p.selected, usize::from(list.height));
    let lines: Vec<Line> = visible[window.clone()]
        .iter()
        .enumerate()
        .map(|(k, (_, label))| {
            let here = window.start + k == p.selected;
            let style = if here {
                ui.style(|r| r.selected)
            } else {
                ui.style(|r| r.base)
            };
            Line::from(cell(
                &format!("{}{label}", if here { "> " } else { "  " }),
                usize::from(list.width),
                style,
            ))
        })
        .collect();
    if lines.is_empty() {
        f.render_widget(
            Lines::new(ui.t("没有匹配的人", "nobody matches")).style(ui.style(|r| r.muted)),
            list,
        );
    } else {
        f.render_widget(Lines::new(lines), list);
    }
    f.render_widget(
        Lines::new(hint_line(ui, Context::Popup)),
        Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(1),
            inner.width,
            1,
        ),
    );
    f.set_cursor_position(Position::new(inner.x + 2 + col, inner.y));
}

/// Every key of the current context, the meeting-wide keys and the list
/// keys, from the one keymap table.
pub fn help_lines(ui: &Ui, ctx: Context) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    let section = |title: &str| Line::styled(title.to_string(), ui.style(|r| r.header));
    let entry = |keys: &[keymap::Key], help: &str| {
        let k = keys
            .iter()
            .map(|k| k.label(ui.lang))
            .collect::<Vec<_>>()
            .join(" / ");
        Line::from(vec![
            Span::styled(format!(" {k} "), ui.style(|r| r.key)),
            Span::raw(format!("  {help}")),
        ])
    };
    let mut contexts = vec![ctx];
    if let Context::Screen(_) = ctx {
        contexts.push(Context::Meeting);
    }
    for c in contexts {
        let title = match c {
            Context::Screen(s) => ui.lang.choose(
                format!("本屏（{}）", ui.lang.pick(s.tx())),
                format!("This screen ({})", ui.lang.pick(s.tx())),
            ),
            Context::Meeting => ui.t("所有会议屏", "Every meeting screen").to_string(),
            Context::Home => ui.t("首页", "Home").to_string(),
            Context::Archive => ui.t("档案", "Archive").to_string(),
            _ => String::new(),
        };
        lines.push(section(&title));
        for b in BINDINGS.iter().filter(|b| b.ctx == c) {
            lines.push(entry(b.keys, ui.lang.pick(b.help)));
        }
        lines.push(Line::raw(""));
    }
    if matches!(ctx, Context::Screen(_) | Context::Home | Context::Archive) {
        lines.push(section(ui.t("列表", "Lists")));
        for (keys, _, help) in keymap::list_bindings() {
            lines.push(entry(keys, ui.lang.pick(help)));
        }
        lines.push(Line::raw(""));
    }
    lines.push(section(ui.t("输入框", "Text fields")));
    lines.push(Line::raw(ui.t(
        "  直接输入（支持中文输入法和粘贴）；Backspace 删除；左/右 移动；Ctrl-U 清除光标前内容",
        "  Type (input methods and paste work); Backspace deletes; Left/Right move; Ctrl-U clears to the start",
    )));
    if let Context::Screen(_) = ctx {
        lines.push(Line::raw(""));
        lines.push(section(ui.t("一次会议的流程", "Running a meeting")));
        for step in [
            ui.t(
                "  1 签到：选中参会人按空格签到，a 新增参会人员",
                "  1 Roster: select a person, Space to check in; a adds a walk-in",
            ),
            ui.t(
                "  2 议程：选中议题按 Enter 开始讨论",
                "  2 Agenda: select a topic, Enter to start it",
            ),
            ui.t(
                "  3 发言：a 加入队列，Enter 请其发言，i 记录摘要，e 结束",
                "  3 Speakers: a queues, Enter gives the floor, i types the summary, e ends",
            ),
            ui.t(
                "  4 表决：v 发起，y/n/a 记票，c 结束，d 形成决定",
                "  4 Vote: v starts, y/n/a record ballots, c closes, d records the decision",
            ),
            ui.t(
                "  5 公示：n 发布公示并开始倒计时，o 登记异议",
                "  5 Notice: n posts it and starts the countdown, o logs an objection",
            ),
            ui.t(
                "  6 纪要：查看并导出（x），E 结束会议",
                "  6 Minutes: read and export (x); E ends the meeting",
            ),
        ] {
            lines.push(Line::raw(step));
        }
    }
    lines
}

fn draw_help(f: &mut Frame, ui: &Ui, scroll: u16, ctx: Context) {
    let lines = help_lines(ui, ctx);
    let longest = lines
        .iter()
        .map(|l| l.spans.iter().map(|s| width(&s.content)).sum::<usize>())
        .max()
        .unwrap_or(40);
    let rect = centred(
        f.area(),
        (longest as u16 + 4).max(50),
        lines.len() as u16 + 3,
    );
    let inner = frame_box(
        f,
        ui,
        rect,
        ui.t(
            "帮助：按键一览（上/下 翻阅，Esc 关闭）",
            "Help: every key (Up/Down scroll, Esc closes)",
        ),
    );
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = usize::from(scroll).min(max_scroll);
    f.render_widget(
        Lines::new(lines.into_iter().skip(scroll).collect::<Vec<_>>()),
        inner,
    );
}
