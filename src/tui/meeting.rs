//! A meeting on screen: the session, the current screen, each screen's own
//! state, and what each action does. Every change goes through a domain
//! operation inside [`Session::change`], so it is saved at once.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::field::TextField;
use super::form::{Confirm, FieldKind, Form, FormField, Picker, Popup, Purpose, edit_text};
use super::keymap::{Action, ScreenId};
use super::session::Session;
use crate::domain::agenda::TopicState;
use crate::domain::decision::{Decision, DecisionNature, Money, Period, SplitMethod};
use crate::domain::notice::{Notice, NoticePeriod, PeriodKind, RestDays};
use crate::domain::roster::Role;
use crate::domain::vote::{Ballots, Choice, Measure, RuleBook, Vote, VoteMethod};
use crate::domain::{Minutes, Timestamp};
use crate::i18n::{Label, Lang, tx};

/// A status-line message in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub zh: String,
    pub en: String,
    pub error: bool,
}

impl Message {
    pub fn info(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            zh: zh.into(),
            en: en.into(),
            error: false,
        }
    }

    pub fn error(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            zh: zh.into(),
            en: en.into(),
            error: true,
        }
    }

    pub fn text(&self, lang: Lang) -> &str {
        lang.choose(&self.zh, &self.en)
    }
}

/// What the screens share besides the meeting: the clock, the language,
/// the vote rules, the popup, the status message, the data folder. The app
/// owns it beside its mode, so a screen borrows both at once.
pub struct Shared {
    pub now: Timestamp,
    pub lang: Lang,
    pub rules: RuleBook,
    /// Public holidays and make-up working days (`rest-days.ron`), copied
    /// into each notice posted.
    pub rest_days: RestDays,
    pub popup: Option<Popup>,
    pub message: Option<Message>,
    pub data_dir: std::path::PathBuf,
}

#[derive(Debug, Default)]
pub struct ListState {
    pub selected: usize,
}

impl ListState {
    /// Move by a list action within `len` rows (`page` rows a page).
    pub fn apply(&mut self, action: Action, len: usize, page: usize) -> bool {
        if len == 0 {
            self.selected = 0;
            return action.is_list_move();
        }
        let last = len - 1;
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_sub(page.max(1)),
            Action::PageDown => (self.selected + page.max(1)).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return false,
        };
        true
    }

    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }
}

#[derive(Debug, Default)]
pub struct DiscussionState {
    pub queue: ListState,
    /// The speech whose summary is being typed, and the text field.
    pub editing: Option<(usize, TextField)>,
    /// The speech for which the bell already rang.
    pub bell_rung: Option<usize>,
}

#[derive(Debug, Default)]
pub struct VoteState {
    /// Index in `votes` of the vote shown.
    pub current: Option<usize>,
    pub rows: ListState,
    /// Ballots being corrected, for a closed vote.
    pub correction: Option<Ballots>,
}

#[derive(Debug)]
pub struct MeetingView {
    pub session: Session,
    pub screen: ScreenId,
    pub roster: ListState,
    pub agenda: ListState,
    pub discussion: DiscussionState,
    pub vote: VoteState,
    pub notice: ListState,
    pub minutes_scroll: u16,
    /// The minutes screen's text, rebuilt only when its key changes.
    pub minutes_cache: std::cell::RefCell<Option<MinutesCache>>,
    /// What is entered and not yet in the minutes, as last written to disk
    /// ([`super::draft`]).
    pub draft: super::draft::Draft,
}

/// The minutes laid out for the screen, and what they were laid out for:
/// the minutes' generation, the width, the language and the minute of the
/// clock (the notice countdown in the text moves with it).
#[derive(Debug)]
pub struct MinutesCache {
    pub key: (u64, u16, Lang, i64),
    pub lines: std::rc::Rc<Vec<String>>,
    pub headings: std::rc::Rc<Vec<String>>,
}

/// The order of the roster on screen: grouped by role, in roster order
/// within a group. Holds indices into `roster`.
pub fn roster_order(m: &Minutes) -> Vec<usize> {
    let mut out = Vec::with_capacity(m.roster.len());
    for role in Role::ALL {
        out.extend(
            m.roster
                .iter()
                .enumerate()
                .filter(|(_, a)| a.role == role)
                .map(|(i, _)| i),
        );
    }
    out
}

/// The rows of a counted vote: each choice × each measure the rule uses.
pub fn count_rows(vote: &Vote) -> Vec<(Choice, Measure)> {
    let measures = crate::export::minutes_doc::vote_measures(vote);
    [Choice::Yes, Choice::No, Choice::Abstain]
        .into_iter()
        .flat_map(|c| measures.iter().map(move |m| (c, *m)))
        .collect()
}

fn count_value(ballots: &Ballots, choice: Choice, measure: Measure) -> f64 {
    let Ballots::Counts { yes, no, abstain } = ballots else {
        return 0.0;
    };
    let w = match choice {
        Choice::Yes => yes,
        Choice::No => no,
        _ => abstain,
    };
    match measure {
        Measure::Heads => f64::from(w.heads),
        Measure::Households => f64::from(w.households),
        Measure::Area => w.area,
    }
}

impl MeetingView {
    pub fn new(session: Session) -> Self {
        let current = session.minutes.votes.len().checked_sub(1);
        MeetingView {
            session,
            screen: ScreenId::Roster,
            roster: ListState::default(),
            agenda: ListState::default(),
            discussion: DiscussionState::default(),
            vote: VoteState {
                current,
                ..VoteState::default()
            },
            notice: ListState::default(),
            minutes_scroll: 0,
            minutes_cache: std::cell::RefCell::new(None),
            draft: super::draft::Draft::default(),
        }
    }

    /// Show the screen a form belongs to, with what it is about selected
    /// (when a draft reopens it).
    pub fn go_to_form(&mut self, purpose: &Purpose) {
        self.screen = match purpose {
            Purpose::WalkIn | Purpose::Absent(_) => ScreenId::Roster,
            Purpose::AddTopic => ScreenId::Agenda,
            Purpose::NewVote | Purpose::Decision(_) | Purpose::CorrectionReason(_) => {
                ScreenId::Vote
            }
            Purpose::Notice(_) | Purpose::Objection(_) => ScreenId::Notice,
            Purpose::NewMeeting
            | Purpose::Export
            | Purpose::ArchiveFilter
            | Purpose::ArchiveExport(_) => return,
        };
        match purpose {
            Purpose::Decision(id) | Purpose::CorrectionReason(id) => {
                if let Some(i) = self.minutes().votes.iter().position(|v| v.id == *id) {
                    self.vote.current = Some(i);
                }
            }
            Purpose::Objection(i) => self.notice.selected = *i,
            _ => {}
        }
    }

    pub fn minutes(&self) -> &Minutes {
        &self.session.minutes
    }

    /// The vote on screen.
    pub fn shown_vote(&self) -> Option<&Vote> {
        self.vote.current.and_then(|i| self.minutes().votes.get(i))
    }

    /// Whether a key should go to a field on this screen rather than the
    /// keymap: typing a summary, or digits into a vote count.
    pub fn wants_text(&self, ev: &KeyEvent) -> bool {
        if self.discussion.editing.is_some() && self.screen == ScreenId::Discussion {
            return true;
        }
        if self.screen == ScreenId::Vote
            && matches!(
                ev.code,
                KeyCode::Char('0'..='9') | KeyCode::Char('.') | KeyCode::Backspace
            )
            && matches!(self.editable_ballots(), Some(Ballots::Counts { .. }))
        {
            return true;
        }

        false
    }

    /// The ballots that keys change now: an open vote's, or a correction draft.
    fn editable_ballots(&self) -> Option<&Ballots> {
        let vote = self.shown_vote()?;
        match &self.vote.correction {
            Some(draft) => Some(draft),
            None if !vote.is_closed() => Some(&vote.ballots),
            None => None,
        }
    }

    /// A key for a screen field (see [`MeetingView::wants_text`]).
    pub fn text_key(&mut self, ev: &KeyEvent, cx: &mut Shared) {
        if let Some((idx, field)) = &mut self.discussion.editing {
            match ev.code {
                KeyCode::Esc | KeyCode::Enter => {
                    self.discussion.editing = None;
                    cx.message = Some(Message::info("摘要已保存", "summary saved"));
                }
                _ => {
                    if edit_text(field, ev) {
                        let (idx, text) = (*idx, field.text().to_string());
                        self.session.change(|m| {
                            if let Some(s) = m.speeches.get_mut(idx) {
                                s.summary = text;
                            }
                        });
                    }
                }
            }
            return;
        }
        // Digits into the selected count.
        let Some(vote) = self.shown_vote() else {
            return;
        };
        let rows = count_rows(vote);
        let Some(&(choice, measure)) = rows.get(self.vote.rows.selected) else {
            return;
        };
        let Some(ballots) = self.editable_ballots() else {
            return;
        };
        let current = count_value(ballots, choice, measure);
        let mut text = if measure == Measure::Area {
            crate::domain::vote::verdict::area_text(crate::domain::vote::verdict::area_to_centi(
                current,
            ))
            .replace(',', "")
        } else {
            format!("{current:.0}")
        };
        if text == "0" {
            text.clear();
        }
        match ev.code {
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char(c) if c.is_ascii_digit() || (c == '.' && measure == Measure::Area) => {
                text.push(c)
            }
            _ => return,
        }
        let value = text.parse::<f64>().unwrap_or(0.0);
        self.set_count(choice, measure, value, cx);
    }

    fn set_count(&mut self, choice: Choice, measure: Measure, value: f64, cx: &mut Shared) {
        let Some(i) = self.vote.current else { return };
        if let Some(draft) = &mut self.vote.correction {
            let _ = crate::domain::run::set_count(draft, choice, measure, value);
            return;
        }
        let id = self.session.minutes.votes[i].id;
        if let Err(e) = self
            .session
            .change(|m| m.set_count(id, choice, measure, value))
        {
            cx.message = Some(Message::error(e.zh, e.en));
        }
    }

    /// Paste into whatever text is being typed on the screen.
    pub fn paste(&mut self, text: &str) {
        if let Some((idx, field)) = &mut self.discussion.editing {
            field.insert(text);
            let (idx, text) = (*idx, field.text().to_string());
            self.session.change(|m| {
                if let Some(s) = m.speeches.get_mut(idx) {
                    s.summary = text;
                }
            });
        }
    }

    /// Ring the bell once when the speaker reaches the limit. Returns true
    /// when it should ring now.
    pub fn tick(&mut self, now: Timestamp) -> bool {
        let m = &self.session.minutes;
        let Some(idx) = m.live.floor else {
            return false;
        };
        let Some(speech) = m.speeches.get(idx) else {
            return false;
        };
        let elapsed = (now - speech.start).num_seconds();
        if elapsed >= i64::from(m.live.speech_limit_secs) && self.discussion.bell_rung != Some(idx)
        {
            self.discussion.bell_rung = Some(idx);
            return true;
        }
        false
    }

    /// Do what an action means on the current screen. Returns false when
    /// the action is not for this screen.
    pub fn on(&mut self, action: Action, cx: &mut Shared) -> bool {
        match self.screen {
            ScreenId::Roster => self.on_roster(action, cx),
            ScreenId::Agenda => self.on_agenda(action, cx),
            ScreenId::Discussion => self.on_discussion(action, cx),
            ScreenId::Vote => self.on_vote(action, cx),
            ScreenId::Notice => self.on_notice(action, cx),
            ScreenId::Minutes => self.on_minutes(action, cx),
        }
    }

    fn on_roster(&mut self, action: Action, cx: &mut Shared) -> bool {
        let order = roster_order(self.minutes());
        if self.roster.apply(action, order.len(), 10) {
            return true;
        }
        let selected = order
            .get(self.roster.selected)
            .map(|&i| self.minutes().roster[i].clone());
        match action {
            Action::ToggleCheckIn => {
                let Some(a) = selected else { return true };
                let now = cx.now;
                let present = self.session.change(|m| m.toggle_check_in(a.id, now));
                cx.message = Some(if present {
                    Message::info(
                        format!("{} 已签到 {}", a.name, crate::i18n::time(now)),
                        format!("{} checked in at {}", a.name, crate::i18n::time(now)),
                    )
                } else {
                    Message::info(
                        format!("已撤销 {} 的签到", a.name),
                        format!("check-in of {} undone", a.name),
                    )
                });
            }
            Action::AddWalkIn => self.open_form(Purpose::WalkIn, cx),
            Action::MarkAbsent => {
                let Some(a) = selected else { return true };
                self.open_form(Purpose::Absent(a.id), cx);
            }
            Action::MarkLeftEarly => {
                let Some(a) = selected else { return true };
                if !a.is_present() {
                    cx.message = Some(Message::error(
                        format!("{} 未签到", a.name),
                        format!("{} is not checked in", a.name),
                    ));
                    return true;
                }
                let now = cx.now;
                self.session.change(|m| m.mark_left_early(a.id, now));
                cx.message = Some(Message::info(
                    format!("{} 中途离会 {}", a.name, crate::i18n::time(now)),
                    format!("{} left at {}", a.name, crate::i18n::time(now)),
                ));
            }
            _ => return false,
        }
        true
    }

    fn on_agenda(&mut self, action: Action, cx: &mut Shared) -> bool {
        let len = self.minutes().agenda.len();
        if self.agenda.apply(action, len, 10) {
            return true;
        }
        let topic = self
            .minutes()
            .agenda
            .get(self.agenda.selected)
            .map(|t| (t.id, t.title.clone()));
        let now = cx.now;
        match (action, topic) {
            (Action::AddTopic, _) => self.open_form(Purpose::AddTopic, cx),
            (Action::StartTopic, Some((id, title))) => {
                self.session.change(|m| m.start_topic(id, now));
                cx.message = Some(Message::info(
                    format!("开始讨论：{title}"),
                    format!("Now discussing: {title}"),
                ));
            }
            (Action::DecideTopic, Some((id, _))) => {
                self.session
                    .change(|m| m.set_topic_state(id, TopicState::Decided));
            }
            (Action::CarryOver, Some((id, title))) => {
                self.session
                    .change(|m| m.set_topic_state(id, TopicState::CarriedOver));
                cx.message = Some(Message::info(
                    format!("「{title}」转下次会议；新建下次会议时将自动带入"),
                    format!("\"{title}\" is carried over; it will be on the next meeting's agenda"),
                ));
            }
            (Action::TimeBoxMore, Some((id, _))) => {
                self.session.change(|m| m.adjust_time_box(id, 5))
            }
            (Action::TimeBoxLess, Some((id, _))) => {
                self.session.change(|m| m.adjust_time_box(id, -5))
            }
            (
                Action::StartTopic
                | Action::DecideTopic
                | Action::CarryOver
                | Action::TimeBoxMore
                | Action::TimeBoxLess,
                None,
            ) => {
                cx.message = Some(Message::error(
                    "议程为空：按 a 新增议题",
                    "the agenda is empty: press a to add a topic",
                ));
            }
            _ => return false,
        }
        true
    }

    fn on_discussion(&mut self, action: Action, cx: &mut Shared) -> bool {
        let len = self.minutes().live.queue.len();
        if self.discussion.queue.apply(action, len, 5) {
            return true;
        }
        let now = cx.now;
        let pos = self.discussion.queue.selected;
        match action {
            Action::QueueAdd => {
                let m = self.minutes();
                let items: Vec<_> = roster_order(m)
                    .into_iter()
                    .map(|i| &m.roster[i])
                    .filter(|a| a.is_present() && !m.live.queue.contains(&a.id))
                    .map(|a| {
                        let aff = if a.affiliation.is_empty() {
                            String::new()
                        } else {
                            format!("  {}", a.affiliation)
                        };
                        (a.id, format!("{}  {}{aff}", a.name, a.role.label(cx.lang)))
                    })
                    .collect();
                if items.is_empty() {
                    cx.message = Some(Message::error(
                        "没有可加入队列的人：请先在签到屏签到",
                        "nobody to queue: check people in on the roster first",
                    ));
                } else {
                    cx.popup = Some(Popup::Picker(Picker {
                        title: tx(
                            "加入发言队列（输入可筛选）",
                            "Queue a speaker (type to filter)",
                        ),
                        items,
                        filter: TextField::default(),
                        selected: 0,
                    }));
                }
            }
            Action::QueueRemove => self.session.change(|m| m.queue_remove(pos)),
            Action::QueueUp | Action::QueueDown => {
                let up = action == Action::QueueUp;
                self.discussion.queue.selected = self.session.change(|m| m.queue_move(pos, up));
            }
            Action::GiveFloor => match self.session.change(|m| m.give_floor(pos, now)) {
                Ok(id) => {
                    let name = self.minutes().attendee_name(id);
                    self.discussion.queue.clamp(self.minutes().live.queue.len());
                    cx.message = Some(Message::info(
                        format!("请 {name} 发言"),
                        format!("{name} has the floor"),
                    ));
                }
                Err(e) => cx.message = Some(Message::error(e.zh, e.en)),
            },
            Action::EndSpeech => {
                if self.minutes().live.floor.is_none() {
                    cx.message = Some(Message::error("现在没有人在发言", "nobody has the floor"));
                } else {
                    self.session.change(|m| m.end_speech(now));
                    self.discussion.editing = None;
                }
            }
            Action::CycleStance => {
                let target = self.summary_target();
                match target {
                    Some(i) => self
                        .session
                        .change(|m| m.speeches[i].stance = m.speeches[i].stance.next()),
                    None => cx.message = Some(Message::error("还没有发言", "no speech yet")),
                }
            }
            Action::EditSummary => match self.summary_target() {
                Some(i) => {
                    let text = self.minutes().speeches[i].summary.clone();
                    self.discussion.editing = Some((i, TextField::new(&text)));
                }
                None => {
                    cx.message = Some(Message::error(
                        "还没有发言可记录",
                        "no speech to summarise yet",
                    ))
                }
            },
            Action::LimitMore | Action::LimitLess => {
                let limit = self.minutes().live.speech_limit_secs;
                let new = if action == Action::LimitMore {
                    limit + 30
                } else {
                    limit.saturating_sub(30)
                };
                self.session.change(|m| m.set_speech_limit(new));
            }
            _ => return false,
        }
        true
    }

    /// The speech a summary or stance key applies to: the one in progress,
    /// else the last one.
    pub fn summary_target(&self) -> Option<usize> {
        let m = self.minutes();
        m.live.floor.or_else(|| m.speeches.len().checked_sub(1))
    }

    fn on_vote(&mut self, action: Action, cx: &mut Shared) -> bool {
        let nvotes = self.minutes().votes.len();
        match action {
            Action::PrevVote | Action::NextVote => {
                if nvotes > 0 {
                    let cur = self.vote.current.unwrap_or(0);
                    self.vote.current = Some(if action == Action::PrevVote {
                        cur.saturating_sub(1)
                    } else {
                        (cur + 1).min(nvotes - 1)
                    });
                    self.vote.rows = ListState::default();
                    self.vote.correction = None;
                }
                return true;
            }
            Action::NewVote => {
                if let Some(open) = self.minutes().votes.iter().find(|v| !v.is_closed()) {
                    cx.message = Some(Message::error(
                        format!("请先结束正在进行的表决：{}", open.question),
                        format!("close the open vote first: {}", open.question),
                    ));
                    return true;
                }
                self.open_form(Purpose::NewVote, cx);
                return true;
            }
            _ => {}
        }
        let Some(vote) = self.shown_vote().cloned() else {
            if action.is_list_move() {
                return true;
            }

            cx.message = Some(Message::error(
                "还没有表决：按 v 发起",
                "no vote yet: press v to start one",
            ));
            return true;
        };
        let named = matches!(vote.ballots, Ballots::Named(_));
        let nrows = if named {
            vote.electorate.voters.len()
        } else {
            count_rows(&vote).len()
        };
        if self.vote.rows.apply(action, nrows, 5) {
            return true;
        }
        let editable = vote.is_closed() == self.vote.correction.is_some();
        match action {
            Action::BallotYes | Action::BallotNo | Action::BallotAbstain | Action::BallotClear => {
                let choice = match action {
                    Action::BallotYes => Choice::Yes,
                    Action::BallotNo => Choice::No,
                    Action::BallotAbstain => Choice::Abstain,
                    _ => Choice::NotVoting,
                };
                if !editable {
                    cx.message = Some(Message::error(
                        "表决已结束并锁定；按 r 更正",
                        "the vote is closed and locked; press r to correct it",
                    ));
                    return true;
                }
                if named {
                    let Some(voter) = vote.electorate.voters.get(self.vote.rows.selected) else {
                        return true;
                    };
                    if !voter.present && choice != Choice::NotVoting {
                        let name = self.minutes().attendee_name(voter.attendee);
                        cx.message = Some(Message::error(
                            format!("{name} 在表决开始时未签到，不能投票"),
                            format!("{name} was not present when the vote opened and cannot vote"),
                        ));
                        return true;
                    }
                    let who = voter.attendee;
                    let result = match &mut self.vote.correction {
                        Some(draft) => crate::domain::run::set_ballot(draft, who, choice),
                        None => self.session.change(|m| m.cast(vote.id, who, choice)),
                    };
                    match result {
                        Ok(()) => self.vote.rows.apply(Action::Down, nrows, 1),
                        Err(e) => {
                            cx.message = Some(Message::error(e.zh, e.en));
                            true
                        }
                    };
                } else {
                    // In a count, y/n/a jump to that choice's first row.
                    let rows = count_rows(&vote);
                    if let Some(i) = rows.iter().position(|(c, _)| *c == choice) {
                        self.vote.rows.selected = i;
                    }
                }
            }
            Action::CountMore | Action::CountLess => {
                if named || !editable {
                    return true;
                }
                let rows = count_rows(&vote);
                let Some(&(choice, measure)) = rows.get(self.vote.rows.selected) else {
                    return true;
                };
                let ballots = self.vote.correction.as_ref().unwrap_or(&vote.ballots);
                let v = count_value(ballots, choice, measure);
                let v = if action == Action::CountMore {
                    v + 1.0
                } else {
                    (v - 1.0).max(0.0)
                };
                self.set_count(choice, measure, v, cx);
            }
            Action::CloseVote => {
                if self.vote.correction.is_some() {
                    self.open_form(Purpose::CorrectionReason(vote.id), cx);
                } else if vote.is_closed() {
                    cx.message = Some(Message::error(
                        "这次表决已经结束",
                        "this vote is already closed",
                    ));
                } else {
                    cx.popup = Some(Popup::Confirm(Confirm::CloseVote(vote.id)));
                }
            }
            Action::CorrectVote => {
                if !vote.is_closed() {
                    cx.message = Some(Message::error(
                        "表决尚未结束，可直接修改",
                        "the vote is still open: change the ballots directly",
                    ));
                } else if self.vote.correction.take().is_some() {
                    cx.message = Some(Message::info("已放弃更正", "correction abandoned"));
                } else {
                    self.vote.correction = Some(vote.current_ballots().clone());
                    cx.message = Some(Message::info(
                        "更正中：修改票数后按 c 填写理由并保存；再按 r 放弃",
                        "correcting: change the ballots, then c to give a reason and save; r again to abandon",
                    ));
                }
            }
            Action::RecordDecision => {
                if !vote.is_closed() {
                    cx.message = Some(Message::error("请先结束表决", "close the vote first"));
                } else if self
                    .minutes()
                    .decisions
                    .iter()
                    .any(|d| d.vote == Some(vote.id))
                {
                    cx.message = Some(Message::error(
                        "这次表决已形成决定",
                        "a decision was already recorded for this vote",
                    ));
                } else {
                    self.open_form(Purpose::Decision(vote.id), cx);
                }
            }
            _ => return false,
        }
        true
    }

    fn open_form(&self, purpose: Purpose, cx: &mut Shared) {
        if let Some(form) = self.form_for(&purpose, cx) {
            cx.popup = Some(Popup::Form(form));
        }
    }

    /// The form for `purpose` as it opens, from the minutes as they stand:
    /// for the keys that open forms, and to reopen a draft left by a crash.
    /// `None` when what it is about is gone, or it is not a meeting form
    /// that can be rebuilt.
    pub fn form_for(&self, purpose: &Purpose, cx: &Shared) -> Option<Form> {
        let m = self.minutes();
        Some(match purpose {
            Purpose::WalkIn => {
                let roles: Vec<String> = Role::ALL
                    .iter()
                    .map(|r| r.label(cx.lang).to_string())
                    .collect();
                let resident = Role::ALL
                    .iter()
                    .position(|r| *r == Role::Resident)
                    .unwrap_or(0);
                Form::new(
                    Purpose::WalkIn,
                    tx("新增参会人员", "Add a person"),
                    vec![
                        FormField::text(tx("姓名", "Name"), ""),
                        FormField::choice(tx("身份", "Role"), roles, resident),
                        FormField::text(tx("单位 / 代表", "Represents"), ""),
                        FormField::text(tx("代表户数", "Households"), "0"),
                    ],
                )
            }
            Purpose::Absent(id) => {
                m.attendee(*id)?;
                Form::new(
                    Purpose::Absent(*id),
                    tx("登记缺席", "Mark absent"),
                    vec![FormField::text(tx("缺席原因", "Reason"), "")],
                )
            }
            Purpose::AddTopic => Form::new(
                Purpose::AddTopic,
                tx("新增议题", "Add a topic"),
                vec![
                    FormField::text(tx("议题", "Topic"), ""),
                    FormField::text(tx("背景", "Background"), ""),
                    FormField::text(tx("计划时长（分钟）", "Time box (minutes)"), "20"),
                ],
            ),
            Purpose::NewVote => self.new_vote_form(cx),
            Purpose::Decision(id) => {
                let vote = m.votes.iter().find(|v| v.id == *id)?;
                decision_form(vote, m, cx.lang)
            }
            Purpose::Notice(pending) => notice_form(m, pending),
            Purpose::Objection(i) => {
                m.notices.get(*i)?;
                Form::new(
                    Purpose::Objection(*i),
                    tx("登记异议", "Log an objection"),
                    vec![
                        FormField::text(tx("提出人", "From"), ""),
                        FormField::text(tx("异议内容", "Objection"), ""),
                    ],
                )
            }
            Purpose::CorrectionReason(id) => {
                m.votes.iter().find(|v| v.id == *id && v.is_closed())?;
                Form::new(
                    Purpose::CorrectionReason(*id),
                    tx("更正理由", "Reason for the correction"),
                    vec![FormField::text(tx("理由", "Reason"), "")],
                )
            }
            Purpose::NewMeeting
            | Purpose::Export
            | Purpose::ArchiveFilter
            | Purpose::ArchiveExport(_) => return None,
        })
    }

    fn new_vote_form(&self, cx: &Shared) -> Form {
        let m = self.minutes();
        let question = m
            .current_topic()
            .map(|t| format!("{}？", t.title.trim_end_matches(['？', '?'])))
            .unwrap_or_default();
        let rule_names: Vec<String> = cx
            .rules
            .rules
            .iter()
            .map(|r| r.name.get(cx.lang).to_string())
            .collect();
        let default_rule = cx
            .rules
            .rules
            .iter()
            .position(|r| r.id == "simple-majority")
            .unwrap_or(0);
        let methods = [VoteMethod::Named, VoteMethod::HandCount, VoteMethod::Secret];
        let order = roster_order(m);
        let voters: Vec<(String, bool)> = order
            .iter()
            .map(|&i| {
                let a = &m.roster[i];
                let present = if a.is_present() {
                    ""
                } else {
                    cx.lang.choose("（未到）", " (not here)")
                };
                let hh = if a.households > 0 {
                    format!("  {}{}", a.households, cx.lang.choose("户", " hh"))
                } else {
                    String::new()
                };
                (
                    format!("{}  {}{hh}{present}", a.name, a.role.label(cx.lang)),
                    a.is_present() && a.role.votes_by_default(),
                )
            })
            .collect();
        let mut form = Form::new(
            Purpose::NewVote,
            tx("发起表决", "New vote"),
            vec![
                FormField::text(tx("表决事项", "Question"), &question),
                FormField::choice(tx("表决规则", "Rule"), rule_names, default_rule),
                FormField::choice(
                    tx("表决方式", "Method"),
                    methods
                        .iter()
                        .map(|x| x.label(cx.lang).to_string())
                        .collect(),
                    0,
                ),
                FormField::checklist(tx("表决人（空格选中）", "Voters (Space ticks)"), voters),
            ],
        );
        form.ids = order.iter().map(|&i| m.roster[i].id).collect();
        form
    }

    fn on_notice(&mut self, action: Action, cx: &mut Shared) -> bool {
        let len = self.minutes().notices.len();
        if self.notice.apply(action, len, 5) {
            return true;
        }
        match action {
            Action::StartNotice => {
                let pending = self.minutes().decisions_without_notice();
                if pending.is_empty() {
                    cx.message = Some(Message::error(
                        "没有待公示的决定：请先在表决屏形成决定（d）",
                        "no decision awaits a notice: record one on the vote screen (d)",
                    ));
                } else {
                    self.open_form(Purpose::Notice(pending), cx);
                }
            }
            Action::LogObjection => {
                if len == 0 {
                    cx.message = Some(Message::error("还没有公示", "no notice yet"));
                } else {
                    self.open_form(Purpose::Objection(self.notice.selected), cx);
                }
            }
            Action::Repost => {
                if len > 0 {
                    cx.popup = Some(Popup::Confirm(Confirm::Repost(self.notice.selected)));
                }
            }
            _ => return false,
        }
        true
    }

    fn on_minutes(&mut self, action: Action, cx: &mut Shared) -> bool {
        match action {
            Action::Up => self.minutes_scroll = self.minutes_scroll.saturating_sub(1),
            Action::Down => self.minutes_scroll = self.minutes_scroll.saturating_add(1),
            Action::PageUp => self.minutes_scroll = self.minutes_scroll.saturating_sub(15),
            Action::PageDown => self.minutes_scroll = self.minutes_scroll.saturating_add(15),
            Action::Top => self.minutes_scroll = 0,
            Action::Bottom => self.minutes_scroll = u16::MAX,
            Action::EndMeeting => cx.popup = Some(Popup::Confirm(Confirm::EndMeeting)),
            Action::Export => {
                cx.popup = Some(Popup::Form(export_form(Purpose::Export)));
            }
            _ => return false,
        }
        true
    }

    /// A yes to a question.
    pub fn confirmed(&mut self, what: Confirm, cx: &mut Shared) {
        let now = cx.now;
        match what {
            Confirm::CloseVote(id) => match self.session.change(|m| m.close_vote(id, now)) {
                Ok(v) => {
                    cx.message = Some(Message::info(
                        format!("表决结束：{}", v.outcome.label(Lang::Zh)),
                        format!("vote closed: {}", v.outcome.label(Lang::En)),
                    ))
                }
                Err(e) => cx.message = Some(Message::error(e.zh, e.en)),
            },
            Confirm::EndMeeting => {
                self.session.change(|m| m.end_meeting(now));
                cx.message = Some(Message::info("会议已结束", "the meeting has ended"));
            }
            Confirm::Repost(i) => {
                let period = self
                    .minutes()
                    .notices
                    .get(i)
                    .map(|n| n.period)
                    .unwrap_or(NoticePeriod::ONE_WEEK);
                let rest = &cx.rest_days;
                if let Err(e) = self
                    .session
                    .change(|m| m.repost_notice(i, period, now, rest))
                {
                    cx.message = Some(Message::error(e.zh, e.en));
                }
            }
            Confirm::Quit => {}
        }
    }

    /// A submitted form. On a refusal the form stays open with the reason.
    pub fn submit(&mut self, form: &mut Form, cx: &mut Shared) -> bool {
        let now = cx.now;
        match form.purpose.clone() {
            Purpose::WalkIn => {
                let name = form.text(0).to_string();
                if name.is_empty() {
                    form.refuse("请填写姓名", "a name is needed");
                    return false;
                }
                let Ok(households) = form.text(3).parse::<u32>() else {
                    form.refuse("代表户数须为整数", "households must be a whole number");
                    return false;
                };
                let role = Role::ALL[form.choice(1)];
                let aff = form.text(2).to_string();
                let id = self
                    .session
                    .change(|m| m.add_attendee(&name, role, &aff, households, now));
                let present = self.minutes().attendee(id).is_some_and(|a| a.is_present());
                cx.message = Some(if present {
                    Message::info(
                        format!("{name} 已加入并签到"),
                        format!("{name} added and checked in"),
                    )
                } else {
                    Message::info(
                        format!("{name} 已加入名单"),
                        format!("{name} added to the roster"),
                    )
                });
            }
            Purpose::Absent(id) => {
                let reason = form.text(0).to_string();
                self.session.change(|m| m.mark_absent(id, &reason));
            }
            Purpose::AddTopic => {
                let title = form.text(0).to_string();
                if title.is_empty() {
                    form.refuse("请填写议题", "a topic title is needed");
                    return false;
                }
                let Ok(minutes) = form.text(2).parse::<u32>() else {
                    form.refuse(
                        "计划时长须为分钟数",
                        "the time box must be a number of minutes",
                    );
                    return false;
                };
                let bg = form.text(1).to_string();
                self.session.change(|m| m.add_topic(&title, &bg, minutes));
                self.agenda.selected = self.minutes().agenda.len() - 1;
            }
            Purpose::NewVote => {
                let question = form.text(0).to_string();
                if question.is_empty() {
                    form.refuse("请填写表决事项", "the question is needed");
                    return false;
                }
                let voters: Vec<u32> = form.ticked(3).into_iter().map(|i| form.ids[i]).collect();
                if voters.is_empty() {
                    form.refuse("请至少选一名表决人", "tick at least one voter");
                    return false;
                }
                let rule = cx.rules.rules[form.choice(1)].clone();
                let method =
                    [VoteMethod::Named, VoteMethod::HandCount, VoteMethod::Secret][form.choice(2)];
                self.session
                    .change(|m| m.open_vote(&question, rule, method, &voters, now));
                self.vote.current = Some(self.minutes().votes.len() - 1);
                self.vote.rows = ListState::default();
                cx.message = Some(Message::info(
                    if method == VoteMethod::Named {
                        "表决开始：逐人按 y 赞成 / n 反对 / a 弃权"
                    } else {
                        "表决开始：输入各项票数"
                    },
                    if method == VoteMethod::Named {
                        "vote open: y yes / n no / a abstain for each voter"
                    } else {
                        "vote open: type the counts"
                    },
                ));
            }
            Purpose::CorrectionReason(id) => {
                let reason = form.text(0).to_string();
                let Some(draft) = self.vote.correction.clone() else {
                    return true;
                };
                match self
                    .session
                    .change(|m| m.correct_vote(id, draft, &reason, now))
                {
                    Ok(v) => {
                        self.vote.correction = None;
                        cx.message = Some(Message::info(
                            format!("更正已记录：{}", v.outcome.label(Lang::Zh)),
                            format!("correction recorded: {}", v.outcome.label(Lang::En)),
                        ));
                    }
                    Err(e) => {
                        form.refuse(e.zh, e.en);
                        return false;
                    }
                }
            }
            Purpose::Decision(vote_id) => {
                let text = form.text(0).to_string();
                if text.is_empty() {
                    form.refuse("请填写决定内容", "the decision text is needed");
                    return false;
                }
                let amount = form.text(2);
                let money = if amount.is_empty() {
                    None
                } else {
                    let Ok(yuan) = amount.replace(',', "").parse::<f64>() else {
                        form.refuse("金额须为数字（元）", "the amount must be a number of yuan");
                        return false;
                    };
                    Some(Money {
                        amount: yuan,
                        period: [Period::Yearly, Period::Monthly, Period::Once][form.choice(3)],
                        split: SplitMethod::PerHousehold,
                        collector: form.text(4).to_string(),
                        collection: form.text(5).to_string(),
                        purpose: String::new(),
                    })
                };
                let vote = self.minutes().votes.iter().find(|v| v.id == vote_id);
                let topics: Vec<u32> = vote
                    .and_then(|v| v.topic)
                    .or_else(|| self.minutes().current_topic().map(|t| t.id))
                    .into_iter()
                    .collect();
                let decision = Decision {
                    id: 0,
                    topics,
                    vote: Some(vote_id),
                    text,
                    nature: [DecisionNature::Binding, DecisionNature::ConsultationOpinion]
                        [form.choice(1)],
                    basis: String::new(),
                    money,
                    responsible: form.text(6).to_string(),
                    deadline: None,
                    tasks: Vec::new(),
                    dissent: Vec::new(),
                    evaluation: None,
                };
                self.session.change(|m| m.record_decision(decision));
                cx.message = Some(Message::info(
                    "决定已记录；在公示屏（5）按 n 发布公示",
                    "decision recorded; post its notice on the notice screen (5) with n",
                ));
            }
            Purpose::Notice(decisions) => {
                let Ok(length) = form.text(2).parse::<u32>() else {
                    form.refuse(
                        "公示天数须为整数",
                        "the period must be a whole number of days",
                    );
                    return false;
                };
                let notice = Notice {
                    decisions,
                    title: form.text(0).to_string(),
                    basis: String::new(),
                    period: NoticePeriod {
                        kind: [PeriodKind::CalendarDays, PeriodKind::WorkingDays][form.choice(1)],
                        length,
                    },
                    rest_days: RestDays::weekends(),
                    posted_where: form.text(3).to_string(),
                    objection_channel: form.text(5).to_string(),
                    issuer: form.text(4).to_string(),
                    events: Vec::new(),
                };
                let rest = &cx.rest_days;
                match self.session.change(|m| m.start_notice(notice, now, rest)) {
                    Ok(i) => {
                        self.notice.selected = i;
                        cx.message = Some(Message::info(
                            "公示已发布，开始倒计时",
                            "notice posted; the countdown runs",
                        ));
                    }
                    Err(e) => {
                        form.refuse(e.zh, e.en);
                        return false;
                    }
                }
            }
            Purpose::Objection(i) => {
                let (by, content) = (form.text(0).to_string(), form.text(1).to_string());
                if content.is_empty() {
                    form.refuse("请填写异议内容", "the objection is needed");
                    return false;
                }
                match self
                    .session
                    .change(|m| m.log_objection(i, &by, &content, now))
                {
                    Ok(()) => {
                        cx.message = Some(Message::info(
                            "异议已登记：公示暂停，相关议题待再协商",
                            "objection logged: the notice is paused and its topics are flagged for re-deliberation",
                        ))
                    }
                    Err(e) => {
                        form.refuse(e.zh, e.en);
                        return false;
                    }
                }
            }
            Purpose::Export => {
                if !export_chosen(&self.session.minutes, &self.session.path, form, cx) {
                    return false;
                }
            }
            Purpose::NewMeeting | Purpose::ArchiveFilter | Purpose::ArchiveExport(_) => {
                return true;
            }
        }
        true
    }
}

fn decision_form(vote: &Vote, m: &Minutes, _lang: Lang) -> Form {
    let text = vote.question.trim_end_matches(['？', '?']).to_string();
    let responsible = m.meeting.recorder.clone();
    Form::new(
        Purpose::Decision(vote.id),
        tx("形成决定", "Record the decision"),
        vec![
            FormField::text(tx("决定内容", "Decision"), &text),
            FormField::choice(
                tx("性质", "Nature"),
                vec![
                    DecisionNature::Binding.label(Lang::Zh).to_string() + " / binding",
                    DecisionNature::ConsultationOpinion
                        .label(Lang::Zh)
                        .to_string()
                        + " / consultation opinion",
                ],
                0,
            ),
            FormField::text(tx("金额（元，可空）", "Amount (yuan, optional)"), ""),
            FormField::choice(
                tx("周期", "Period"),
                vec![
                    "每年 / a year".into(),
                    "每月 / a month".into(),
                    "一次性 / one-off".into(),
                ],
                0,
            ),
            FormField::text(tx("收取人", "Collector"), "各单元长"),
            FormField::text(tx("收取方式", "Collection"), "按年上门收取"),
            FormField::text(tx("责任人", "Responsible"), &responsible),
        ],
    )
}

fn notice_form(m: &Minutes, pending: &[u32]) -> Form {
    let first = m.decisions.iter().find(|d| pending.contains(&d.id));
    let gist: String = first
        .map(|d| d.text.chars().take(24).collect())
        .unwrap_or_default();
    let issuer = if m.meeting.community.is_empty() {
        "社区居民委员会".to_string()
    } else {
        format!("{}居民委员会", m.meeting.community)
    };
    Form::new(
        Purpose::Notice(pending.to_vec()),
        tx("发布公示", "Post a notice"),
        vec![
            FormField::text(
                tx("标题", "Title"),
                &format!("关于{}的公示", gist.trim_end_matches(['。', '，'])),
            ),
            FormField::choice(
                tx("公示期计算", "Period counted in"),
                vec![
                    "日历日 / calendar days".into(),
                    "工作日 / working days".into(),
                ],
                0,
            ),
            FormField::text(tx("公示天数", "Length (days)"), "7"),
            FormField::text(
                tx("张贴地点", "Posted at"),
                "各单元楼道口公示栏及社区居务公开栏",
            ),
            FormField::text(tx("发布单位", "Issuer"), &issuer),
            FormField::text(
                tx("异议渠道", "How to object"),
                "向本单元单元长或社区居委会当面、书面反映",
            ),
        ],
    )
}

/// The export form (what, which format), for a meeting or an archive entry.
pub fn export_form(purpose: Purpose) -> Form {
    Form::new(
        purpose,
        tx("导出", "Export"),
        vec![
            FormField::choice(
                tx("内容", "What"),
                vec!["会议纪要 / minutes".into(), "公示 / notice".into()],
                0,
            ),
            FormField::choice(
                tx("格式", "Format"),
                vec![
                    "HTML（打印）/ HTML (print)".into(),
                    "Markdown".into(),
                    "文本 / text".into(),
                ],
                0,
            ),
        ],
    )
}

/// Write an export beside the data: `DATA/exports/NAME-纪要.html`.
pub fn export_to_folder(
    m: &Minutes,
    source: &std::path::Path,
    what: crate::export::What,
    format: crate::export::Format,
    cx: &Shared,
) -> Result<std::path::PathBuf, (String, String)> {
    let Some(text) = crate::export::export(m, what, format, cx.lang, cx.now) else {
        return Err((
            "这份纪要没有公示".into(),
            "these minutes have no public notice".into(),
        ));
    };
    let dir = cx.data_dir.join("exports");
    std::fs::create_dir_all(&dir).map_err(|e| {
        let d = crate::diagnostic::Diagnostic::io(&dir, crate::diagnostic::IoDoing::Create, &e);
        (d.render(Lang::Zh), d.render(Lang::En))
    })?;
    let stem = source
        .file_stem()
        .map_or_else(|| "minutes".into(), |s| s.to_string_lossy().into_owned());
    let kind = match what {
        crate::export::What::Minutes => "纪要",
        crate::export::What::Notice => "公示",
    };
    let path = dir.join(format!("{stem}-{kind}.{}", format.extension()));
    crate::minutes_file::write_atomic(&path, text.as_bytes())
        .map_err(|d| (d.render(Lang::Zh), d.render(Lang::En)))?;
    Ok(path)
}

/// Export what the export form chose, and say where it went; false (the
/// form refused with the reason) when it could not be written.
pub fn export_chosen(
    m: &Minutes,
    source: &std::path::Path,
    form: &mut Form,
    cx: &mut Shared,
) -> bool {
    let what = [crate::export::What::Minutes, crate::export::What::Notice][form.choice(0)];
    let format = [
        crate::export::Format::Html,
        crate::export::Format::Md,
        crate::export::Format::Txt,
    ][form.choice(1)];
    match export_to_folder(m, source, what, format, cx) {
        Ok(path) => {
            cx.message = Some(Message::info(
                format!("已导出：{}", path.display()),
                format!("exported: {}", path.display()),
            ));
            true
        }
        Err((zh, en)) => {
            form.refuse(zh, en);
            false
        }
    }
}

/// Whether a checklist form field is focused (for drawing its cursor).
pub fn checklist_cursor(form: &Form) -> Option<usize> {
    match &form.fields.get(form.focus)?.kind {
        FieldKind::Checklist { cursor, .. } => Some(*cursor),
        _ => None,
    }
}
