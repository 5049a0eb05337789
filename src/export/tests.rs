use super::*;
use crate::domain::decision::{Decision, DecisionNature, Dissent, Money, Period, SplitMethod};
use crate::domain::fixture::{small_meeting, t};
use crate::domain::notice::{Notice, NoticeEvent, NoticePeriod};
use crate::domain::roster::Attendance;
use crate::domain::vote::{Ballot, Ballots, Choice, Electorate, RuleBook, Vote, VoteMethod, Voter};
use crate::text::width;

/// The small meeting, held: everyone checked in, a named vote of the three
/// unit heads, a decision with money, a one-week notice.
fn held_meeting() -> crate::domain::Minutes {
    let mut m = small_meeting();
    for a in &mut m.roster {
        a.attendance = Attendance::Present {
            checked_in: t("2016-03-15T14:20:00+08:00"),
        };
    }
    let rule = RuleBook::builtin()
        .get("household-majority")
        .unwrap()
        .clone();
    let mut vote = Vote {
        id: 1,
        topic: Some(1),
        question: "不再聘请物业公司，集资雇请保洁员".into(),
        rule,
        method: VoteMethod::Named,
        electorate: Electorate {
            voters: (3..=5)
                .map(|id| Voter {
                    attendee: id,
                    present: true,
                    households: 12,
                    area: None,
                })
                .collect(),
            base: None,
            present: None,
        },
        ballots: Ballots::Named(vec![
            Ballot {
                voter: 3,
                choice: Choice::Yes,
            },
            Ballot {
                voter: 4,
                choice: Choice::Yes,
            },
            Ballot {
                voter: 5,
                choice: Choice::No,
            },
        ]),
        opened: Some(t("2016-03-15T15:10:00+08:00")),
        closed: Some(t("2016-03-15T15:14:00+08:00")),
        verdict: None,
        corrections: vec![],
    };
    vote.verdict = Some(vote.judge().unwrap().verdict());
    m.votes.push(vote);
    m.decisions.push(Decision {
        id: 1,
        topics: vec![1],
        vote: Some(1),
        text: "小区不再聘请物业公司，由居民集资雇请保洁员一名。".into(),
        nature: DecisionNature::Binding,
        basis: String::new(),
        money: Some(Money {
            amount: 3960.0,
            period: Period::Yearly,
            split: SplitMethod::PerHousehold,
            collector: "各单元长".into(),
            collection: "每年三月上门收取".into(),
            purpose: "保洁员工资".into(),
        }),
        responsible: "孙晓梅".into(),
        deadline: None,
        tasks: vec![],
        dissent: vec![Dissent {
            who: "王桂芳".into(),
            view: "一楼住户认为按户均摊不合理。".into(),
            handling: "会后上门解释。".into(),
        }],
        evaluation: None,
    });
    m.notices.push(Notice {
        decisions: vec![1],
        title: "关于北苑居小区集资雇请保洁员的公示".into(),
        basis: "根据《中心广场社区居民议事协商规则》".into(),
        period: NoticePeriod::ONE_WEEK,
        rest_days: Default::default(),
        posted_where: "各单元楼道口公示栏".into(),
        objection_channel: "向本单元单元长或社区居委会反映。".into(),
        issuer: "中心广场社区居民委员会".into(),
        events: vec![NoticeEvent::Posted {
            at: t("2016-03-16T09:00:00+08:00"),
        }],
    });
    m
}

const NOW: &str = "2016-03-18T10:00:00+08:00";

#[test]
fn the_minutes_have_every_section_in_both_languages() {
    let m = held_meeting();
    let zh = minutes_doc::minutes_doc(&m, Lang::Zh, t(NOW));
    let headings: Vec<&str> = zh
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "一、会议基本情况",
            "二、出席情况",
            "三、议题",
            "四、发言摘要",
            "五、表决情况",
            "六、决定事项",
            "七、公示与实施",
            "八、签字"
        ]
    );
    let en = minutes_doc::minutes_doc(&m, Lang::En, t(NOW));
    let text = en.plain_text();
    for h in [
        "1. The meeting",
        "5. Votes",
        "7. Public notice and implementation",
        "8. Signatures",
    ] {
        assert!(text.contains(h), "missing {h}");
    }
    assert!(text.contains("Facilitator"));
    assert!(!text.contains("主持人：") && !text.contains("表决规则"));
}

#[test]
fn the_minutes_carry_the_numbers_the_verdict_and_the_split() {
    let m = held_meeting();
    let text = minutes_doc::minutes_doc(&m, Lang::Zh, t(NOW)).plain_text();
    assert!(text.contains("应到 5 人，实到 5 人"), "{text}");
    assert!(text.contains("赞成：赵秀兰、李建军"));
    assert!(text.contains("反对：王桂芳"));
    assert!(text.contains("赞成 24 户，超过出席 36 户的半数 — 通过"));
    // 3,960 yuan over 36 households = 110 yuan each; 1,320 per unit.
    assert!(text.contains("每年 3,960 元，按户均摊"));
    assert!(text.contains("每户每年 110 元"));
    assert!(text.contains("1号楼1单元 赵秀兰 12 1,320"));
    // User text ending with 。 gets no second one.
    assert!(text.contains("一楼住户认为按户均摊不合理。处理：会后上门解释。"));
    assert!(!text.contains("。。"));
    // On 2016-03-18 the notice runs until the end of 2016-03-23.
    assert!(
        text.contains("公示中，剩余 5 天 14 小时 0 分（至 2016年3月23日 24 时）"),
        "{text}"
    );
}

#[test]
fn the_notice_has_every_section() {
    let m = held_meeting();
    let docs = notice_doc::notice_docs(&m, Lang::Zh);
    assert_eq!(docs.len(), 1);
    let text = docs[0].plain_text();
    assert!(text.starts_with("关于北苑居小区集资雇请保洁员的公示"));
    assert!(text.contains("根据《中心广场社区居民议事协商规则》。中心广场社区北苑居小区于2016年3月15日在邻里会客厅召开"));
    assert!(text.contains("社区党组织代表、单元长、物业公司代表等 5 人参加"));
    assert!(text.contains("小区不再聘请物业公司，由居民集资雇请保洁员一名。"));
    assert!(text.contains("共 36 户，每户每年 110 元"));
    assert!(text.contains("表决结果（记名表决）：出席 36 户"));
    assert!(
        text.contains("公示期 7 日，自 2016年3月16日 张贴之次日起算，至 2016年3月23日 24 时止")
    );
    assert!(text.contains("公示地点：各单元楼道口公示栏"));
    assert!(text.contains("如有异议，请于 2016年3月23日 24 时前向本单元单元长或社区居委会反映。"));
    assert!(text.contains("公示期满无异议后施行。"));
    assert_eq!(
        docs[0].blocks.last(),
        Some(&Block::Closing(vec![
            "中心广场社区居民委员会".into(),
            "2016年3月16日".into()
        ]))
    );
}

#[test]
fn minutes_without_a_notice_export_no_notice() {
    let m = small_meeting();
    assert_eq!(
        export(&m, What::Notice, Format::Txt, Lang::Zh, t(NOW)),
        None
    );
    assert!(export(&m, What::Minutes, Format::Txt, Lang::Zh, t(NOW)).is_some());
}

#[test]
fn plain_text_fits_the_page_and_aligns_columns_by_display_width() {
    let m = held_meeting();
    let text = export(&m, What::Minutes, Format::Txt, Lang::Zh, t(NOW)).unwrap();
    for line in text.lines() {
        assert!(width(line) <= plain::PAGE_WIDTH, "too wide: {line}");
    }
    // In the roster table the household column starts at the same display
    // column on every row, whatever the width of the Chinese names before it.
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("单元长  ")).collect();
    assert_eq!(rows.len(), 3, "{text}");
    let col = |l: &str| width(&l[..l.find("12").unwrap()]);
    assert!(rows.iter().all(|r| col(r) == col(rows[0])), "{rows:#?}");
}

#[test]
fn a_table_too_wide_for_the_page_wraps_its_widest_column() {
    let head = vec!["事项".to_string(), "负责人".to_string()];
    let rows = vec![vec![
        "每季度在公示栏公开保洁费收支明细并接受住户监督".to_string(),
        "孙晓梅".to_string(),
    ]];
    let lines = plain::table_lines(&head, &rows, 30);
    assert!(lines.iter().all(|l| width(l) <= 30), "{lines:#?}");
    assert!(lines.len() > 3, "the long cell wraps: {lines:#?}");
    assert!(lines.iter().any(|l| l.contains("孙晓梅")));
}

#[test]
fn html_prints_on_a4_and_escapes_user_text() {
    let mut m = held_meeting();
    m.meeting.place = "会客厅 <script>alert(1)</script> & 二楼".into();
    let html = export(&m, What::Minutes, Format::Html, Lang::Zh, t(NOW)).unwrap();
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert!(html.contains("Noto Serif CJK SC"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 二楼"));
    assert!(!html.contains("<script>"));
    let notice = export(&m, What::Notice, Format::Html, Lang::En, t(NOW)).unwrap();
    assert!(notice.contains("<html lang=\"en\">"));
    assert!(notice.contains("class=\"closing\""));
}

#[test]
fn markdown_escapes_table_pipes_and_markup() {
    let mut m = held_meeting();
    m.roster[2].affiliation = "1|2 *单元*".into();
    let md = export(&m, What::Minutes, Format::Md, Lang::Zh, t(NOW)).unwrap();
    assert!(md.contains("# 北苑居小区第三次听证协商会会议纪要"));
    assert!(md.contains("## 五、表决情况"));
    assert!(md.contains("1\\|2 \\*单元\\*"), "{md}");
    let table_rows = md.lines().filter(|l| l.starts_with("| 赵秀兰")).count();
    assert_eq!(table_rows, 1);
}
