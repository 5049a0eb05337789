//! The minutes (会议纪要) as a document, with every section of DOMAIN.md.

use super::document::{Block, Doc};
use crate::domain::decision::{CostSplit, Decision};
use crate::domain::notice::{NoticeState, Remaining, RestDays};
use crate::domain::roster::{Attendance, Attendee};
use crate::domain::vote::verdict::{amount, measure_name};
use crate::domain::vote::{Ballots, Choice, Measure, Vote, VoteMethod};
use crate::domain::{Minutes, Timestamp};
use crate::i18n::{self, Label, Lang, cn_number, tx};

/// Build the minutes of a meeting. `now` decides the notice state shown.
pub fn minutes_doc(m: &Minutes, lang: Lang, now: Timestamp) -> Doc {
    let mut doc = Doc::new(minutes_title(m, lang));
    doc.subtitle = m.meeting.series.as_ref().map(|s| {
        lang.choose(
            format!("{} · 第{}次", s.name, s.ordinal),
            format!("{} · meeting no. {}", s.name, s.ordinal),
        )
    });
    let mut s = Sections {
        doc: &mut doc,
        n: 0,
        lang,
    };
    meeting_section(&mut s, m);
    attendance_section(&mut s, m);
    topics_section(&mut s, m);
    speeches_section(&mut s, m);
    votes_section(&mut s, m);
    decisions_section(&mut s, m);
    notice_section(&mut s, m, now);
    signatures_section(&mut s, m);
    doc
}

/// `北苑居小区第三次听证协商会会议纪要`.
pub fn minutes_title(m: &Minutes, lang: Lang) -> String {
    let t = m.meeting.title.trim();
    match lang {
        Lang::Zh if t.ends_with("纪要") => t.to_string(),
        Lang::Zh => format!("{t}会议纪要"),
        Lang::En => format!("Minutes: {t}"),
    }
}

struct Sections<'a> {
    doc: &'a mut Doc,
    n: usize,
    lang: Lang,
}

impl Sections<'_> {
    fn heading(&mut self, zh: &str, en: &str) {
        self.n += 1;
        let text = match self.lang {
            Lang::Zh => format!("{}、{zh}", cn_number(self.n)),
            Lang::En => format!("{}. {en}", self.n),
        };
        self.doc.push(Block::Heading(text));
    }

    fn push(&mut self, b: Block) {
        self.doc.push(b);
    }

    fn t(&self, zh: &'static str, en: &'static str) -> String {
        self.lang.pick(tx(zh, en)).to_string()
    }
}

fn field(k: String, v: String) -> (String, String) {
    (k, v)
}

fn meeting_section(s: &mut Sections<'_>, m: &Minutes) {
    let lang = s.lang;
    let mt = &m.meeting;
    s.heading("会议基本情况", "The meeting");
    let time = match (mt.actual_start, mt.actual_end) {
        (Some(a), Some(b)) => format!("{}—{}", i18n::date_time(a, lang), i18n::time(b)),
        (Some(a), None) => format!("{}{}", i18n::date_time(a, lang), s.t(" 起", " onwards")),
        _ => format!(
            "{}{}",
            i18n::date_time(mt.planned_start, lang),
            s.t("（计划）", " (planned)")
        ),
    };
    let mut fields = vec![
        field(s.t("会议名称", "Meeting"), mt.title.clone()),
        field(s.t("会议形式", "Form"), mt.kind.label(lang).to_string()),
    ];
    if let Some(series) = &mt.series {
        fields.push(field(
            s.t("次序", "In series"),
            lang.choose(
                format!("第{}次（{}）", series.ordinal, series.name),
                format!("no. {} ({})", series.ordinal, series.name),
            ),
        ));
    }
    fields.extend([
        field(
            s.t("社区 / 小区", "Community"),
            format!("{} {}", mt.community, mt.compound)
                .trim()
                .to_string(),
        ),
        field(s.t("时间", "Time"), time),
        field(s.t("地点", "Place"), mt.place.clone()),
        field(s.t("召集人", "Convener"), mt.convener.clone()),
        field(s.t("主持人", "Facilitator"), mt.facilitator.clone()),
        field(s.t("记录人", "Recorder"), mt.recorder.clone()),
        field(s.t("会议状态", "State"), mt.state.label(lang).to_string()),
    ]);
    s.push(Block::Fields(fields));
    if let Some(series) = &mt.series
        && !series.earlier.is_empty()
    {
        s.push(Block::Para(s.t("此前会议：", "Earlier meetings:")));
        s.push(Block::List(
            series
                .earlier
                .iter()
                .map(|r| format!("{} {}", i18n::date(r.date, lang), r.title))
                .collect(),
        ));
    }
}

fn attendance_cell(a: &Attendee, lang: Lang) -> String {
    match &a.attendance {
        Attendance::Expected => lang.pick(a.attendance.tx()).into(),
        Attendance::Present { checked_in } => lang.choose(
            format!("出席（{} 签到）", i18n::time(*checked_in)),
            format!("present (in at {})", i18n::time(*checked_in)),
        ),
        Attendance::Absent { reason } if reason.is_empty() => lang.pick(a.attendance.tx()).into(),
        Attendance::Absent { reason } => {
            lang.choose(format!("缺席：{reason}"), format!("absent: {reason}"))
        }
        Attendance::LeftEarly { left, .. } => lang.choose(
            format!("中途离会（{}）", i18n::time(*left)),
            format!("left early ({})", i18n::time(*left)),
        ),
    }
}

fn attendance_section(s: &mut Sections<'_>, m: &Minutes) {
    let lang = s.lang;
    s.heading("出席情况", "Attendance");
    let a = m.attendance();
    let mut text = match a.head_count {
        Some(h) => lang.choose(
            format!(
                "现场清点：应到 {} 人，实到 {} 人，出席率 {}%。名单所列 {} 人中出席 {} 人。",
                h.expected,
                h.present,
                (u64::from(h.present) * 100).checked_div(u64::from(h.expected)).unwrap_or(0),
                a.expected,
                a.present
            ),
            format!(
                "Counted at the door: {} entitled, {} present, attendance {}%. Of the {} named below, {} were present.",
                h.expected,
                h.present,
                (u64::from(h.present) * 100).checked_div(u64::from(h.expected)).unwrap_or(0),
                a.expected,
                a.present
            ),
        ),
        None => lang.choose(
            format!(
                "应到 {} 人，实到 {} 人，缺席 {} 人，出席率 {}%。",
                a.expected,
                a.present,
                a.absent,
                a.percent_present()
            ),
            format!(
                "Expected {}, present {}, absent {}, attendance {}%.",
                a.expected,
                a.present,
                a.absent,
                a.percent_present()
            ),
        ),
    };
    if a.left_early > 0 {
        text.push_str(&lang.choose(
            format!("中途离会 {} 人。", a.left_early),
            format!(" {} left early.", a.left_early),
        ));
    }
    if a.households_expected > 0 {
        text.push_str(&lang.choose(
            format!(
                "出席者代表 {} 户（名单共 {} 户）。",
                a.households_present, a.households_expected
            ),
            format!(
                " Those present represent {} households (of {} on the roster).",
                a.households_present, a.households_expected
            ),
        ));
    }
    match a.quorum_met {
        Some(true) => text.push_str(&s.t("已达到法定人数。", " The meeting is quorate.")),
        Some(false) => text.push_str(&s.t("未达到法定人数。", " The meeting is not quorate.")),
        None => {}
    }
    let required = &m.meeting.attendance_rule.required_roles;
    if !required.is_empty() {
        if a.missing_roles.is_empty() {
            let all = if required.len() > 1 { "均" } else { "" };
            text.push_str(&lang.choose(
                format!(
                    "{}{all}已出席。",
                    lang.join(required.iter().map(|r| r.label(lang)))
                ),
                format!(
                    " Required: {}, all present.",
                    lang.join(required.iter().map(|r| r.label(lang)))
                ),
            ));
        } else {
            text.push_str(&lang.choose(
                format!(
                    "缺少：{}。",
                    lang.join(a.missing_roles.iter().map(|r| r.label(lang)))
                ),
                format!(
                    " Missing: {}.",
                    lang.join(a.missing_roles.iter().map(|r| r.label(lang)))
                ),
            ));
        }
    }
    s.push(Block::Para(text));
    let head = vec![
        s.t("姓名", "Name"),
        s.t("身份", "Role"),
        s.t("单位 / 代表", "Represents"),
        s.t("户数", "Households"),
        s.t("出席", "Attendance"),
    ];
    let rows = m
        .roster
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                p.role.label(lang).to_string(),
                p.affiliation.clone(),
                if p.households > 0 {
                    p.households.to_string()
                } else {
                    String::new()
                },
                attendance_cell(p, lang),
            ]
        })
        .collect();
    s.push(Block::Table { head, rows });
    let sitting_in: Vec<String> = m
        .roster
        .iter()
        .filter(|p| p.role.is_attending_body() && p.is_present())
        .map(|p| format!("{}（{}）", p.name, p.affiliation))
        .collect();
    if !sitting_in.is_empty() {
        s.push(Block::Para(format!(
            "{}{}",
            s.t("列席：", "Sitting in: "),
            lang.join(&sitting_in)
        )));
    }
}

fn topics_section(s: &mut Sections<'_>, m: &Minutes) {
    let lang = s.lang;
    s.heading("议题", "Topics");
    if m.agenda.is_empty() {
        s.push(Block::Para(s.t("无议题。", "No topics.")));
        return;
    }
    let scored = m.agenda.iter().any(|t| t.scores.is_some());
    let mut head = vec![
        s.t("序号", "No."),
        s.t("议题", "Topic"),
        s.t("来源", "Source"),
    ];
    if scored {
        head.push(s.t("重要/紧急/可行", "Imp./Urg./Feas."));
    }
    head.extend([s.t("计划时长", "Time box"), s.t("状态", "State")]);
    let rows = m
        .agenda
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut row = vec![
                (i + 1).to_string(),
                t.title.clone(),
                t.source.label(lang).into(),
            ];
            if scored {
                row.push(t.scores.map_or(String::new(), |sc| {
                    format!("{}/{}/{}", sc.importance, sc.urgency, sc.feasibility)
                }));
            }
            row.push(if t.planned_minutes > 0 {
                lang.choose(
                    format!("{} 分钟", t.planned_minutes),
                    format!("{} min", t.planned_minutes),
                )
            } else {
                String::new()
            });
            row.push(t.state.label(lang).into());
            row
        })
        .collect();
    s.push(Block::Table { head, rows });
    for (i, t) in m.agenda.iter().enumerate() {
        let has_detail =
            !t.background.is_empty() || t.carried_from.is_some() || !t.materials.is_empty();
        if !has_detail {
            continue;
        }
        s.push(Block::Subheading(lang.choose(
            format!("议题{}：{}", cn_number(i + 1), t.title),
            format!("Topic {}: {}", i + 1, t.title),
        )));
        if !t.background.is_empty() {
            s.push(Block::Para(t.background.clone()));
        }
        let mut facts = Vec::new();
        if let Some(from) = &t.carried_from {
            facts.push(field(
                s.t("延续自", "Carried over from"),
                format!("{} {}", i18n::date(from.date, lang), from.title),
            ));
        }
        for mat in &t.materials {
            let when = mat.sent_on.map(|d| i18n::date(d, lang)).unwrap_or_default();
            let to = if mat.sent_to.is_empty() {
                String::new()
            } else {
                lang.choose(
                    format!("送达{}", mat.sent_to),
                    format!("to {}", mat.sent_to),
                )
            };
            facts.push(field(
                s.t("会前材料", "Material sent"),
                format!("{}（{}）", mat.title, [when, to].join(" ").trim()),
            ));
        }
        if !facts.is_empty() {
            s.push(Block::Fields(facts));
        }
    }
}

fn speaker_line(m: &Minutes, sp: &crate::domain::speech::Speech, lang: Lang) -> String {
    let who = match m.attendee(sp.speaker) {
        Some(a) if a.affiliation.is_empty() => format!("{}（{}）", a.name, a.role.label(lang)),
        Some(a) => format!("{}（{}，{}）", a.name, a.role.label(lang), a.affiliation),
        None => format!("#{}", sp.speaker),
    };
    format!(
        "{} {}【{}】{}（{}）",
        i18n::time(sp.start),
        who,
        sp.stance.label(lang),
        sp.summary,
        i18n::duration(sp.duration_secs, lang)
    )
}

fn speeches_section(s: &mut Sections<'_>, m: &Minutes) {
    let lang = s.lang;
    s.heading("发言摘要", "Speeches");
    if m.speeches.is_empty() {
        s.push(Block::Para(s.t("无发言记录。", "No speeches recorded.")));
        return;
    }
    for topic in &m.agenda {
        let lines: Vec<String> = m
            .speeches
            .iter()
            .filter(|sp| sp.topic == Some(topic.id))
            .map(|sp| speaker_line(m, sp, lang))
            .collect();
        if !lines.is_empty() {
            s.push(Block::Subheading(topic.title.clone()));
            s.push(Block::List(lines));
        }
    }
    let other: Vec<String> = m
        .speeches
        .iter()
        .filter(|sp| sp.topic.is_none_or(|t| m.topic(t).is_none()))
        .map(|sp| speaker_line(m, sp, lang))
        .collect();
    if !other.is_empty() {
        s.push(Block::Subheading(s.t("其他发言", "Other speeches")));
        s.push(Block::List(other));
    }
}

/// The measures a vote's rule counts, head count always first.
pub fn vote_measures(vote: &Vote) -> Vec<Measure> {
    let mut out = vec![Measure::Heads];
    for m in [Measure::Households, Measure::Area] {
        if vote
            .rule
            .quorum
            .iter()
            .chain(&vote.rule.pass)
            .any(|c| c.measure == m)
        {
            out.push(m);
        }
    }
    out
}

fn votes_section(s: &mut Sections<'_>, m: &Minutes) {
    let lang = s.lang;
    s.heading("表决情况", "Votes");
    if m.votes.is_empty() {
        s.push(Block::Para(
            s.t("本次会议未进行表决。", "No vote was taken."),
        ));
        return;
    }
    for (i, vote) in m.votes.iter().enumerate() {
        s.push(Block::Subheading(lang.choose(
            format!("表决{}：{}", cn_number(i + 1), vote.question),
            format!("Vote {}: {}", i + 1, vote.question),
        )));
        let mut fields = vec![
            field(
                s.t("表决规则", "Rule"),
                format!(
                    "{}（{}）",
                    vote.rule.name.get(lang),
                    vote.rule.source.get(lang)
                ),
            ),
            field(s.t("表决方式", "Method"), vote.method.label(lang).into()),
        ];
        if let Some(opened) = vote.opened {
            let span = match vote.closed {
                Some(c) => format!("{}—{}", i18n::date_time(opened, lang), i18n::time(c)),
                None => format!(
                    "{}{}",
                    i18n::date_time(opened, lang),
                    s.t(" 起（进行中）", " (open)")
                ),
            };
            fields.push(field(s.t("表决时间", "Time"), span));
        }
        s.push(Block::Fields(fields));
        if let Ok(j) = vote.judge() {
            let measures = vote_measures(vote);
            let mut head = vec![s.t("项目", "")];
            head.extend(
                measures
                    .iter()
                    .map(|&ms| measure_name(ms, lang).to_string()),
            );
            let t = &j.tally;
            let rows_src = [
                (tx("应到", "Entitled"), t.base),
                (tx("出席", "Present"), t.present),
                (tx("赞成", "Yes"), t.yes),
                (tx("反对", "No"), t.no),
                (tx("弃权", "Abstain"), t.abstain),
            ];
            let mut rows: Vec<Vec<String>> = rows_src
                .iter()
                .map(|(label, a)| {
                    let mut r = vec![lang.pick(*label).to_string()];
                    r.extend(measures.iter().map(|&ms| amount(ms, a.get(ms), lang)));
                    r
                })
                .collect();
            let mut nv = vec![s.t("未投票", "Not voting")];
            nv.extend(
                measures
                    .iter()
                    .map(|&ms| amount(ms, t.not_voting(ms), lang)),
            );
            rows.push(nv);
            s.push(Block::Table { head, rows });
        }
        if let (Ballots::Named(list), VoteMethod::Named) = (vote.current_ballots(), vote.method) {
            let names = |c: Choice| -> Vec<String> {
                list.iter()
                    .filter(|b| b.choice == c)
                    .map(|b| m.attendee_name(b.voter))
                    .collect()
            };
            let items: Vec<String> = [Choice::Yes, Choice::No, Choice::Abstain, Choice::NotVoting]
                .into_iter()
                .filter_map(|c| {
                    let n = names(c);
                    (!n.is_empty()).then(|| format!("{}：{}", c.label(lang), lang.join(n)))
                })
                .collect();
            if !items.is_empty() {
                s.push(Block::List(items));
            }
        }
        let result = match (vote.current_verdict(), vote.judge()) {
            (_, Ok(j)) if vote.is_closed() => format!(
                "{}{}。{}",
                s.t("表决结果：", "Result: "),
                j.outcome.label(lang),
                j.explain(lang)
            ),
            (_, Ok(j)) => format!(
                "{}{}",
                s.t("表决尚未结束，目前：", "The vote is still open; so far: "),
                j.explain(lang)
            ),
            (Some(v), Err(_)) => format!("{}{}", s.t("表决结果：", "Result: "), v.explanation),
            (None, Err(e)) => format!(
                "{}{}",
                s.t("无法计票：", "Cannot be counted: "),
                e.message(lang)
            ),
        };
        s.push(Block::Para(result));
        if !vote.corrections.is_empty() {
            s.push(Block::List(
                vote.corrections
                    .iter()
                    .map(|c| {
                        lang.choose(
                            format!(
                                "更正（{}）：{}。更正后结果：{}",
                                i18n::date_time(c.at, lang),
                                c.reason,
                                c.verdict.explanation
                            ),
                            format!(
                                "Correction ({}): {}. Result after correction: {}",
                                i18n::date_time(c.at, lang),
                                c.reason,
                                c.verdict.explanation
                            ),
                        )
                    })
                    .collect(),
            ));
        }
    }
}

/// `每年 9,240 元，按户均摊` / `9,240 yuan a year, split equally per household`.
pub fn money_text(d: &Decision, lang: Lang) -> Option<String> {
    let money = d.money.as_ref()?;
    Some(lang.choose(
        format!(
            "{} {} 元，{}",
            money.period.label(lang),
            i18n::yuan(money.fen()),
            money.split.label(lang)
        ),
        format!(
            "{} yuan {}, {}",
            i18n::yuan(money.fen()),
            money.period.label(lang),
            money.split.label(lang)
        ),
    ))
}

fn decisions_section(s: &mut Sections<'_>, m: &Minutes) {
    let lang = s.lang;
    s.heading("决定事项", "Decisions");
    if m.decisions.is_empty() {
        s.push(Block::Para(
            s.t("本次会议未形成决定。", "No decision was made."),
        ));
        return;
    }
    for (i, d) in m.decisions.iter().enumerate() {
        s.push(Block::Subheading(lang.choose(
            format!("决定{}（{}）", cn_number(i + 1), d.nature.label(lang)),
            format!("Decision {} ({})", i + 1, d.nature.label(lang)),
        )));
        s.push(Block::Para(d.text.clone()));
        let mut fields = Vec::new();
        let topics: Vec<&str> = d
            .topics
            .iter()
            .filter_map(|t| m.topic(*t))
            .map(|t| t.title.as_str())
            .collect();
        if !topics.is_empty() {
            fields.push(field(s.t("议题", "Topics"), lang.join(topics)));
        }
        let basis = match d.vote.and_then(|v| m.votes.iter().find(|x| x.id == v)) {
            Some(vote) => {
                let outcome = vote
                    .current_verdict()
                    .map(|v| v.outcome.label(lang))
                    .unwrap_or_default();
                format!(
                    "{}{}（{}，{}）",
                    s.t("经表决", "Voted under "),
                    vote.rule.name.get(lang),
                    vote.rule.source.get(lang),
                    outcome
                )
            }
            None => d.basis.clone(),
        };
        if !basis.is_empty() {
            fields.push(field(s.t("依据", "Basis"), basis));
        }
        if let (Some(money), Some(text)) = (&d.money, money_text(d, lang)) {
            fields.push(field(s.t("费用", "Amount"), text));
            if !money.purpose.is_empty() {
                fields.push(field(s.t("用途", "Purpose"), money.purpose.clone()));
            }
            if !money.collector.is_empty() {
                fields.push(field(s.t("收取人", "Collector"), money.collector.clone()));
            }
            if !money.collection.is_empty() {
                fields.push(field(
                    s.t("收取方式", "Collection"),
                    money.collection.clone(),
                ));
            }
        }
        if !d.responsible.is_empty() {
            fields.push(field(s.t("责任人", "Responsible"), d.responsible.clone()));
        }
        if let Some(deadline) = d.deadline {
            fields.push(field(
                s.t("完成时限", "Deadline"),
                i18n::date(deadline, lang),
            ));
        }
        s.push(Block::Fields(fields));
        if let Some(split) = d
            .money
            .as_ref()
            .and_then(|money| CostSplit::compute(money, &m.roster))
        {
            let per = d
                .money
                .as_ref()
                .map(|x| x.period.label(lang))
                .unwrap_or_default();
            let mut text = lang.choose(
                format!(
                    "按 {} 户均摊，每户{} {} 元。",
                    split.households,
                    per,
                    i18n::yuan(split.per_household_fen)
                ),
                format!(
                    "Split over {} households: {} yuan per household {}.",
                    split.households,
                    i18n::yuan(split.per_household_fen),
                    per
                ),
            );
            if split.surplus_fen > 0 {
                text.push_str(&lang.choose(
                    format!(
                        "（尾数进位，合计多收 {} 元）",
                        i18n::yuan(split.surplus_fen)
                    ),
                    format!(
                        " (rounded up: {} yuan over the total)",
                        i18n::yuan(split.surplus_fen)
                    ),
                ));
            }
            s.push(Block::Para(text));
            s.push(Block::Table {
                head: vec![
                    s.t("单元", "Unit"),
                    s.t("收取人", "Collector"),
                    s.t("户数", "Households"),
                    s.t("金额（元）", "Amount (yuan)"),
                ],
                rows: split
                    .per_unit
                    .iter()
                    .map(|u| {
                        vec![
                            u.unit.clone(),
                            u.collector.clone(),
                            u.households.to_string(),
                            i18n::yuan(u.fen),
                        ]
                    })
                    .collect(),
            });
        }
        if !d.tasks.is_empty() {
            s.push(Block::Para(s.t("落实事项：", "Follow-up tasks:")));
            s.push(Block::Table {
                head: vec![
                    s.t("事项", "Task"),
                    s.t("负责人", "Owner"),
                    s.t("期限", "Due"),
                    s.t("状态", "Status"),
                ],
                rows: d
                    .tasks
                    .iter()
                    .map(|t| {
                        let status = match t.status {
                            crate::domain::decision::TaskStatus::Done { on } => {
                                format!("{} {}", lang.pick(t.status.tx()), i18n::short_date(on))
                            }
                            other => lang.pick(other.tx()).to_string(),
                        };
                        vec![
                            t.title.clone(),
                            t.owner.clone(),
                            i18n::short_date(t.due),
                            status,
                        ]
                    })
                    .collect(),
            });
        }
        if !d.dissent.is_empty() {
            s.push(Block::Para(
                s.t("不同意见及处理：", "Dissent and how it was handled:"),
            ));
            s.push(Block::List(
                d.dissent
                    .iter()
                    .map(|x| {
                        let view = i18n::sentence(&x.view, lang);
                        if x.handling.is_empty() {
                            format!("{}：{view}", x.who)
                        } else {
                            lang.choose(
                                format!(
                                    "{}：{view}处理：{}",
                                    x.who,
                                    i18n::sentence(&x.handling, lang)
                                ),
                                format!(
                                    "{}: {view} Handled: {}",
                                    x.who,
                                    i18n::sentence(&x.handling, lang)
                                ),
                            )
                        }
                    })
                    .collect(),
            ));
        }
        if let Some(e) = &d.evaluation {
            let pct = e.percent().map(|p| format!("{p}%")).unwrap_or_default();
            s.push(Block::Para(lang.choose(
                format!(
                    "居民评议（{}）：{} 人中 {} 人满意，满意度 {}。{}",
                    i18n::date(e.reported_on, lang),
                    e.respondents,
                    e.satisfied,
                    pct,
                    e.note
                ),
                format!(
                    "Residents' evaluation ({}): {} of {} satisfied, {}. {}",
                    i18n::date(e.reported_on, lang),
                    e.satisfied,
                    e.respondents,
                    pct,
                    e.note
                ),
            )));
        }
    }
}

/// The state of a notice in words, with the countdown or the date it took
/// effect: `公示中，剩余 3 天 4 小时（至 2016年3月23日 24 时）`.
pub fn notice_state_text(state: NoticeState, now: Timestamp, lang: Lang) -> String {
    let label = lang.pick(state.status().tx());
    match state {
        NoticeState::Running { ends, .. } => {
            let r = Remaining::between(now, ends);
            let last = i18n::date((ends - chrono::TimeDelta::days(1)).date_naive(), lang);
            lang.choose(
                format!(
                    "{label}，剩余 {} 天 {} 小时 {} 分（至 {last} 24 时）",
                    r.days, r.hours, r.minutes
                ),
                format!(
                    "{label}, {} d {} h {} min left (until the end of {last})",
                    r.days, r.hours, r.minutes
                ),
            )
        }
        NoticeState::InForce { since } => lang.choose(
            format!("{label}（{} 起）", i18n::date(since.date_naive(), lang)),
            format!("{label} (since {})", i18n::date(since.date_naive(), lang)),
        ),
        _ => label.to_string(),
    }
}

fn notice_section(s: &mut Sections<'_>, m: &Minutes, now: Timestamp) {
    let lang = s.lang;
    s.heading("公示与实施", "Public notice and implementation");
    if m.notices.is_empty() {
        s.push(Block::Para(s.t(
            "本次会议的决定未安排公示。",
            "No notice has been posted for this meeting's decisions.",
        )));
    }
    let rest = RestDays::weekends();
    for n in &m.notices {
        s.push(Block::Subheading(n.title.clone()));
        let mut fields = vec![field(s.t("公示期", "Period"), n.period.describe(lang))];
        if let (Some(at), Some(last)) = (n.posted_at(), n.last_day(&rest)) {
            fields.push(field(s.t("张贴时间", "Posted"), i18n::date_time(at, lang)));
            fields.push(field(
                s.t("截止", "Ends"),
                lang.choose(
                    format!("{} 24 时", i18n::date(last, lang)),
                    format!("end of {}", i18n::date(last, lang)),
                ),
            ));
        }
        if !n.posted_where.is_empty() {
            fields.push(field(s.t("张贴地点", "Posted at"), n.posted_where.clone()));
        }
        fields.push(field(
            s.t("当前状态", "State"),
            notice_state_text(n.state_at(now, &rest), now, lang),
        ));
        s.push(Block::Fields(fields));
        let objections: Vec<String> = n
            .objections()
            .map(|o| {
                let handled = if o.handling.is_empty() {
                    s.t("（待处理）", "(pending)")
                } else {
                    lang.choose(
                        format!("处理：{}", i18n::sentence(&o.handling, lang)),
                        format!("Handled: {}", i18n::sentence(&o.handling, lang)),
                    )
                };
                format!(
                    "{} {}：{}{}",
                    i18n::date_time(o.at, lang),
                    o.by,
                    i18n::sentence(&o.content, lang),
                    handled
                )
            })
            .collect();
        if !objections.is_empty() {
            s.push(Block::Para(s.t("异议：", "Objections:")));
            s.push(Block::List(objections));
        }
    }
    let open_tasks = m
        .decisions
        .iter()
        .flat_map(|d| &d.tasks)
        .filter(|t| t.status == crate::domain::decision::TaskStatus::Open)
        .count();
    let total_tasks: usize = m.decisions.iter().map(|d| d.tasks.len()).sum();
    if total_tasks > 0 {
        s.push(Block::Para(lang.choose(
            format!("实施安排见“决定事项”所列落实事项，共 {total_tasks} 项，未完成 {open_tasks} 项。"),
            format!("Implementation follows the tasks listed under Decisions: {total_tasks} in all, {open_tasks} open."),
        )));
    }
}

fn signatures_section(s: &mut Sections<'_>, m: &Minutes) {
    let lang = s.lang;
    s.heading("签字", "Signatures");
    let present: Vec<&str> = m
        .roster
        .iter()
        .filter(|a| {
            matches!(
                a.attendance,
                Attendance::Present { .. } | Attendance::LeftEarly { .. }
            )
        })
        .map(|a| a.name.as_str())
        .collect();
    if !present.is_empty() {
        s.push(Block::Para(format!(
            "{}{}",
            s.t("参会人员：", "Attendees: "),
            lang.join(present)
        )));
    }
    s.push(Block::Signatures(vec![
        format!(
            "{}（{}）",
            s.t("主持人", "Facilitator"),
            m.meeting.facilitator
        ),
        format!("{}（{}）", s.t("记录人", "Recorder"), m.meeting.recorder),
        s.t("参会人员", "Attendees"),
    ]));
}
