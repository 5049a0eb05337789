//! The sample minutes in `sample-data/`: they load cleanly, are written in
//! the canonical form, keep the verdicts the engine computes, and tell the
//! stories they are meant to tell (the 北苑居 hearings of DOMAIN.md, a 紫港
//! 四步走 meeting, a residents' meeting without quorum, a body's own rule).

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate};
use yishi::domain::Minutes;
use yishi::domain::agenda::{TopicSource, TopicState, rank_by_scores};
use yishi::domain::decision::{CostSplit, DecisionNature, Period, SplitMethod};
use yishi::domain::meeting::{MeetingKind, MeetingRef, MeetingState};
use yishi::domain::notice::{NoticeStatus, PeriodKind, RestDays};
use yishi::domain::vote::verdict::judge;
use yishi::domain::vote::{
    Ballots, Electorate, Outcome, RuleBook, VoteMethod, VoteRule, Voter, Weights,
};
use yishi::i18n::Lang;
use yishi::minutes_file;

const BEIYUANJU: [&str; 3] = ["beiyuanju-1.ron", "beiyuanju-2.ron", "beiyuanju-3.ron"];
const ZIGANG: &str = "zigang-sibuzou.ron";
const NO_QUORUM: &str = "residents-meeting-no-quorum.ron";
const CHARTER_RULES: &str = "rules/charter-rules.ron";

fn minutes_samples() -> Vec<&'static str> {
    let mut all = BEIYUANJU.to_vec();
    all.extend([ZIGANG, NO_QUORUM]);
    all
}

fn sample_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

fn load(name: &str) -> Minutes {
    let path = sample_path(name);
    match minutes_file::read(&path) {
        Ok(loaded) => loaded.minutes,
        Err(diags) => panic!(
            "{name} does not load:\n{}",
            diags
                .iter()
                .map(|d| d.render(Lang::Zh))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn at(s: &str) -> yishi::domain::Timestamp {
    DateTime::parse_from_rfc3339(s).expect("test timestamp")
}

fn rule(id: &str) -> VoteRule {
    RuleBook::builtin()
        .get(id)
        .unwrap_or_else(|| panic!("no built-in rule {id}"))
        .clone()
}

#[test]
fn every_sample_file_is_covered_by_these_tests() {
    let mut found: Vec<String> = std::fs::read_dir(sample_path(""))
        .expect("sample-data exists")
        .map(|e| {
            e.expect("readable entry")
                .file_name()
                .into_string()
                .unwrap()
        })
        .filter(|n| n.ends_with(".ron"))
        .collect();
    found.sort();
    let mut expected: Vec<String> = minutes_samples().iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(found, expected);
    assert!(sample_path(CHARTER_RULES).is_file());
}

#[test]
fn minutes_samples_read_cleanly_and_validate() {
    for name in minutes_samples() {
        let loaded = minutes_file::read(&sample_path(name)).unwrap_or_else(|diags| {
            panic!(
                "{name}: {}",
                diags
                    .iter()
                    .map(|d| d.render(Lang::Zh))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(
            loaded.version,
            yishi::domain::FORMAT_VERSION,
            "{name}: format version"
        );
        assert!(!loaded.read_only, "{name} opened read-only");
        assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
        let problems = loaded.minutes.validate();
        assert!(
            problems.is_empty(),
            "{name}: {:?}",
            problems
                .iter()
                .map(|p| format!("{}: {}", p.path_text(), p.zh))
                .collect::<Vec<_>>()
        );
        assert_eq!(loaded.minutes.meeting.state, MeetingState::Closed, "{name}");
    }
}

#[test]
fn minutes_samples_are_in_canonical_form() {
    for name in minutes_samples() {
        let text = std::fs::read_to_string(sample_path(name)).expect("readable sample");
        let minutes = load(name);
        assert!(
            text == minutes_file::to_ron(&minutes),
            "{name} is not byte-identical to to_ron of its parsed minutes; \
             canonicalise it (read, to_ron, write back)"
        );
    }
}

#[test]
fn closed_votes_keep_the_verdict_the_engine_computes() {
    let mut closed = 0;
    for name in minutes_samples() {
        let minutes = load(name);
        for vote in minutes.votes.iter().filter(|v| v.is_closed()) {
            closed += 1;
            let engine = vote
                .judge()
                .unwrap_or_else(|e| panic!("{name}: vote {} cannot be judged: {e}", vote.id))
                .verdict();
            let stored = vote
                .current_verdict()
                .unwrap_or_else(|| panic!("{name}: vote {} has no verdict", vote.id));
            assert_eq!(stored.outcome, engine.outcome, "{name}: vote {}", vote.id);
            assert_eq!(
                stored.explanation, engine.explanation,
                "{name}: vote {}",
                vote.id
            );
        }
    }
    // 北苑居 3, 紫港, the residents' meeting.
    assert_eq!(closed, 3);
}

#[test]
fn votes_keep_their_builtin_rule_whole() {
    for (name, id) in [
        (BEIYUANJU[2], "household-majority"),
        (ZIGANG, "simple-majority"),
        (NO_QUORUM, "residents-meeting"),
    ] {
        let minutes = load(name);
        assert_eq!(minutes.votes.len(), 1, "{name}");
        assert_eq!(minutes.votes[0].rule, rule(id), "{name}");
    }
}

#[test]
fn beiyuanju_hearings_form_one_series_on_the_same_threads() {
    let meetings: Vec<Minutes> = BEIYUANJU.iter().map(|n| load(n)).collect();
    let refs: Vec<MeetingRef> = meetings
        .iter()
        .map(|m| MeetingRef {
            id: m.meeting.id.clone(),
            title: m.meeting.title.clone(),
            date: m.date(),
        })
        .collect();
    assert_eq!(
        refs.iter().map(|r| r.date).collect::<Vec<_>>(),
        vec![date("2016-01-12"), date("2016-02-23"), date("2016-03-15")]
    );
    assert_eq!(refs[0].id, "2016-01-12-beiyuanju-1");

    let series_name = &meetings[0].meeting.series.as_ref().unwrap().name;
    for (i, m) in meetings.iter().enumerate() {
        assert_eq!(m.meeting.kind, MeetingKind::Hearing);
        assert_eq!(m.meeting.compound, "北苑居小区");
        assert_eq!(m.meeting.community, "中心广场社区");
        let series = m.meeting.series.as_ref().expect("in a series");
        assert_eq!(&series.name, series_name);
        assert_eq!(series.ordinal, i as u32 + 1);
        // `earlier` names exactly the earlier files, oldest first.
        assert_eq!(series.earlier, refs[..i].to_vec(), "meeting {}", i + 1);
        // The same people are invited each time.
        assert_eq!(
            m.roster.iter().map(|a| &a.name).collect::<Vec<_>>(),
            meetings[0]
                .roster
                .iter()
                .map(|a| &a.name)
                .collect::<Vec<_>>()
        );
        let summary = m.attendance();
        assert_eq!(summary.quorum_met, Some(true), "meeting {}", i + 1);
        assert!(summary.missing_roles.is_empty(), "meeting {}", i + 1);
    }

    for (i, m) in meetings.iter().enumerate() {
        // Carried over in meetings 1 and 2, decided in meeting 3.
        let expected = if i == 2 {
            TopicState::Decided
        } else {
            TopicState::CarriedOver
        };
        let threads: Vec<Option<&str>> = m.agenda.iter().map(|t| t.thread.as_deref()).collect();
        assert_eq!(threads, vec![Some("北苑居/物业"), Some("北苑居/环境")]);
        for topic in &m.agenda {
            assert_eq!(topic.state, expected, "meeting {} {}", i + 1, topic.title);
            if i == 0 {
                assert_eq!(topic.carried_from, None);
                assert_ne!(topic.source, TopicSource::CarriedOver);
            } else {
                assert_eq!(topic.carried_from.as_ref(), Some(&refs[i - 1]));
                assert_eq!(topic.source, TopicSource::CarriedOver);
            }
        }
    }
    // The first two meetings end with consultation opinions, not decisions.
    for m in &meetings[..2] {
        assert!(m.votes.is_empty());
        assert!(!m.decisions.is_empty());
        assert!(
            m.decisions
                .iter()
                .all(|d| d.nature == DecisionNature::ConsultationOpinion && !d.tasks.is_empty())
        );
    }
}

#[test]
fn beiyuanju_third_hearing_passes_and_splits_the_fee_per_household() {
    let m = load(BEIYUANJU[2]);
    assert_eq!(m.votes.len(), 1);
    let vote = &m.votes[0];
    assert_eq!(vote.method, VoteMethod::Named);
    assert_eq!(vote.judge().unwrap().outcome, Outcome::Passed);
    assert_eq!(vote.current_verdict().unwrap().outcome, Outcome::Passed);
    // Seven unit heads of 12 households each, all present; six for, one against.
    assert_eq!(vote.electorate.voters.len(), 7);
    assert!(
        vote.electorate
            .voters
            .iter()
            .all(|v| v.present && v.households == 12)
    );
    let Ballots::Named(ballots) = vote.current_ballots() else {
        panic!("a named vote keeps one ballot per voter");
    };
    let yes = ballots
        .iter()
        .filter(|b| b.choice == yishi::domain::vote::Choice::Yes)
        .count();
    assert_eq!((yes, ballots.len()), (6, 7));

    assert_eq!(m.decisions.len(), 1);
    let decision = &m.decisions[0];
    assert_eq!(decision.nature, DecisionNature::Binding);
    assert_eq!(decision.vote, Some(vote.id));
    // One decision settles both topics of the series.
    let threads: Vec<_> = decision
        .topics
        .iter()
        .map(|t| m.topic(*t).unwrap().thread.clone().unwrap())
        .collect();
    assert_eq!(threads, ["北苑居/物业", "北苑居/环境"]);
    assert_eq!(decision.dissent.len(), 1);
    let money = decision.money.as_ref().expect("the decision has money");
    assert_eq!(money.fen(), 924_000);
    assert_eq!(money.period, Period::Yearly);
    assert_eq!(money.split, SplitMethod::PerHousehold);
    assert_eq!(money.collector, "各单元长");

    let split = CostSplit::compute(money, &m.roster).expect("split over the unit heads");
    assert_eq!(split.households, 84);
    assert_eq!(split.per_household_fen, 11_000);
    assert_eq!(split.surplus_fen, 0);
    assert_eq!(split.per_unit.len(), 7);
    assert!(split.per_unit.iter().all(|u| u.fen == 132_000));

    let evaluation = decision.evaluation.as_ref().expect("evaluated in 2017");
    assert_eq!((evaluation.satisfied, evaluation.respondents), (71, 80));
}

#[test]
fn beiyuanju_decision_takes_effect_after_one_week_without_objection() {
    let m = load(BEIYUANJU[2]);
    assert_eq!(m.notices.len(), 1);
    let notice = &m.notices[0];
    assert_eq!(notice.decisions, vec![m.decisions[0].id]);
    assert_eq!(notice.period.kind, PeriodKind::CalendarDays);
    assert_eq!(notice.period.length, 7);
    assert_eq!(notice.objections().count(), 0);
    let rest = RestDays::weekends();
    assert_eq!(notice.last_day(&rest), Some(date("2016-03-23")));
    let status = |s: &str| notice.state_at(at(s), &rest).status();
    assert_eq!(status("2016-03-20T12:00:00+08:00"), NoticeStatus::Running);
    assert_eq!(status("2016-03-24T08:00:00+08:00"), NoticeStatus::InForce);
    assert_eq!(
        status("2017-06-01T00:00:00+08:00"),
        NoticeStatus::ResultsPublished
    );
}

#[test]
fn residents_meeting_without_half_the_households_has_no_quorum() {
    let m = load(NO_QUORUM);
    assert_eq!(m.meeting.kind, MeetingKind::ResidentsMeeting);
    let vote = &m.votes[0];
    assert_eq!(vote.electorate.base, Some(Weights::heads(120)));
    assert_eq!(vote.electorate.present, Some(Weights::heads(48)));
    assert_eq!(vote.judge().unwrap().outcome, Outcome::NoQuorum);
    assert_eq!(vote.current_verdict().unwrap().outcome, Outcome::NoQuorum);
    // The meeting itself is judged on the count at the door, not on the
    // eight people named on the roster.
    let attendance = m.attendance();
    assert_eq!(
        attendance.head_count.map(|h| (h.expected, h.present)),
        Some((120, 48))
    );
    assert_eq!(attendance.quorum_met, Some(false));
    assert_eq!(m.agenda[0].state, TopicState::CarriedOver);
    assert!(m.notices.is_empty());
    assert!(
        m.decisions
            .iter()
            .all(|d| d.nature == DecisionNature::ConsultationOpinion)
    );
}

#[test]
fn zigang_deliberates_the_top_ranked_topics_of_its_bank() {
    let m = load(ZIGANG);
    assert_eq!(m.meeting.kind, MeetingKind::Deliberation);
    assert_eq!(m.agenda.len(), 6);
    assert!(
        m.agenda
            .iter()
            .all(|t| t.source == TopicSource::TopicBank && t.scores.is_some())
    );
    let chosen: Vec<u32> = m
        .agenda
        .iter()
        .filter(|t| t.state != TopicState::NotChosen)
        .map(|t| t.id)
        .collect();
    assert_eq!(chosen.len(), 2);
    let mut top: Vec<u32> = rank_by_scores(&m.agenda)
        .iter()
        .take(chosen.len())
        .map(|t| t.id)
        .collect();
    top.sort_unstable();
    assert_eq!(chosen, top);

    let vote = &m.votes[0];
    assert_eq!(vote.method, VoteMethod::HandCount);
    assert!(vote.electorate.voters.iter().all(|v| v.present));
    assert_eq!(vote.judge().unwrap().outcome, Outcome::Passed);

    let notice = &m.notices[0];
    assert_eq!(notice.period.kind, PeriodKind::WorkingDays);
    assert_eq!(notice.period.length, 5);
    assert_eq!(
        notice.posted_at().map(|t| t.date_naive()),
        Some(m.date().succ_opt().unwrap())
    );
    // Posted on a Friday: five working days run Monday to Friday.
    assert_eq!(
        notice.last_day(&RestDays::weekends()),
        Some(date("2023-09-22"))
    );
    assert!(m.decisions.iter().any(|d| d.evaluation.is_some()));
}

#[test]
fn charter_rules_parse_validate_and_judge_as_their_words_say() {
    let text = std::fs::read_to_string(sample_path(CHARTER_RULES)).expect("readable rules");
    let book: RuleBook = ron::from_str(&text).expect("a RuleBook");
    assert_eq!(book.validate(), Ok(()));
    assert_eq!(book.rules.len(), 1);
    let charter = &book.rules[0];
    // A new rule beside the built-in ones, not a replacement of one.
    assert!(RuleBook::builtin().get(&charter.id).is_none());

    // 出席须过应到半数，赞成须达到出席的三分之二.
    let outcome = |base: u32, present: u32, yes: u32| {
        let electorate = Electorate {
            voters: vec![Voter {
                attendee: 1,
                present: true,
                households: 0,
                area: None,
            }],
            base: Some(Weights::heads(base)),
            present: Some(Weights::heads(present)),
        };
        let ballots = Ballots::Counts {
            yes: Weights::heads(yes),
            no: Weights::heads(present - yes),
            abstain: Weights::default(),
        };
        judge(charter, &electorate, &ballots, VoteMethod::HandCount)
            .unwrap()
            .outcome
    };
    assert_eq!(outcome(12, 6, 6), Outcome::NoQuorum); // exactly half is not enough
    assert_eq!(outcome(12, 9, 6), Outcome::Passed); // exactly two thirds is
    assert_eq!(outcome(12, 9, 5), Outcome::Failed);
}
