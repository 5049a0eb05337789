//! Every key binding, in one table. Keys become [`Action`]s here and only
//! here (text fields excepted); the help screen and the key hints at the
//! foot of the screen are read from the same table, so they cannot drift.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::{Lang, Tx, tx};

/// The screens of a meeting, in Tab order; keys 1–6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScreenId {
    Roster,
    Agenda,
    Discussion,
    Vote,
    Notice,
    Minutes,
}

impl ScreenId {
    pub const ALL: [ScreenId; 6] = [
        ScreenId::Roster,
        ScreenId::Agenda,
        ScreenId::Discussion,
        ScreenId::Vote,
        ScreenId::Notice,
        ScreenId::Minutes,
    ];

    pub fn tx(self) -> Tx {
        match self {
            ScreenId::Roster => tx("签到", "Roster"),
            ScreenId::Agenda => tx("议程", "Agenda"),
            ScreenId::Discussion => tx("发言", "Speakers"),
            ScreenId::Vote => tx("表决", "Vote"),
            ScreenId::Notice => tx("公示", "Notice"),
            ScreenId::Minutes => tx("纪要", "Minutes"),
        }
    }

    pub fn index(self) -> usize {
        ScreenId::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> ScreenId {
        ScreenId::ALL[(self.index() + 1) % 6]
    }

    pub fn prev(self) -> ScreenId {
        ScreenId::ALL[(self.index() + 5) % 6]
    }
}

/// Where a key is pressed: decides which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Any meeting screen (unless a popup is open).
    Meeting,
    Screen(ScreenId),
    Home,
    /// The archive table.
    Archive,
    /// A form or picker popup.
    Popup,
    /// A yes/no question.
    Confirm,
}

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // Everywhere in a meeting.
    GoTo(ScreenId),
    NextScreen,
    PrevScreen,
    Help,
    CycleTheme,
    ToggleLang,
    Quit,
    ForceQuit,
    // Lists.
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    // Roster.
    ToggleCheckIn,
    AddWalkIn,
    MarkAbsent,
    MarkLeftEarly,
    // Agenda.
    StartTopic,
    DecideTopic,
    CarryOver,
    AddTopic,
    TimeBoxMore,
    TimeBoxLess,
    // Discussion.
    QueueAdd,
    QueueRemove,
    QueueUp,
    QueueDown,
    GiveFloor,
    EndSpeech,
    CycleStance,
    EditSummary,
    LimitMore,
    LimitLess,
    // Vote.
    NewVote,
    BallotYes,
    BallotNo,
    BallotAbstain,
    BallotClear,
    CountMore,
    CountLess,
    CloseVote,
    CorrectVote,
    RecordDecision,
    PrevVote,
    NextVote,
    // Notice.
    StartNotice,
    LogObjection,
    Repost,
    // Minutes.
    EndMeeting,
    Export,
    // Home and archive.
    Open,
    Search,
    /// Archive view 1–6.
    Tab(u8),
    SortNext,
    SortReverse,
    Filter,
    ClearFilter,
    Refresh,
    // Popups and questions.
    Submit,
    Cancel,
    NextField,
    PrevField,
    OptionNext,
    OptionPrev,
    Toggle,
    Yes,
    No,
}

impl Action {
    /// Moving through a list: allowed everywhere, even read-only.
    pub fn is_list_move(self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
        )
    }
}

/// A key as the table writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Space,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
    Delete,
}

impl Key {
    pub fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match (self, ev.code) {
            (Key::Ctrl(c), KeyCode::Char(k)) => ctrl && k.eq_ignore_ascii_case(&c),
            (Key::Char(c), KeyCode::Char(k)) => !ctrl && k == c,
            (Key::Space, KeyCode::Char(' ')) => !ctrl,
            (Key::Enter, KeyCode::Enter) => true,
            (Key::Esc, KeyCode::Esc) => true,
            (Key::Tab, KeyCode::Tab) => !ev.modifiers.contains(KeyModifiers::SHIFT),
            (Key::BackTab, KeyCode::BackTab) => true,
            (Key::BackTab, KeyCode::Tab) => ev.modifiers.contains(KeyModifiers::SHIFT),
            (Key::Up, KeyCode::Up) => true,
            (Key::Down, KeyCode::Down) => true,
            (Key::Left, KeyCode::Left) => true,
            (Key::Right, KeyCode::Right) => true,
            (Key::PageUp, KeyCode::PageUp) => true,
            (Key::PageDown, KeyCode::PageDown) => true,
            (Key::Home, KeyCode::Home) => true,
            (Key::End, KeyCode::End) => true,
            (Key::Backspace, KeyCode::Backspace) => true,
            (Key::Delete, KeyCode::Delete) => true,
            _ => false,
        }
    }

    /// How the key is written in help and hints. Arrow keys are spelled
    /// out: arrow symbols are ambiguous-width in Chinese terminals.
    pub fn label(self, lang: Lang) -> String {
        let named = |zh: &str, en: &str| lang.choose(zh, en).to_string();
        match self {
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Space => named("空格", "Space"),
            Key::Up => named("上", "Up"),
            Key::Down => named("下", "Down"),
            Key::Left => named("左", "Left"),
            Key::Right => named("右", "Right"),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Del".into(),
        }
    }
}

/// One binding: keys, what they do, and what help says about it.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub ctx: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: Tx,
    /// Shown in the key hints at the foot of the screen.
    pub hint: bool,
}

const fn b(ctx: Context, keys: &'static [Key], action: Action, help: Tx, hint: bool) -> Binding {
    Binding {
        ctx,
        keys,
        action,
        help,
        hint,
    }
}

use Action as A;
use Context as C;
use Key as K;
use ScreenId as S;

const LIST_KEYS: [(&[Key], Action, Tx); 6] = [
    (&[K::Up, K::Char('k')], A::Up, tx("上移", "move up")),
    (&[K::Down, K::Char('j')], A::Down, tx("下移", "move down")),
    (&[K::PageUp], A::PageUp, tx("上一页", "page up")),
    (&[K::PageDown], A::PageDown, tx("下一页", "page down")),
    (&[K::Home, K::Char('g')], A::Top, tx("到开头", "to the top")),
    (
        &[K::End, K::Char('G')],
        A::Bottom,
        tx("到末尾", "to the bottom"),
    ),
];

/// The whole table. Order matters within a context: the first match wins,
/// and hints are shown in this order.
pub static BINDINGS: &[Binding] = &[
    // Roster.
    b(
        C::Screen(S::Roster),
        &[K::Space],
        A::ToggleCheckIn,
        tx("签到 / 撤销签到", "check in / undo"),
        true,
    ),
    b(
        C::Screen(S::Roster),
        &[K::Char('a')],
        A::AddWalkIn,
        tx("新增参会人员", "add a person"),
        true,
    ),
    b(
        C::Screen(S::Roster),
        &[K::Char('x')],
        A::MarkAbsent,
        tx("登记缺席及原因", "mark absent with reason"),
        true,
    ),
    b(
        C::Screen(S::Roster),
        &[K::Char('l')],
        A::MarkLeftEarly,
        tx("登记中途离会", "mark left early"),
        false,
    ),
    // Agenda.
    b(
        C::Screen(S::Agenda),
        &[K::Enter],
        A::StartTopic,
        tx("开始讨论此议题", "start this topic"),
        true,
    ),
    b(
        C::Screen(S::Agenda),
        &[K::Char('d')],
        A::DecideTopic,
        tx("标记已决", "mark decided"),
        false,
    ),
    b(
        C::Screen(S::Agenda),
        &[K::Char('c')],
        A::CarryOver,
        tx("转下次会议", "carry over"),
        true,
    ),
    b(
        C::Screen(S::Agenda),
        &[K::Char('a')],
        A::AddTopic,
        tx("新增议题", "add a topic"),
        true,
    ),
    b(
        C::Screen(S::Agenda),
        &[K::Char('+'), K::Char('=')],
        A::TimeBoxMore,
        tx("时长加 5 分钟", "time box +5 min"),
        false,
    ),
    b(
        C::Screen(S::Agenda),
        &[K::Char('-')],
        A::TimeBoxLess,
        tx("时长减 5 分钟", "time box -5 min"),
        false,
    ),
    // Discussion.
    b(
        C::Screen(S::Discussion),
        &[K::Char('a')],
        A::QueueAdd,
        tx("从名单加入发言队列", "queue a speaker"),
        true,
    ),
    b(
        C::Screen(S::Discussion),
        &[K::Enter],
        A::GiveFloor,
        tx("请选中者发言", "give the floor"),
        true,
    ),
    b(
        C::Screen(S::Discussion),
        &[K::Char('e')],
        A::EndSpeech,
        tx("结束当前发言", "end the speech"),
        true,
    ),
    b(
        C::Screen(S::Discussion),
        &[K::Char('s')],
        A::CycleStance,
        tx("切换立场", "change stance"),
        true,
    ),
    b(
        C::Screen(S::Discussion),
        &[K::Char('i')],
        A::EditSummary,
        tx("记录发言摘要", "type the summary"),
        true,
    ),
    b(
        C::Screen(S::Discussion),
        &[K::Char('K')],
        A::QueueUp,
        tx("在队列中前移", "move up the queue"),
        false,
    ),
    b(
        C::Screen(S::Discussion),
        &[K::Char('J')],
        A::QueueDown,
        tx("在队列中后移", "move down the queue"),
        false,
    ),
    b(
        C::Screen(S::Discussion),
        &[K::Char('x'), K::Delete],
        A::QueueRemove,
        tx("移出队列", "remove from queue"),
        false,
    ),
    b(
        C::Screen(S::Discussion),
        &[K::Char('+'), K::Char('=')],
        A::LimitMore,
        tx("发言限时加 30 秒", "turn limit +30 s"),
        false,
    ),
    b(
        C::Screen(S::Discussion),
        &[K::Char('-')],
        A::LimitLess,
        tx("发言限时减 30 秒", "turn limit -30 s"),
        false,
    ),
    // Vote.
    b(
        C::Screen(S::Vote),
        &[K::Char('v')],
        A::NewVote,
        tx("发起表决", "new vote"),
        true,
    ),
    b(
        C::Screen(S::Vote),
        &[K::Char('y')],
        A::BallotYes,
        tx("赞成", "yes"),
        true,
    ),
    b(
        C::Screen(S::Vote),
        &[K::Char('n')],
        A::BallotNo,
        tx("反对", "no"),
        true,
    ),
    b(
        C::Screen(S::Vote),
        &[K::Char('a')],
        A::BallotAbstain,
        tx("弃权", "abstain"),
        true,
    ),
    b(
        C::Screen(S::Vote),
        &[K::Char('0'), K::Backspace],
        A::BallotClear,
        tx("清除此人选票", "clear this ballot"),
        false,
    ),
    b(
        C::Screen(S::Vote),
        &[K::Char('+'), K::Char('='), K::Right],
        A::CountMore,
        tx("票数加一", "count +1"),
        false,
    ),
    b(
        C::Screen(S::Vote),
        &[K::Char('-'), K::Left],
        A::CountLess,
        tx("票数减一", "count -1"),
        false,
    ),
    b(
        C::Screen(S::Vote),
        &[K::Char('c')],
        A::CloseVote,
        tx("结束表决并锁定", "close and lock the vote"),
        true,
    ),
    b(
        C::Screen(S::Vote),
        &[K::Char('r')],
        A::CorrectVote,
        tx("更正已结束的表决", "correct a closed vote"),
        false,
    ),
    b(
        C::Screen(S::Vote),
        &[K::Char('d')],
        A::RecordDecision,
        tx("据此形成决定", "record the decision"),
        true,
    ),
    b(
        C::Screen(S::Vote),
        &[K::Char('[')],
        A::PrevVote,
        tx("上一次表决", "previous vote"),
        false,
    ),
    b(
        C::Screen(S::Vote),
        &[K::Char(']')],
        A::NextVote,
        tx("下一次表决", "next vote"),
        false,
    ),
    // Notice.
    b(
        C::Screen(S::Notice),
        &[K::Char('n')],
        A::StartNotice,
        tx("为决定发布公示", "post a notice"),
        true,
    ),
    b(
        C::Screen(S::Notice),
        &[K::Char('o')],
        A::LogObjection,
        tx("登记异议（公示暂停）", "log an objection (pauses)"),
        true,
    ),
    b(
        C::Screen(S::Notice),
        &[K::Char('p')],
        A::Repost,
        tx("重新公示", "post again"),
        false,
    ),
    // Minutes.
    b(
        C::Screen(S::Minutes),
        &[K::Char('E')],
        A::EndMeeting,
        tx("结束会议", "end the meeting"),
        true,
    ),
    b(
        C::Screen(S::Minutes),
        &[K::Char('x')],
        A::Export,
        tx("导出纪要和公示", "export minutes and notice"),
        true,
    ),
    // Everywhere in a meeting.
    b(
        C::Meeting,
        &[K::Char('1')],
        A::GoTo(S::Roster),
        tx("签到", "roster"),
        false,
    ),
    b(
        C::Meeting,
        &[K::Char('2')],
        A::GoTo(S::Agenda),
        tx("议程", "agenda"),
        false,
    ),
    b(
        C::Meeting,
        &[K::Char('3')],
        A::GoTo(S::Discussion),
        tx("发言", "speakers"),
        false,
    ),
    b(
        C::Meeting,
        &[K::Char('4')],
        A::GoTo(S::Vote),
        tx("表决", "vote"),
        false,
    ),
    b(
        C::Meeting,
        &[K::Char('5')],
        A::GoTo(S::Notice),
        tx("公示", "notice"),
        false,
    ),
    b(
        C::Meeting,
        &[K::Char('6')],
        A::GoTo(S::Minutes),
        tx("纪要", "minutes"),
        false,
    ),
    b(
        C::Meeting,
        &[K::Tab],
        A::NextScreen,
        tx("下一屏", "next screen"),
        false,
    ),
    b(
        C::Meeting,
        &[K::BackTab],
        A::PrevScreen,
        tx("上一屏", "previous screen"),
        false,
    ),
    b(
        C::Meeting,
        &[K::Char('?')],
        A::Help,
        tx("帮助：全部按键", "help: every key"),
        true,
    ),
    b(
        C::Meeting,
        &[K::Char('t')],
        A::CycleTheme,
        tx("切换配色", "next theme"),
        false,
    ),
    b(
        C::Meeting,
        &[K::Char('L')],
        A::ToggleLang,
        tx("中文 / English", "English / 中文"),
        false,
    ),
    b(
        C::Meeting,
        &[K::Char('q')],
        A::Quit,
        tx("退出（随时自动保存）", "quit (saved as you go)"),
        true,
    ),
    b(
        C::Meeting,
        &[K::Ctrl('c')],
        A::ForceQuit,
        tx("立即保存并退出", "save and quit now"),
        false,
    ),
    // Home.
    b(C::Home, &[K::Enter], A::Open, tx("打开", "open"), true),
    b(C::Home, &[K::Char('?')], A::Help, tx("帮助", "help"), true),
    b(
        C::Home,
        &[K::Char('t')],
        A::CycleTheme,
        tx("切换配色", "next theme"),
        false,
    ),
    b(
        C::Home,
        &[K::Char('L')],
        A::ToggleLang,
        tx("中文 / English", "English / 中文"),
        false,
    ),
    b(
        C::Home,
        &[K::Char('q'), K::Esc],
        A::Quit,
        tx("退出", "quit"),
        true,
    ),
    b(
        C::Home,
        &[K::Ctrl('c')],
        A::ForceQuit,
        tx("退出", "quit"),
        false,
    ),
    // Archive.
    b(
        C::Archive,
        &[K::Char('/')],
        A::Search,
        tx("搜索（逐字筛选）", "search as you type"),
        true,
    ),
    b(
        C::Archive,
        &[K::Enter],
        A::Open,
        tx("查看纪要 / 时间线", "read the minutes / timeline"),
        true,
    ),
    b(
        C::Archive,
        &[K::Char('e')],
        A::Export,
        tx("导出纪要或公示", "export minutes or notice"),
        true,
    ),
    b(
        C::Archive,
        &[K::Char('f')],
        A::Filter,
        tx(
            "筛选（小区、日期、状态）",
            "filter (compound, dates, state)",
        ),
        true,
    ),
    b(
        C::Archive,
        &[K::Char('c')],
        A::ClearFilter,
        tx("清除搜索和筛选", "clear search and filter"),
        false,
    ),
    b(
        C::Archive,
        &[K::Char('s')],
        A::SortNext,
        tx("按下一列排序", "sort by the next column"),
        true,
    ),
    b(
        C::Archive,
        &[K::Char('r')],
        A::SortReverse,
        tx("反向排序", "reverse the order"),
        false,
    ),
    b(
        C::Archive,
        &[K::Char('u')],
        A::Refresh,
        tx("重新核对文件夹", "check the folder again"),
        false,
    ),
    b(
        C::Archive,
        &[K::Char('1')],
        A::Tab(0),
        tx("全部纪要", "all minutes"),
        false,
    ),
    b(
        C::Archive,
        &[K::Char('2')],
        A::Tab(1),
        tx("公示中", "notices running"),
        false,
    ),
    b(
        C::Archive,
        &[K::Char('3')],
        A::Tab(2),
        tx("已生效的决定", "decisions in force"),
        false,
    ),
    b(
        C::Archive,
        &[K::Char('4')],
        A::Tab(3),
        tx("逾期的落实事项", "overdue tasks"),
        false,
    ),
    b(
        C::Archive,
        &[K::Char('5')],
        A::Tab(4),
        tx("未结议题", "open topics"),
        false,
    ),
    b(
        C::Archive,
        &[K::Char('6')],
        A::Tab(5),
        tx("议题脉络与时间线", "topic threads and timelines"),
        false,
    ),
    b(
        C::Archive,
        &[K::Char('?')],
        A::Help,
        tx("帮助", "help"),
        true,
    ),
    b(
        C::Archive,
        &[K::Char('t')],
        A::CycleTheme,
        tx("切换配色", "next theme"),
        false,
    ),
    b(
        C::Archive,
        &[K::Char('L')],
        A::ToggleLang,
        tx("中文 / English", "English / 中文"),
        false,
    ),
    b(C::Archive, &[K::Esc], A::Cancel, tx("返回", "back"), false),
    b(
        C::Archive,
        &[K::Char('q')],
        A::Quit,
        tx("返回 / 退出", "back / quit"),
        true,
    ),
    b(
        C::Archive,
        &[K::Ctrl('c')],
        A::ForceQuit,
        tx("退出", "quit"),
        false,
    ),
    // Popups.
    b(
        C::Popup,
        &[K::Enter],
        A::Submit,
        tx("确定", "confirm"),
        true,
    ),
    b(C::Popup, &[K::Esc], A::Cancel, tx("取消", "cancel"), true),
    b(
        C::Popup,
        &[K::Tab],
        A::NextField,
        tx("下一项", "next field"),
        true,
    ),
    b(
        C::Popup,
        &[K::BackTab],
        A::PrevField,
        tx("上一项", "previous field"),
        false,
    ),
    b(
        C::Popup,
        &[K::Down],
        A::Down,
        tx("下移", "move down"),
        false,
    ),
    b(C::Popup, &[K::Up], A::Up, tx("上移", "move up"), false),
    b(
        C::Popup,
        &[K::Right],
        A::OptionNext,
        tx("下一个选项", "next option"),
        false,
    ),
    b(
        C::Popup,
        &[K::Left],
        A::OptionPrev,
        tx("上一个选项", "previous option"),
        false,
    ),
    b(
        C::Popup,
        &[K::Space],
        A::Toggle,
        tx("选中 / 取消", "tick / untick"),
        false,
    ),
    b(
        C::Popup,
        &[K::Ctrl('c')],
        A::ForceQuit,
        tx("立即保存并退出", "save and quit now"),
        false,
    ),
    // Yes/no questions.
    b(
        C::Confirm,
        &[K::Char('y'), K::Enter],
        A::Yes,
        tx("是", "yes"),
        true,
    ),
    b(
        C::Confirm,
        &[K::Char('n'), K::Esc],
        A::No,
        tx("否", "no"),
        true,
    ),
    b(
        C::Confirm,
        &[K::Ctrl('c')],
        A::ForceQuit,
        tx("立即保存并退出", "save and quit now"),
        false,
    ),
];

/// The list-movement bindings, shared by every screen with a list.
pub fn list_bindings() -> impl Iterator<Item = (&'static [Key], Action, Tx)> {
    LIST_KEYS.iter().copied()
}

/// The action of a key in a context, if any. Screen bindings come first,
/// then list movement (for screens and the home/archive lists), then the
/// bindings of every meeting screen.
pub fn action_for(ctx: Context, ev: &KeyEvent) -> Option<Action> {
    let in_ctx = |c: Context| {
        BINDINGS
            .iter()
            .filter(move |bd| bd.ctx == c)
            .find(|bd| bd.keys.iter().any(|k| k.matches(ev)))
            .map(|bd| bd.action)
    };
    if let Some(a) = in_ctx(ctx) {
        return Some(a);
    }
    if matches!(ctx, Context::Screen(_) | Context::Home | Context::Archive)
        && let Some((_, a, _)) = LIST_KEYS
            .iter()
            .find(|(keys, _, _)| keys.iter().any(|k| k.matches(ev)))
    {
        return Some(*a);
    }
    match ctx {
        Context::Screen(_) => in_ctx(Context::Meeting),
        _ => None,
    }
}

/// The bindings shown in the foot hints of a context.
pub fn hints(ctx: Context) -> Vec<&'static Binding> {
    let mut out: Vec<&Binding> = BINDINGS.iter().filter(|b| b.ctx == ctx && b.hint).collect();
    if let Context::Screen(_) = ctx {
        out.extend(
            BINDINGS
                .iter()
                .filter(|b| b.ctx == Context::Meeting && b.hint),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn screen_keys_win_over_meeting_keys_and_lists_move() {
        let roster = Context::Screen(ScreenId::Roster);
        assert_eq!(
            action_for(roster, &key(KeyCode::Char(' '))),
            Some(Action::ToggleCheckIn)
        );
        assert_eq!(
            action_for(roster, &key(KeyCode::Char('4'))),
            Some(Action::GoTo(ScreenId::Vote))
        );
        assert_eq!(action_for(roster, &key(KeyCode::Down)), Some(Action::Down));
        assert_eq!(action_for(roster, &key(KeyCode::Char('y'))), None);
        let vote = Context::Screen(ScreenId::Vote);
        assert_eq!(
            action_for(vote, &key(KeyCode::Char('y'))),
            Some(Action::BallotYes)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(vote, &ctrl_c), Some(Action::ForceQuit));
        assert_eq!(
            action_for(vote, &key(KeyCode::Char('c'))),
            Some(Action::CloseVote)
        );
        let shift_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(action_for(vote, &shift_tab), Some(Action::PrevScreen));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for bnd in &BINDINGS[..i] {
                let overlapping = a.ctx == bnd.ctx && a.keys.iter().any(|k| bnd.keys.contains(k));
                assert!(!overlapping, "{:?} bound twice in {:?}", a.keys, a.ctx);
            }
            // A screen key must not hide a meeting-wide key either.
            if let Context::Screen(_) = a.ctx {
                for m in BINDINGS.iter().filter(|m| m.ctx == Context::Meeting) {
                    assert!(
                        !a.keys.iter().any(|k| m.keys.contains(k)),
                        "{:?} hides {:?}",
                        a.keys,
                        m.action
                    );
                }
            }
        }
    }

    #[test]
    fn every_screen_has_hints_that_include_help_and_quit() {
        for s in ScreenId::ALL {
            let h = hints(Context::Screen(s));
            assert!(h.iter().any(|b| b.action == Action::Help));
            assert!(h.iter().any(|b| b.action == Action::Quit));
        }
    }

    #[test]
    fn arrow_keys_are_spelled_out() {
        assert_eq!(Key::Up.label(Lang::Zh), "上");
        assert_eq!(Key::Down.label(Lang::En), "Down");
        assert_eq!(Key::Ctrl('c').label(Lang::En), "Ctrl-C");
    }
}
