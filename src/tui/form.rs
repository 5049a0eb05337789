//! Popups: forms (text, choice and checklist fields), pickers, yes/no
//! questions and help. A popup knows what it is for ([`Purpose`]); the app
//! turns a submitted form into domain operations.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::field::TextField;
use crate::domain::{AttendeeId, DecisionId, VoteId};
use crate::i18n::{Lang, Tx};

/// What a form is for.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Purpose {
    WalkIn,
    Absent(AttendeeId),
    AddTopic,
    NewVote,
    Decision(VoteId),
    Notice(Vec<DecisionId>),
    Objection(usize),
    CorrectionReason(VoteId),
    NewMeeting,
    Export,
    ArchiveFilter,
    ArchiveExport(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Text(TextField),
    Choice {
        options: Vec<String>,
        selected: usize,
    },
    Checklist {
        items: Vec<(String, bool)>,
        cursor: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormField {
    pub label: Tx,
    pub kind: FieldKind,
}

impl FormField {
    pub fn text(label: Tx, value: &str) -> Self {
        FormField {
            label,
            kind: FieldKind::Text(TextField::new(value)),
        }
    }

    pub fn choice(label: Tx, options: Vec<String>, selected: usize) -> Self {
        FormField {
            label,
            kind: FieldKind::Choice { options, selected },
        }
    }

    pub fn checklist(label: Tx, items: Vec<(String, bool)>) -> Self {
        FormField {
            label,
            kind: FieldKind::Checklist { items, cursor: 0 },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub purpose: Purpose,
    pub title: Tx,
    pub fields: Vec<FormField>,
    pub focus: usize,
    /// The reason the last submit was refused.
    pub error: Option<(String, String)>,
    /// Extra identifiers the form carries (e.g. the attendee ids behind a
    /// checklist, in order).
    pub ids: Vec<u32>,
}

impl Form {
    pub fn new(purpose: Purpose, title: Tx, fields: Vec<FormField>) -> Self {
        Form {
            purpose,
            title,
            fields,
            focus: 0,
            error: None,
            ids: Vec::new(),
        }
    }

    pub fn text(&self, i: usize) -> &str {
        match &self.fields[i].kind {
            FieldKind::Text(t) => t.text().trim(),
            _ => "",
        }
    }

    pub fn choice(&self, i: usize) -> usize {
        match &self.fields[i].kind {
            FieldKind::Choice { selected, .. } => *selected,
            _ => 0,
        }
    }

    pub fn ticked(&self, i: usize) -> Vec<usize> {
        match &self.fields[i].kind {
            FieldKind::Checklist { items, .. } => items
                .iter()
                .enumerate()
                .filter(|(_, (_, on))| *on)
                .map(|(k, _)| k)
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn focused_text(&self) -> Option<&TextField> {
        match &self.fields.get(self.focus)?.kind {
            FieldKind::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn refuse(&mut self, zh: impl Into<String>, en: impl Into<String>) {
        self.error = Some((zh.into(), en.into()));
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    pub fn prev_field(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    /// Up/Down: inside a checklist they move its cursor, elsewhere the focus.
    pub fn up(&mut self) {
        if let FieldKind::Checklist { cursor, .. } = &mut self.fields[self.focus].kind
            && *cursor > 0
        {
            *cursor -= 1;
            return;
        }
        self.prev_field();
    }

    pub fn down(&mut self) {
        if let FieldKind::Checklist { cursor, items } = &mut self.fields[self.focus].kind
            && *cursor + 1 < items.len()
        {
            *cursor += 1;
            return;
        }
        self.next_field();
    }

    pub fn option(&mut self, forward: bool) {
        if let FieldKind::Choice { options, selected } = &mut self.fields[self.focus].kind {
            let n = options.len().max(1);
            *selected = if forward {
                (*selected + 1) % n
            } else {
                (*selected + n - 1) % n
            };
        }
    }

    pub fn toggle(&mut self) {
        match &mut self.fields[self.focus].kind {
            FieldKind::Checklist { items, cursor } => {
                if let Some(item) = items.get_mut(*cursor) {
                    item.1 = !item.1;
                }
            }
            FieldKind::Choice { .. } => self.option(true),
            FieldKind::Text(_) => {}
        }
    }
}

/// Feed a key to a text field. Returns whether the field used it.
pub fn edit_text(field: &mut TextField, ev: &KeyEvent) -> bool {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    match ev.code {
        KeyCode::Char('u') if ctrl => field.clear_to_start(),
        KeyCode::Char('a') if ctrl => field.home(),
        KeyCode::Char('e') if ctrl => field.end(),
        KeyCode::Char(c) if !ctrl => field.insert(c.encode_utf8(&mut [0; 4])),
        KeyCode::Backspace => field.backspace(),
        KeyCode::Delete => field.delete(),
        KeyCode::Left => field.left(),
        KeyCode::Right => field.right(),
        KeyCode::Home => field.home(),
        KeyCode::End => field.end(),
        _ => return false,
    }
    true
}

/// Choose one attendee from a filtered list (type to filter).
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub title: Tx,
    pub items: Vec<(AttendeeId, String)>,
    pub filter: TextField,
    pub selected: usize,
}

impl Picker {
    /// The items whose label contains the filter (ASCII case folded).
    pub fn visible(&self) -> Vec<&(AttendeeId, String)> {
        let q = crate::search::Query::new(self.filter.text().trim());
        self.items.iter().filter(|(_, l)| q.matches(l)).collect()
    }

    pub fn chosen(&self) -> Option<AttendeeId> {
        self.visible().get(self.selected).map(|(id, _)| *id)
    }
}

/// What a yes/no question leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Quit,
    CloseVote(VoteId),
    EndMeeting,
    Repost(usize),
}

impl Confirm {
    pub fn question(self, lang: Lang) -> String {
        match self {
            Confirm::Quit => lang
                .choose("退出 yishi？所有内容已随时保存。", "Quit yishi? Everything is already saved.")
                .into(),
            Confirm::CloseVote(_) => lang
                .choose(
                    "结束表决？结束后票数锁定，之后只能以更正记录修改。",
                    "Close the vote? The ballots are then locked; later changes are recorded as corrections.",
                )
                .into(),
            Confirm::EndMeeting => lang
                .choose("结束会议？将记录结束时间。", "End the meeting? The end time is recorded.")
                .into(),
            Confirm::Repost(_) => lang
                .choose("重新公示？将从明天起重新计算完整的公示期。", "Post the notice again? A full new period runs from tomorrow.")
                .into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    Help { scroll: u16 },
    Confirm(Confirm),
    Form(Form),
    Picker(Picker),
}
