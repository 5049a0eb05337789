//! The application: what is on screen (home or a meeting), the popup, the
//! status message, the theme and language. Keys arrive here, become actions
//! through the keymap, and go to the meeting or the home screen.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::archive::ArchiveView;
use super::draft::{self, Draft, FormDraft};
use super::form::{Confirm, Form, FormField, Popup, Purpose, edit_text};
use super::keymap::{Action, Context, action_for};
use super::meeting::{MeetingView, Message, Shared};
use super::screens::{self, home::HomeItem, home::HomeView};
use super::session::Session;
use super::ui::{MIN_HEIGHT, MIN_WIDTH, Ui, too_small};
use crate::domain::meeting::MeetingKind;
use crate::domain::vote::RuleBook;
use crate::domain::{Minutes, Timestamp};
use crate::i18n::{Label, Lang, tx};
use crate::minutes_file::paths;
use crate::theme::Theme;

pub enum Mode {
    Home(HomeView),
    Meeting(Box<MeetingView>),
    Archive(Box<ArchiveView>),
}

pub struct App {
    pub shared: Shared,
    pub themes: Vec<Theme>,
    pub theme: usize,
    pub mode: Mode,
    pub quit: bool,
    /// Ring the terminal bell after this frame.
    pub bell: bool,
    /// A new meeting being prepared in the new-meeting form.
    pub pending_new: Option<Minutes>,
}

impl App {
    pub fn new(
        lang: Lang,
        themes: Vec<Theme>,
        now: Timestamp,
        mode: Mode,
        data_dir: PathBuf,
        rules: RuleBook,
    ) -> App {
        App {
            shared: Shared {
                now,
                lang,
                rules,
                rest_days: crate::domain::notice::RestDays::weekends(),
                popup: None,
                message: None,
                data_dir,
            },
            themes: if themes.is_empty() {
                vec![Theme::default()]
            } else {
                themes
            },
            theme: 0,
            mode,
            quit: false,
            bell: false,
            pending_new: None,
        }
    }

    pub fn theme(&self) -> &Theme {
        &self.themes[self.theme % self.themes.len()]
    }

    pub fn meeting(&self) -> Option<&MeetingView> {
        match &self.mode {
            Mode::Meeting(mv) => Some(mv),
            Mode::Home(_) | Mode::Archive(_) => None,
        }
    }

    /// Where keys go now.
    pub fn context(&self) -> Context {
        match (&self.shared.popup, &self.mode) {
            (Some(Popup::Confirm(_)), _) => Context::Confirm,
            (Some(_), _) => Context::Popup,
            (None, Mode::Meeting(mv)) => Context::Screen(mv.screen),
            (None, Mode::Home(_)) => Context::Home,
            (None, Mode::Archive(_)) => Context::Archive,
        }
    }

    /// Advance the clock; ring the bell when a speaker reaches the limit.
    pub fn tick(&mut self, now: Timestamp) {
        self.shared.now = now;
        if let Mode::Meeting(mv) = &mut self.mode
            && mv.tick(now)
        {
            self.bell = true;
            self.shared.message = Some(Message::error("发言时间到", "time is up for this speaker"));
        }
        if let Mode::Archive(av) = &mut self.mode {
            av.tick(now);
            // The overview on screen, computed before drawing.
            av.overview(now);
        }
    }

    pub fn draw(&self, f: &mut Frame) {
        let ui = Ui::new(self.theme(), self.shared.lang, self.shared.now);
        let area = f.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(f, &ui);
            return;
        }
        match &self.mode {
            Mode::Home(home) => screens::home::draw(
                f,
                &ui,
                home,
                &self.shared.data_dir,
                self.shared.message.as_ref(),
            ),
            Mode::Meeting(mv) => screens::draw_meeting(f, &ui, mv, self.shared.message.as_ref()),
            Mode::Archive(av) => screens::archive::draw(f, &ui, av, self.shared.message.as_ref()),
        }
        if let Some(p) = &self.shared.popup {
            let ctx = match &self.mode {
                Mode::Meeting(mv) => Context::Screen(mv.screen),
                Mode::Home(_) => Context::Home,
                Mode::Archive(_) => Context::Archive,
            };
            screens::popup::draw(f, &ui.on_popup(), p, ctx);
        }
    }

    pub fn on_paste(&mut self, text: &str) {
        self.paste(text);
        self.sync_draft();
    }

    fn paste(&mut self, text: &str) {
        match &mut self.shared.popup {
            Some(Popup::Form(form)) => {
                let focus = form.focus;
                if let super::form::FieldKind::Text(t) = &mut form.fields[focus].kind {
                    t.insert(text);
                }
            }
            Some(Popup::Picker(p)) => p.filter.insert(text),
            Some(_) => {}
            None => match &mut self.mode {
                Mode::Meeting(mv) => mv.paste(text),
                Mode::Archive(av) => av.paste(text),
                Mode::Home(_) => {}
            },
        }
    }

    pub fn on_key(&mut self, ev: KeyEvent) {
        self.key(ev);
        self.sync_draft();
    }

    /// Keep what is entered but not yet in the minutes (the open form, a
    /// correction's ballots) on disk beside them, or remove it when there
    /// is none ([`super::draft`]).
    fn sync_draft(&mut self) {
        let Mode::Meeting(mv) = &mut self.mode else {
            return;
        };
        if mv.session.read_only {
            return;
        }
        let now = Draft {
            form: match &self.shared.popup {
                Some(Popup::Form(f)) => FormDraft::of(f),
                _ => None,
            },
            correction: mv
                .vote
                .correction
                .clone()
                .zip(mv.shown_vote().map(|v| v.id))
                .map(|(ballots, id)| (id, ballots)),
        };
        if now == mv.draft {
            return;
        }
        if now.is_empty() {
            draft::remove(&mv.session.path);
        } else if let Err(e) = draft::save(&mv.session.path, &now) {
            self.shared.message = Some(Message::error(e.render(Lang::Zh), e.render(Lang::En)));
        }
        mv.draft = now;
    }

    /// Bring back what was being entered when yishi last stopped without
    /// closing it (killed, power cut): the open form with its values, the
    /// ballots of a correction.
    pub fn restore_draft(&mut self) {
        let Mode::Meeting(mv) = &mut self.mode else {
            return;
        };
        if mv.session.read_only {
            return;
        }
        let saved = match draft::load(&mv.session.path) {
            Ok(Some(d)) => d,
            Ok(None) => return,
            Err(e) => {
                self.shared.message = Some(Message::error(e.render(Lang::Zh), e.render(Lang::En)));
                return;
            }
        };
        let mut restored = Draft::default();
        if let Some((id, ballots)) = &saved.correction
            && let Some(i) = mv.minutes().votes.iter().position(|v| v.id == *id)
            && mv.minutes().votes[i].is_closed()
        {
            mv.screen = super::keymap::ScreenId::Vote;
            mv.vote.current = Some(i);
            mv.vote.correction = Some(ballots.clone());
            restored.correction = saved.correction.clone();
        }
        if let Some(fd) = &saved.form
            && let Some(form) = mv
                .form_for(&fd.purpose, &self.shared)
                .and_then(|mut form| fd.apply(&mut form).then_some(form))
        {
            mv.go_to_form(&fd.purpose);
            self.shared.popup = Some(Popup::Form(form));
            restored.form = saved.form.clone();
        }
        if restored == saved {
            mv.draft = restored;
            self.shared.message = Some(Message::info(
                "已恢复上次未提交的内容",
                "what was being entered last time is back, as it was",
            ));
        } else {
            // Not all of it fits the minutes any more (the file was edited
            // by hand): keep the draft aside and say where.
            let from = draft::draft_path(&mv.session.path);
            let kept = from.with_extension("draft.unused");
            let _ = std::fs::rename(&from, &kept);
            self.shared.message = Some(Message::error(
                format!("上次未提交的内容无法全部恢复，已保留在 {}", kept.display()),
                format!(
                    "what was being entered last time cannot all be brought back; it is kept in {}",
                    kept.display()
                ),
            ));
        }
    }

    fn key(&mut self, ev: KeyEvent) {
        // A terminal reads Esc followed at once by a key as Alt+key: a
        // recorder finishing a summary with Esc and switching screens
        // quickly must not type the key into the summary.
        if ev.modifiers.contains(KeyModifiers::ALT) {
            self.key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            self.key(KeyEvent::new(ev.code, ev.modifiers - KeyModifiers::ALT));
            return;
        }
        if self.shared.popup.is_some() {
            self.popup_key(ev);
            return;
        }
        let ctx = self.context();
        match &mut self.mode {
            Mode::Meeting(mv) if mv.wants_text(&ev) => {
                mv.text_key(&ev, &mut self.shared);
                return;
            }
            Mode::Archive(av) if av.wants_text(&ev) => {
                av.text_key(&ev);
                return;
            }
            _ => {}
        }
        let Some(action) = action_for(ctx, &ev) else {
            return;
        };
        self.shared.message = None;
        self.action(action);
    }

    fn action(&mut self, action: Action) {
        match action {
            Action::Help => self.shared.popup = Some(Popup::Help { scroll: 0 }),
            Action::CycleTheme => {
                self.theme = (self.theme + 1) % self.themes.len();
                let name = self.theme().name(self.shared.lang).to_string();
                self.shared.message = Some(Message::info(
                    format!("配色：{name}"),
                    format!("theme: {name}"),
                ));
            }
            Action::ToggleLang => {
                self.shared.lang = match self.shared.lang {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                };
            }
            Action::ForceQuit => self.quit = true,
            Action::Quit if matches!(self.mode, Mode::Home(_)) => self.quit = true,
            Action::Quit if matches!(self.mode, Mode::Meeting(_)) => {
                self.shared.popup = Some(Popup::Confirm(Confirm::Quit))
            }
            _ => match &mut self.mode {
                Mode::Archive(av) => {
                    if av.on(action, &mut self.shared) {
                        self.quit = true;
                    }
                    let now = self.shared.now;
                    av.overview(now);
                }
                Mode::Meeting(mv) => match action {
                    Action::GoTo(s) => mv.screen = s,
                    Action::NextScreen => mv.screen = mv.screen.next(),
                    Action::PrevScreen => mv.screen = mv.screen.prev(),
                    _ => {
                        if mv.session.read_only
                            && !action.is_list_move()
                            && action != Action::Export
                        {
                            self.shared.message = Some(Message::error(
                                "只读：此文件来自更新版本的 yishi，不能修改",
                                "read-only: this file comes from a newer yishi and cannot be changed",
                            ));
                            return;
                        }
                        mv.on(action, &mut self.shared);
                    }
                },
                Mode::Home(home) => {
                    if home.list.apply(action, home.items.len(), 10) {
                        return;
                    }
                    if action == Action::Open
                        && let Some(item) = home.items.get(home.list.selected).cloned()
                    {
                        self.open_home_item(item);
                    }
                }
            },
        }
    }

    fn open_home_item(&mut self, item: HomeItem) {
        match item {
            HomeItem::Continue(e) | HomeItem::Recent(e) => self.open_meeting(&e.path),
            HomeItem::New => self.prepare_new(None),
            HomeItem::Demo => {
                let demo = crate::demo::demo(self.shared.now);
                self.start_meeting(demo);
            }
            HomeItem::Archive => {
                let dir = self.shared.data_dir.clone();
                self.open_archive(&dir, crate::archive::Options::default());
            }
        }
    }

    /// Browse the archive of a folder: the table from the cache at once,
    /// the folder checked after the first frame.
    pub fn open_archive(&mut self, dir: &Path, options: crate::archive::Options) {
        match ArchiveView::open(dir, options, &self.shared) {
            Ok(mut av) => {
                av.overview(self.shared.now);
                self.mode = Mode::Archive(Box::new(av));
            }
            Err(e) => {
                let d =
                    crate::diagnostic::Diagnostic::io(dir, crate::diagnostic::IoDoing::Read, &e);
                self.shared.message = Some(Message::error(d.render(Lang::Zh), d.render(Lang::En)));
            }
        }
    }

    /// Open a meeting file in this app (the home screen's choice).
    pub fn open_meeting(&mut self, path: &Path) {
        match Session::open(path) {
            Ok(s) => {
                self.mode = Mode::Meeting(Box::new(MeetingView::new(s)));
                self.shared.message = Some(Message::info(
                    format!("已打开 {}", path.display()),
                    format!("opened {}", path.display()),
                ));
                self.restore_draft();
            }
            Err(diags) => {
                let d = &diags[0];
                self.shared.message = Some(Message::error(d.render(Lang::Zh), d.render(Lang::En)));
            }
        }
    }

    /// Save new minutes as a new file in the data folder and run them.
    pub fn start_meeting(&mut self, minutes: Minutes) {
        let path = paths::new_file_path(&self.shared.data_dir, &minutes);
        match Session::create(&path, minutes) {
            Ok(s) => {
                self.mode = Mode::Meeting(Box::new(MeetingView::new(s)));
                self.shared.message = Some(Message::info(
                    format!(
                        "按 ? 查看全部按键和会议流程。会议随时保存在 {}",
                        path.display()
                    ),
                    format!(
                        "Press ? for every key and the steps of a meeting. Saved as you go in {}",
                        path.display()
                    ),
                ));
            }
            Err(d) => {
                self.shared.message = Some(Message::error(d.render(Lang::Zh), d.render(Lang::En)))
            }
        }
    }

    /// Show the new-meeting form, prefilled from a base (a template or the
    /// next meeting of a series) if given.
    pub fn prepare_new(&mut self, base: Option<Minutes>) {
        let base =
            base.unwrap_or_else(|| Minutes::blank("", MeetingKind::Consultation, self.shared.now));
        let mt = &base.meeting;
        let kinds: Vec<String> = MeetingKind::ALL
            .iter()
            .map(|k| k.label(self.shared.lang).to_string())
            .collect();
        let kind = MeetingKind::ALL
            .iter()
            .position(|k| *k == mt.kind)
            .unwrap_or(0);
        let form = Form::new(
            Purpose::NewMeeting,
            tx("新建会议", "New meeting"),
            vec![
                FormField::text(tx("会议名称", "Title"), &mt.title),
                FormField::choice(tx("会议形式", "Form"), kinds, kind),
                FormField::text(tx("社区", "Community"), &mt.community),
                FormField::text(tx("小区 / 院落", "Compound"), &mt.compound),
                FormField::text(tx("地点", "Place"), &mt.place),
                FormField::text(
                    tx("开始时间（年-月-日 时:分）", "Start (YYYY-MM-DD HH:MM)"),
                    &mt.planned_start.format("%Y-%m-%d %H:%M").to_string(),
                ),
                FormField::text(tx("召集人", "Convener"), &mt.convener),
                FormField::text(tx("主持人", "Facilitator"), &mt.facilitator),
                FormField::text(tx("记录人", "Recorder"), &mt.recorder),
            ],
        );
        self.pending_new = Some(base);
        self.shared.popup = Some(Popup::Form(form));
    }

    fn submit_new_meeting(&mut self, form: &mut Form) -> bool {
        let title = form.text(0).to_string();
        if title.is_empty() {
            form.refuse("请填写会议名称", "a title is needed");
            return false;
        }
        let start = match chrono::NaiveDateTime::parse_from_str(form.text(5), "%Y-%m-%d %H:%M") {
            Ok(t) => t,
            Err(_) => {
                form.refuse(
                    "开始时间的格式应为 2026-11-22 14:30",
                    "the start should read like 2026-11-22 14:30",
                );
                return false;
            }
        };
        let offset = *self.shared.now.offset();
        let Some(start) = start.and_local_timezone(offset).single() else {
            form.refuse("开始时间无效", "the start time is not valid");
            return false;
        };
        let mut m = self
            .pending_new
            .take()
            .unwrap_or_else(|| Minutes::blank(&title, MeetingKind::Consultation, self.shared.now));
        m.meeting.title = title;
        m.meeting.kind = MeetingKind::ALL[form.choice(1)];
        m.meeting.community = form.text(2).to_string();
        m.meeting.compound = form.text(3).to_string();
        m.meeting.place = form.text(4).to_string();
        m.meeting.planned_start = start;
        m.meeting.convener = form.text(6).to_string();
        m.meeting.facilitator = form.text(7).to_string();
        m.meeting.recorder = form.text(8).to_string();
        self.start_meeting(m);
        true
    }

    fn popup_key(&mut self, ev: KeyEvent) {
        let Some(popup) = self.shared.popup.take() else {
            return;
        };
        let ctx = match popup {
            Popup::Confirm(_) => Context::Confirm,
            _ => Context::Popup,
        };
        match popup {
            Popup::Help { scroll } => {
                self.shared.popup = match ev.code {
                    KeyCode::Up | KeyCode::Char('k') => Some(Popup::Help {
                        scroll: scroll.saturating_sub(1),
                    }),
                    KeyCode::Down | KeyCode::Char('j') => Some(Popup::Help {
                        scroll: scroll.saturating_add(1),
                    }),
                    KeyCode::PageUp => Some(Popup::Help {
                        scroll: scroll.saturating_sub(10),
                    }),
                    KeyCode::PageDown => Some(Popup::Help {
                        scroll: scroll.saturating_add(10),
                    }),
                    _ => None,
                };
            }
            Popup::Confirm(what) => match action_for(ctx, &ev) {
                Some(Action::Yes) => self.confirmed(what),
                Some(Action::No) => {}
                Some(Action::ForceQuit) => self.quit = true,
                _ => self.shared.popup = Some(Popup::Confirm(what)),
            },
            Popup::Picker(mut p) => {
                match action_for(ctx, &ev) {
                    Some(Action::Cancel) => return,
                    Some(Action::ForceQuit) => {
                        self.quit = true;
                        return;
                    }
                    Some(Action::Submit) => {
                        if let (Some(id), Mode::Meeting(mv)) = (p.chosen(), &mut self.mode) {
                            let added = mv.session.change(|m| m.queue_add(id));
                            if added {
                                let name = mv.minutes().attendee_name(id);
                                self.shared.message = Some(Message::info(
                                    format!("{name} 已加入发言队列"),
                                    format!("{name} is in the queue"),
                                ));
                            }
                        }
                        return;
                    }
                    Some(Action::Up) => p.selected = p.selected.saturating_sub(1),
                    Some(Action::Down) => {
                        p.selected = (p.selected + 1).min(p.visible().len().saturating_sub(1))
                    }
                    _ => {
                        if edit_text(&mut p.filter, &ev) {
                            p.selected = 0;
                        }
                    }
                }
                self.shared.popup = Some(Popup::Picker(p));
            }
            Popup::Form(mut form) => {
                let focus = form.focus;
                if let super::form::FieldKind::Text(t) = &mut form.fields[focus].kind
                    && edit_text(t, &ev)
                {
                    form.error = None;
                    self.shared.popup = Some(Popup::Form(form));
                    return;
                }
                match action_for(ctx, &ev) {
                    Some(Action::Cancel) => {
                        self.pending_new = None;
                        return;
                    }
                    Some(Action::ForceQuit) => {
                        self.quit = true;
                        return;
                    }
                    Some(Action::Submit) if self.submit(&mut form) => return,
                    Some(Action::Submit) => {}
                    Some(Action::NextField) => form.next_field(),
                    Some(Action::PrevField) => form.prev_field(),
                    Some(Action::Up) => form.up(),
                    Some(Action::Down) => form.down(),
                    Some(Action::OptionNext) => form.option(true),
                    Some(Action::OptionPrev) => form.option(false),
                    Some(Action::Toggle) => form.toggle(),
                    _ => {}
                }
                if self.shared.popup.is_none() {
                    self.shared.popup = Some(Popup::Form(form));
                }
            }
        }
    }

    /// Submit a form; true when it is done (closed).
    fn submit(&mut self, form: &mut Form) -> bool {
        if form.purpose == Purpose::NewMeeting {
            return self.submit_new_meeting(form);
        }
        match &mut self.mode {
            Mode::Meeting(mv) => mv.submit(form, &mut self.shared),
            Mode::Archive(av) => av.submit(form, &mut self.shared),
            Mode::Home(_) => true,
        }
    }

    fn confirmed(&mut self, what: Confirm) {
        if what == Confirm::Quit {
            self.quit = true;
            return;
        }
        if let Mode::Meeting(mv) = &mut self.mode {
            mv.confirmed(what, &mut self.shared);
        }
    }
}
