//! What is being entered but not yet part of the minutes, kept on disk at
//! every keystroke.
//!
//! The minutes are saved at every change, but a form (a decision's text and
//! amount, an objection, a walk-in's name) only changes the minutes when it
//! is submitted, and a correction of a closed vote only when it is saved
//! with its reason. So that `kill -9` or a power cut loses nothing typed,
//! the open form's values and the corrected ballots are written atomically
//! beside the minutes as `.NAME.ron.draft` (hidden, so no listing or archive
//! picks it up) and removed once neither is open. Opening the meeting again
//! brings both back.
//!
//! A draft stores what the form is for and the values of its fields, not
//! the form itself: the form is rebuilt from the minutes (labels, options,
//! voters) and the values are put back only if the fields still have the
//! same shape.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::form::{FieldKind, Form, Purpose};
use crate::diagnostic::Diagnostic;
use crate::domain::VoteId;
use crate::domain::vote::Ballots;
use crate::minutes_file::write_atomic;

/// The value of one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Text(String),
    Choice(usize),
    Checklist(Vec<bool>),
}

/// Everything entered and not yet in the minutes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub form: Option<FormDraft>,
    /// Ballots of a closed vote being corrected.
    #[serde(default)]
    pub correction: Option<(VoteId, Ballots)>,
}

impl Draft {
    pub fn is_empty(&self) -> bool {
        self.form.is_none() && self.correction.is_none()
    }
}

/// An open form: what it is for and its fields' values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormDraft {
    pub purpose: Purpose,
    pub focus: usize,
    pub values: Vec<Value>,
}

impl FormDraft {
    /// The draft of a meeting form; `None` for forms that enter nothing
    /// worth keeping (export choices, archive filters, a new meeting's
    /// form, which has no file yet).
    pub fn of(form: &Form) -> Option<FormDraft> {
        match form.purpose {
            Purpose::WalkIn
            | Purpose::Absent(_)
            | Purpose::AddTopic
            | Purpose::NewVote
            | Purpose::Decision(_)
            | Purpose::Notice(_)
            | Purpose::Objection(_)
            | Purpose::CorrectionReason(_) => {}
            Purpose::NewMeeting
            | Purpose::Export
            | Purpose::ArchiveFilter
            | Purpose::ArchiveExport(_) => return None,
        }
        let values = form
            .fields
            .iter()
            .map(|f| match &f.kind {
                FieldKind::Text(t) => Value::Text(t.text().to_string()),
                FieldKind::Choice { selected, .. } => Value::Choice(*selected),
                FieldKind::Checklist { items, .. } => {
                    Value::Checklist(items.iter().map(|(_, on)| *on).collect())
                }
            })
            .collect();
        Some(FormDraft {
            purpose: form.purpose.clone(),
            focus: form.focus,
            values,
        })
    }

    /// Put the values back into `form` (rebuilt for the same purpose).
    /// False, and `form` untouched, when the fields do not match.
    pub fn apply(&self, form: &mut Form) -> bool {
        if form.purpose != self.purpose || form.fields.len() != self.values.len() {
            return false;
        }
        let fits = form
            .fields
            .iter()
            .zip(&self.values)
            .all(|(f, v)| match (&f.kind, v) {
                (FieldKind::Text(_), Value::Text(_)) => true,
                (FieldKind::Choice { options, .. }, Value::Choice(i)) => *i < options.len(),
                (FieldKind::Checklist { items, .. }, Value::Checklist(on)) => {
                    items.len() == on.len()
                }
                _ => false,
            });
        if !fits {
            return false;
        }
        for (f, v) in form.fields.iter_mut().zip(&self.values) {
            match (&mut f.kind, v) {
                (FieldKind::Text(t), Value::Text(s)) => *t = super::field::TextField::new(s),
                (FieldKind::Choice { selected, .. }, Value::Choice(i)) => *selected = *i,
                (FieldKind::Checklist { items, .. }, Value::Checklist(on)) => {
                    for (item, on) in items.iter_mut().zip(on) {
                        item.1 = *on;
                    }
                }
                _ => {}
            }
        }
        form.focus = self.focus.min(form.fields.len().saturating_sub(1));
        true
    }
}

/// Where the draft of the meeting at `minutes_path` lives.
pub fn draft_path(minutes_path: &Path) -> PathBuf {
    crate::minutes_file::paths::hidden_sibling(minutes_path, "draft")
}

/// Write the draft atomically.
pub fn save(minutes_path: &Path, draft: &Draft) -> Result<(), Diagnostic> {
    let text =
        ron::ser::to_string_pretty(draft, ron::ser::PrettyConfig::default()).unwrap_or_default();
    write_atomic(&draft_path(minutes_path), text.as_bytes())
}

/// The draft left by an earlier run, if any. A draft that cannot be read is
/// kept on disk (renamed `….draft.broken`, never deleted) and reported.
pub fn load(minutes_path: &Path) -> Result<Option<Draft>, Diagnostic> {
    let path = draft_path(minutes_path);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Diagnostic::io(&path, crate::diagnostic::IoDoing::Read, &e));
        }
    };
    match ron::from_str::<Draft>(&text) {
        Ok(d) => Ok(Some(d)),
        Err(e) => {
            let kept = path.with_extension("draft.broken");
            let _ = std::fs::rename(&path, &kept);
            let (zh, en) = crate::diagnostic::ron_error_text(&e.code);
            Err(Diagnostic::new(
                &kept,
                Some(crate::minutes_file::locate::LineCol {
                    line: e.span.start.line,
                    col: e.span.start.col,
                }),
                format!("未提交表单的草稿无法读取（已保留此文件）：{zh}"),
                format!(
                    "the draft of an unsubmitted form could not be read (the file is kept): {en}"
                ),
            ))
        }
    }
}

/// Remove the draft (the form was submitted or cancelled).
pub fn remove(minutes_path: &Path) {
    let _ = std::fs::remove_file(draft_path(minutes_path));
}
