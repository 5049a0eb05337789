use super::*;

use proptest::prelude::*;

use crate::domain::vote::rules::RuleBook;
use crate::domain::vote::{Ballot, Voter};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn rule(id: &str) -> VoteRule {
    static BOOK: std::sync::OnceLock<RuleBook> = std::sync::OnceLock::new();
    BOOK.get_or_init(RuleBook::builtin)
        .get(id)
        .unwrap_or_else(|| panic!("built-in rule {id}"))
        .clone()
}

/// A voter counted by head only.
fn person(id: AttendeeId, present: bool) -> Voter {
    Voter {
        attendee: id,
        present,
        households: 0,
        area: None,
    }
}

/// An owner with the floor area of their unit.
fn owner(id: AttendeeId, present: bool, area: f64) -> Voter {
    Voter {
        attendee: id,
        present,
        households: 1,
        area: Some(area),
    }
}

/// A unit head (单元长) speaking for `households` households.
fn unit_head(id: AttendeeId, present: bool, households: u32) -> Voter {
    Voter {
        attendee: id,
        present,
        households,
        area: None,
    }
}

/// `present` voters present (ids 1…), then `absent` voters absent.
fn roll(present: u32, absent: u32) -> Electorate {
    Electorate {
        voters: (1..=present + absent)
            .map(|id| person(id, id <= present))
            .collect(),
        base: None,
        present: None,
    }
}

fn electorate(voters: Vec<Voter>) -> Electorate {
    Electorate {
        voters,
        base: None,
        present: None,
    }
}

/// A show of hands, counted in heads.
fn hands(yes: u32, no: u32, abstain: u32) -> Ballots {
    Ballots::Counts {
        yes: Weights::heads(yes),
        no: Weights::heads(no),
        abstain: Weights::heads(abstain),
    }
}

fn heads_and_area(heads: u32, area: f64) -> Weights {
    Weights {
        heads,
        households: 0,
        area,
    }
}

fn named(list: &[(AttendeeId, Choice)]) -> Ballots {
    Ballots::Named(
        list.iter()
            .map(|&(voter, choice)| Ballot { voter, choice })
            .collect(),
    )
}

/// Judge with the method that fits the ballots.
fn judge_as(rule_id: &str, electorate: &Electorate, ballots: &Ballots) -> Judgement {
    judge(&rule(rule_id), electorate, ballots, method_for(ballots))
        .unwrap_or_else(|e| panic!("{rule_id}: {e}"))
}

fn outcome(rule_id: &str, electorate: &Electorate, ballots: &Ballots) -> Outcome {
    judge_as(rule_id, electorate, ballots).outcome
}

fn method_for(ballots: &Ballots) -> VoteMethod {
    match ballots {
        Ballots::Counts { .. } => VoteMethod::HandCount,
        Ballots::Named(_) => VoteMethod::Named,
    }
}

fn error(
    rule_id: &str,
    electorate: &Electorate,
    ballots: &Ballots,
    method: VoteMethod,
) -> VoteError {
    match judge(&rule(rule_id), electorate, ballots, method) {
        Ok(j) => panic!("{rule_id}: expected an error, got {:?}", j.outcome),
        Err(e) => e,
    }
}

const ALL_RULES: [&str; 8] = [
    "residents-meeting",
    "owners-general",
    "owners-major",
    "village-reps",
    "simple-majority",
    "household-majority",
    "two-thirds",
    "consensus",
];

// ---------------------------------------------------------------------------
// Thresholds at their boundaries
// ---------------------------------------------------------------------------

#[test]
fn two_thirds_passes_at_exactly_two_thirds_of_the_votes_cast() {
    // 8 of 12 is exactly ⅔: 三分之二以上 includes it.
    assert_eq!(
        outcome("two-thirds", &roll(12, 0), &hands(8, 4, 0)),
        Outcome::Passed
    );
    // 2 of 3, the smallest exact case.
    assert_eq!(
        outcome("two-thirds", &roll(3, 0), &hands(2, 1, 0)),
        Outcome::Passed
    );
}

#[test]
fn two_thirds_fails_one_vote_short_of_two_thirds() {
    // 7 of 12 < 8.
    assert_eq!(
        outcome("two-thirds", &roll(12, 0), &hands(7, 5, 0)),
        Outcome::Failed
    );
    // 7 of 11 is 0.636…, just under ⅔.
    assert_eq!(
        outcome("two-thirds", &roll(11, 0), &hands(7, 4, 0)),
        Outcome::Failed
    );
}

#[test]
fn two_thirds_does_not_count_abstentions_as_votes_cast() {
    // 6 yes, 3 no, 5 abstain: 6 of the 9 cast is ⅔.
    assert_eq!(
        outcome("two-thirds", &roll(14, 0), &hands(6, 3, 5)),
        Outcome::Passed
    );
}

#[test]
fn residents_meeting_needs_more_than_half_present() {
    // Exactly half of 20 present is not 过半数.
    assert_eq!(
        outcome("residents-meeting", &roll(10, 10), &hands(10, 0, 0)),
        Outcome::NoQuorum
    );
    // One more than half is.
    assert_eq!(
        outcome("residents-meeting", &roll(11, 9), &hands(11, 0, 0)),
        Outcome::Passed
    );
}

#[test]
fn residents_meeting_yes_must_be_more_than_half_of_those_present() {
    // 12 present: 6 yes is exactly half and fails, even with nobody against.
    assert_eq!(
        outcome("residents-meeting", &roll(12, 8), &hands(6, 0, 0)),
        Outcome::Failed
    );
    assert_eq!(
        outcome("residents-meeting", &roll(12, 8), &hands(6, 5, 1)),
        Outcome::Failed
    );
    // 7 of 12 passes.
    assert_eq!(
        outcome("residents-meeting", &roll(12, 8), &hands(7, 5, 0)),
        Outcome::Passed
    );
    // Those present who do not vote count against the majority: 6 yes, 1 no
    // and 5 not voting of 12 fails.
    assert_eq!(
        outcome("residents-meeting", &roll(12, 8), &hands(6, 1, 0)),
        Outcome::Failed
    );
}

#[test]
fn simple_majority_tie_fails_and_one_more_passes() {
    assert_eq!(
        outcome("simple-majority", &roll(10, 0), &hands(5, 5, 0)),
        Outcome::Failed
    );
    assert_eq!(
        outcome("simple-majority", &roll(11, 0), &hands(6, 5, 0)),
        Outcome::Passed
    );
    // Abstentions do not count: 3 yes, 2 no, 6 abstain passes.
    assert_eq!(
        outcome("simple-majority", &roll(11, 0), &hands(3, 2, 6)),
        Outcome::Passed
    );
    // A single yes with no one against passes; a single no fails.
    assert_eq!(
        outcome("simple-majority", &roll(5, 0), &hands(1, 0, 4)),
        Outcome::Passed
    );
    assert_eq!(
        outcome("simple-majority", &roll(5, 0), &hands(0, 1, 4)),
        Outcome::Failed
    );
}

#[test]
fn with_no_voters_at_all_nothing_passes() {
    let nobody = Electorate::default();
    let no_ballots = Ballots::empty_counts();
    for id in ["residents-meeting", "village-reps"] {
        assert_eq!(outcome(id, &nobody, &no_ballots), Outcome::NoQuorum, "{id}");
    }
    for id in ["simple-majority", "two-thirds", "consensus"] {
        assert_eq!(outcome(id, &nobody, &no_ballots), Outcome::Failed, "{id}");
    }
    // Rules that weigh by area or households cannot be judged at all.
    for id in ["owners-general", "owners-major", "household-majority"] {
        let result = judge(&rule(id), &nobody, &no_ballots, VoteMethod::HandCount);
        assert!(
            matches!(result, Err(VoteError::MeasureMissing(_))),
            "{id}: {result:?}"
        );
    }
}

#[test]
fn with_voters_present_but_no_ballots_nothing_passes() {
    for id in [
        "residents-meeting",
        "village-reps",
        "simple-majority",
        "two-thirds",
        "consensus",
    ] {
        let o = outcome(id, &roll(10, 0), &Ballots::empty_counts());
        assert_eq!(o, Outcome::Failed, "{id}");
    }
}

#[test]
fn when_everyone_abstains_the_proposal_fails() {
    for id in [
        "residents-meeting",
        "village-reps",
        "simple-majority",
        "two-thirds",
        "consensus",
    ] {
        let o = outcome(id, &roll(10, 0), &hands(0, 0, 10));
        assert_eq!(o, Outcome::Failed, "{id}");
    }
}

#[test]
fn village_reps_need_two_thirds_present() {
    // 30 representatives: 20 present is exactly ⅔ (以上 includes it).
    assert_eq!(
        outcome("village-reps", &roll(20, 10), &hands(11, 9, 0)),
        Outcome::Passed
    );
    // 19 present is one short.
    assert_eq!(
        outcome("village-reps", &roll(19, 11), &hands(19, 0, 0)),
        Outcome::NoQuorum
    );
    // With the quorum, yes must be more than half of those present: 10 of 20 fails.
    assert_eq!(
        outcome("village-reps", &roll(20, 10), &hands(10, 9, 1)),
        Outcome::Failed
    );
}

// ---------------------------------------------------------------------------
// 民法典 §278
// ---------------------------------------------------------------------------

/// Ten owners, all present: four large flats of 200 m² (ids 1–4) and six
/// small ones of 50 m² (ids 5–10). 1,100 m² in all.
fn ten_owners() -> Electorate {
    electorate(
        (1..=10)
            .map(|id| owner(id, true, if id <= 4 { 200.0 } else { 50.0 }))
            .collect(),
    )
}

fn ballots_where(yes: impl Fn(AttendeeId) -> bool) -> Ballots {
    Ballots::Named(
        (1..=10)
            .map(|voter| Ballot {
                voter,
                choice: if yes(voter) { Choice::Yes } else { Choice::No },
            })
            .collect(),
    )
}

#[test]
fn owners_general_fails_when_area_passes_but_headcount_does_not() {
    // The four large flats vote yes: 800 of 1,100 m², but 4 of 10 owners.
    let j = judge_as(
        "owners-general",
        &ten_owners(),
        &ballots_where(|id| id <= 4),
    );
    assert_eq!(j.outcome, Outcome::Failed);
    let failed: Vec<Measure> = j
        .checks
        .iter()
        .filter(|c| !c.met)
        .map(|c| c.condition.measure)
        .collect();
    assert_eq!(failed, vec![Measure::Heads]);
}

#[test]
fn owners_general_fails_when_headcount_passes_but_area_does_not() {
    // The six small flats vote yes: 6 of 10 owners, but 300 of 1,100 m².
    let j = judge_as("owners-general", &ten_owners(), &ballots_where(|id| id > 4));
    assert_eq!(j.outcome, Outcome::Failed);
    let failed: Vec<Measure> = j
        .checks
        .iter()
        .filter(|c| !c.met)
        .map(|c| c.condition.measure)
        .collect();
    assert_eq!(failed, vec![Measure::Area]);
}

#[test]
fn owners_general_passes_with_a_majority_of_both_area_and_owners() {
    // Ids 1–3 and 5–8: 7 of 10 owners, 800 of 1,100 m².
    let ballots = ballots_where(|id| id <= 3 || (5..=8).contains(&id));
    assert_eq!(
        outcome("owners-general", &ten_owners(), &ballots),
        Outcome::Passed
    );
}

/// Nine owners: four of 200 m² (ids 1–4), five of 40 m² (ids 5–9); 1,000 m².
fn nine_owners() -> Electorate {
    electorate(
        (1..=9)
            .map(|id| owner(id, true, if id <= 4 { 200.0 } else { 40.0 }))
            .collect(),
    )
}

#[test]
fn owners_quorum_fails_when_area_takes_part_but_too_few_owners_do() {
    // Ids 1–5 take part: 840 of 1,000 m² (≥ ⅔) but 5 of 9 owners (< 6).
    let ballots = named(&[
        (1, Choice::Yes),
        (2, Choice::Yes),
        (3, Choice::Yes),
        (4, Choice::Yes),
        (5, Choice::Yes),
        (6, Choice::NotVoting),
    ]);
    for id in ["owners-general", "owners-major"] {
        let j = judge_as(id, &nine_owners(), &ballots);
        assert_eq!(j.outcome, Outcome::NoQuorum, "{id}");
        // The pass conditions are not even looked at.
        assert!(j.checks.iter().all(|c| c.stage == Stage::Quorum), "{id}");
    }
}

#[test]
fn owners_quorum_fails_when_owners_take_part_but_too_little_area_does() {
    // Ids 4–9 take part: 6 of 9 owners (exactly ⅔) but 400 of 1,000 m².
    let ballots = named(&[
        (4, Choice::Yes),
        (5, Choice::Yes),
        (6, Choice::Yes),
        (7, Choice::Yes),
        (8, Choice::Yes),
        (9, Choice::Yes),
    ]);
    assert_eq!(
        outcome("owners-general", &nine_owners(), &ballots),
        Outcome::NoQuorum
    );
}

#[test]
fn owners_quorum_holds_at_exactly_two_thirds_of_area_and_owners() {
    // Base 9 owners, 900 m²; 6 owners with 600 m² take part (and all say yes).
    let e = Electorate {
        voters: vec![],
        base: Some(heads_and_area(9, 900.0)),
        present: Some(heads_and_area(9, 900.0)),
    };
    let ballots = Ballots::Counts {
        yes: heads_and_area(6, 600.0),
        no: Weights::default(),
        abstain: Weights::default(),
    };
    assert_eq!(outcome("owners-general", &e, &ballots), Outcome::Passed);
    // A hundredth of a square metre less is below ⅔.
    let ballots = Ballots::Counts {
        yes: heads_and_area(6, 599.99),
        no: Weights::default(),
        abstain: Weights::default(),
    };
    assert_eq!(outcome("owners-general", &e, &ballots), Outcome::NoQuorum);
}

#[test]
fn owners_major_passes_at_exactly_three_quarters_of_both() {
    // 8 owners with 800 m² take part; 6 of them with 600 m² say yes.
    let e = Electorate {
        voters: vec![],
        base: Some(heads_and_area(10, 1000.0)),
        present: Some(heads_and_area(8, 800.0)),
    };
    let counts = |yes_area: f64, yes_heads: u32| Ballots::Counts {
        yes: heads_and_area(yes_heads, yes_area),
        no: heads_and_area(8 - yes_heads, 800.0 - yes_area),
        abstain: Weights::default(),
    };
    assert_eq!(
        outcome("owners-major", &e, &counts(600.0, 6)),
        Outcome::Passed
    );
    // One hundredth of a square metre short of ¾ of the area fails.
    assert_eq!(
        outcome("owners-major", &e, &counts(599.99, 6)),
        Outcome::Failed
    );
    // One owner short of ¾ of the owners fails.
    assert_eq!(
        outcome("owners-major", &e, &counts(600.0, 5)),
        Outcome::Failed
    );
    // The same numbers pass the general rule (more than half of both).
    assert_eq!(
        outcome("owners-general", &e, &counts(599.99, 5)),
        Outcome::Passed
    );
}

#[test]
fn decimal_areas_are_added_exactly() {
    // In floating point 0.1 + 0.2 is not 0.3; in hundredths of m² it is.
    let flats = electorate(vec![
        owner(1, true, 0.1),
        owner(2, true, 0.2),
        owner(3, true, 0.3),
    ]);
    let ballots = named(&[(1, Choice::Yes), (2, Choice::Yes), (3, Choice::No)]);
    let tally = Tally::of(&flats, &ballots, VoteMethod::Named).unwrap();
    assert_eq!(tally.yes.area_centi, 30);
    assert_eq!(tally.no.area_centi, 30);
    assert_eq!(tally.base.area_centi, 60);
}

#[test]
fn owners_major_passes_at_exactly_three_quarters_in_decimal_areas() {
    // 40.1 + 30.0 + 4.9 = 75.0 of 100.0 m², and 3 of 4 owners: exactly ¾.
    let flats = electorate(vec![
        owner(1, true, 40.1),
        owner(2, true, 30.0),
        owner(3, true, 4.9),
        owner(4, true, 25.0),
    ]);
    let ballots = named(&[
        (1, Choice::Yes),
        (2, Choice::Yes),
        (3, Choice::Yes),
        (4, Choice::No),
    ]);
    let j = judge_as("owners-major", &flats, &ballots);
    let area_pass = j
        .checks
        .iter()
        .find(|c| c.stage == Stage::Pass && c.condition.measure == Measure::Area)
        .unwrap();
    assert_eq!((area_pass.value, area_pass.reference), (7_500, 10_000));
    assert!(area_pass.met);
    assert_eq!(j.outcome, Outcome::Passed);
}

#[test]
fn under_278_abstentions_take_part_but_are_not_yes() {
    let e = electorate((1..=10).map(|id| owner(id, true, 100.0)).collect());
    let counts = |yes: u32, abstain: u32| Ballots::Counts {
        yes: heads_and_area(yes, f64::from(yes) * 100.0),
        no: Weights::default(),
        abstain: heads_and_area(abstain, f64::from(abstain) * 100.0),
    };
    // 6 yes, 0 no, 4 abstain: 6 of 10 taking part is more than half.
    assert_eq!(
        outcome("owners-general", &e, &counts(6, 4)),
        Outcome::Passed
    );
    // 5 yes, 0 no, 5 abstain: 5 of 10 is not.
    assert_eq!(
        outcome("owners-general", &e, &counts(5, 5)),
        Outcome::Failed
    );
    // Under a simple majority of votes cast the same 5 yes, 0 no would pass.
    assert_eq!(
        outcome("simple-majority", &e, &counts(5, 5)),
        Outcome::Passed
    );
    // The abstentions made the quorum: 5 yes alone take no part enough.
    assert_eq!(
        outcome("owners-general", &e, &counts(5, 0)),
        Outcome::NoQuorum
    );
}

// ---------------------------------------------------------------------------
// Consensus
// ---------------------------------------------------------------------------

#[test]
fn consensus_fails_with_a_single_no() {
    assert_eq!(
        outcome("consensus", &roll(9, 0), &hands(8, 1, 0)),
        Outcome::Failed
    );
}

#[test]
fn consensus_passes_when_all_say_yes() {
    assert_eq!(
        outcome("consensus", &roll(9, 0), &hands(9, 0, 0)),
        Outcome::Passed
    );
    // Abstaining is not objecting.
    assert_eq!(
        outcome("consensus", &roll(9, 0), &hands(7, 0, 2)),
        Outcome::Passed
    );
}

#[test]
fn consensus_fails_when_all_abstain() {
    assert_eq!(
        outcome("consensus", &roll(9, 0), &hands(0, 0, 9)),
        Outcome::Failed
    );
}

// ---------------------------------------------------------------------------
// Bases larger than the roster, and households
// ---------------------------------------------------------------------------

#[test]
fn residents_meeting_counts_the_quorum_against_a_base_override() {
    // A compound of 120 households, one representative each; 48 came.
    let mut e = roll(48, 0);
    e.base = Some(Weights {
        heads: 120,
        households: 120,
        area: 0.0,
    });
    let j = judge_as("residents-meeting", &e, &hands(48, 0, 0));
    assert_eq!(j.outcome, Outcome::NoQuorum);
    assert_eq!((j.checks[0].value, j.checks[0].reference), (48, 120));
    // Exactly 60 of 120 is still not more than half; 61 is.
    let mut e = roll(60, 0);
    e.base = Some(Weights::heads(120));
    assert_eq!(
        outcome("residents-meeting", &e, &hands(60, 0, 0)),
        Outcome::NoQuorum
    );
    let mut e = roll(61, 0);
    e.base = Some(Weights::heads(120));
    assert_eq!(
        outcome("residents-meeting", &e, &hands(31, 30, 0)),
        Outcome::Passed
    );
    assert_eq!(
        outcome("residents-meeting", &e, &hands(30, 30, 1)),
        Outcome::Failed
    );
}

#[test]
fn a_heads_only_base_override_does_not_trip_over_other_measures_of_the_roster() {
    // Household representatives who are also owners: the roster knows their
    // households and floor areas, the residents' meeting counts heads, and
    // the base is given as `Weights::heads(120)`.
    let voters = (1..=61)
        .map(|id| Voter {
            attendee: id,
            present: true,
            households: 1,
            area: Some(86.5),
        })
        .collect();
    let e = Electorate {
        voters,
        base: Some(Weights::heads(120)),
        present: None,
    };
    let ballots = Ballots::Named(
        (1..=31)
            .map(|voter| Ballot {
                voter,
                choice: Choice::Yes,
            })
            .collect(),
    );
    assert_eq!(outcome("residents-meeting", &e, &ballots), Outcome::Passed);
    // A rule that does use households still refuses to guess the base.
    assert_eq!(
        error("household-majority", &e, &ballots, VoteMethod::Named),
        VoteError::MeasureMissing(Measure::Households)
    );
    assert_eq!(
        error("owners-general", &e, &ballots, VoteMethod::Named),
        VoteError::MeasureMissing(Measure::Area)
    );
}

#[test]
fn a_heads_only_door_count_does_not_trip_over_other_measures_of_the_ballots() {
    // Present counted at the door in heads; named ballots from owners on the
    // roster carry their households and areas.
    let voters = (1..=20).map(|id| owner(id, true, 90.0)).collect();
    let e = Electorate {
        voters,
        base: Some(Weights::heads(40)),
        present: Some(Weights::heads(25)),
    };
    let ballots = Ballots::Named(
        (1..=13)
            .map(|voter| Ballot {
                voter,
                choice: Choice::Yes,
            })
            .collect(),
    );
    assert_eq!(outcome("residents-meeting", &e, &ballots), Outcome::Passed);
    // A rule by households does look at them, and the door count has none.
    let e = Electorate {
        voters: (1..=20).map(|id| owner(id, true, 90.0)).collect(),
        base: None,
        present: Some(Weights::heads(15)),
    };
    assert_eq!(outcome("residents-meeting", &e, &ballots), Outcome::Passed);
    assert_eq!(
        error("household-majority", &e, &ballots, VoteMethod::Named),
        VoteError::BallotsExceedPresent {
            measure: Measure::Households,
            ballots: 13,
            present: 0
        }
    );
    // Heads are always checked: 26 ballots for 25 present is refused.
    let e = Electorate {
        voters: (1..=30).map(|id| owner(id, true, 90.0)).collect(),
        base: Some(Weights::heads(40)),
        present: Some(Weights::heads(25)),
    };
    let ballots = Ballots::Named(
        (1..=26)
            .map(|voter| Ballot {
                voter,
                choice: Choice::Yes,
            })
            .collect(),
    );
    assert_eq!(
        error("residents-meeting", &e, &ballots, VoteMethod::Named),
        VoteError::BallotsExceedPresent {
            measure: Measure::Heads,
            ballots: 26,
            present: 25
        }
    );
}

#[test]
fn household_majority_weighs_unit_heads_by_their_households() {
    // Five unit heads: 12 + 8 + 10 + 6 + 4 = 40 households; E (4) is absent.
    let e = electorate(vec![
        unit_head(1, true, 12),
        unit_head(2, true, 8),
        unit_head(3, true, 10),
        unit_head(4, true, 6),
        unit_head(5, false, 4),
    ]);
    // 36 of 40 households present. A and C: 22 of 36 households, though only
    // 2 of 4 heads, pass.
    let ballots = named(&[
        (1, Choice::Yes),
        (2, Choice::No),
        (3, Choice::Yes),
        (4, Choice::No),
    ]);
    let j = judge_as("household-majority", &e, &ballots);
    assert_eq!(j.outcome, Outcome::Passed);
    assert_eq!(j.tally.yes.households, 22);
    assert_eq!(j.tally.present.households, 36);
    // B and C: 18 of 36 is exactly half and fails.
    let ballots = named(&[
        (1, Choice::No),
        (2, Choice::Yes),
        (3, Choice::Yes),
        (4, Choice::No),
    ]);
    assert_eq!(outcome("household-majority", &e, &ballots), Outcome::Failed);
    // B, C and D (24 of 36) pass; A, present without a ballot, counts as not voting.
    let ballots = named(&[(2, Choice::Yes), (3, Choice::Yes), (4, Choice::Yes)]);
    assert_eq!(outcome("household-majority", &e, &ballots), Outcome::Passed);
}

#[test]
fn household_majority_quorum_counts_households_not_heads() {
    // Three heads of five present, but only 20 of 40 households: no quorum.
    let e = electorate(vec![
        unit_head(1, true, 12),
        unit_head(2, true, 4),
        unit_head(3, true, 4),
        unit_head(4, false, 10),
        unit_head(5, false, 10),
    ]);
    assert_eq!(
        outcome(
            "household-majority",
            &e,
            &named(&[(1, Choice::Yes), (2, Choice::Yes), (3, Choice::Yes)])
        ),
        Outcome::NoQuorum
    );
    // Two heads of five, but 22 of 40 households: quorum.
    let e = electorate(vec![
        unit_head(1, true, 12),
        unit_head(2, true, 10),
        unit_head(3, false, 6),
        unit_head(4, false, 6),
        unit_head(5, false, 6),
    ]);
    assert_eq!(
        outcome(
            "household-majority",
            &e,
            &named(&[(1, Choice::Yes), (2, Choice::No)])
        ),
        Outcome::Passed
    );
}

// ---------------------------------------------------------------------------
// Named ballots and impossible numbers
// ---------------------------------------------------------------------------

#[test]
fn a_second_ballot_from_the_same_voter_is_refused() {
    let ballots = named(&[(1, Choice::Yes), (2, Choice::No), (1, Choice::No)]);
    assert_eq!(
        error("simple-majority", &roll(3, 0), &ballots, VoteMethod::Named),
        VoteError::DuplicateBallot(1)
    );
    // Even two identical ballots.
    let ballots = named(&[(3, Choice::Yes), (3, Choice::Yes)]);
    assert_eq!(
        error("simple-majority", &roll(3, 0), &ballots, VoteMethod::Named),
        VoteError::DuplicateBallot(3)
    );
}

#[test]
fn a_ballot_from_outside_the_electorate_is_refused() {
    let ballots = named(&[(1, Choice::Yes), (99, Choice::Yes)]);
    assert_eq!(
        error("simple-majority", &roll(3, 0), &ballots, VoteMethod::Named),
        VoteError::NotEligible(99)
    );
    // Not voting is no excuse for being on the wrong list.
    let ballots = named(&[(42, Choice::NotVoting)]);
    assert_eq!(
        error("simple-majority", &roll(3, 0), &ballots, VoteMethod::Named),
        VoteError::NotEligible(42)
    );
}

#[test]
fn a_ballot_from_an_absent_voter_is_refused() {
    // Voters 1–3 present, 4–5 absent.
    for choice in [Choice::Yes, Choice::No, Choice::Abstain] {
        let ballots = named(&[(1, Choice::Yes), (5, choice)]);
        assert_eq!(
            error("simple-majority", &roll(3, 2), &ballots, VoteMethod::Named),
            VoteError::VoterNotPresent(5),
            "{choice:?}"
        );
    }
}

#[test]
fn not_voting_ballots_do_not_take_part() {
    let ballots = named(&[
        (1, Choice::Yes),
        (2, Choice::No),
        (3, Choice::Abstain),
        (4, Choice::NotVoting),
        (5, Choice::NotVoting),
    ]);
    let tally = Tally::of(&roll(6, 0), &ballots, VoteMethod::Named).unwrap();
    assert_eq!(tally.count(Count::Participating).heads, 3);
    assert_eq!(tally.count(Count::Cast).heads, 2);
    assert_eq!(tally.present.heads, 6);
    // Those with a not-voting ballot and the one without a ballot.
    assert_eq!(tally.not_voting(Measure::Heads), 3);
    // Under a residents' meeting they count against: 1 yes of 6 present.
    assert_eq!(
        outcome("residents-meeting", &roll(6, 0), &ballots),
        Outcome::Failed
    );
}

#[test]
fn ballots_in_the_wrong_form_for_the_method_are_refused() {
    let list = named(&[(1, Choice::Yes)]);
    assert_eq!(
        error("simple-majority", &roll(3, 0), &list, VoteMethod::HandCount),
        VoteError::MethodMismatch(VoteMethod::HandCount)
    );
    // A secret ballot keeps no names.
    assert_eq!(
        error("simple-majority", &roll(3, 0), &list, VoteMethod::Secret),
        VoteError::MethodMismatch(VoteMethod::Secret)
    );
    assert_eq!(
        error(
            "simple-majority",
            &roll(3, 0),
            &hands(1, 0, 0),
            VoteMethod::Named
        ),
        VoteError::MethodMismatch(VoteMethod::Named)
    );
    // Counts are right for a secret ballot.
    let j = judge(
        &rule("simple-majority"),
        &roll(3, 0),
        &hands(2, 1, 0),
        VoteMethod::Secret,
    )
    .unwrap();
    assert_eq!(j.outcome, Outcome::Passed);
}

#[test]
fn more_hands_than_people_present_are_refused() {
    assert_eq!(
        error(
            "simple-majority",
            &roll(10, 5),
            &hands(6, 4, 1),
            VoteMethod::HandCount
        ),
        VoteError::BallotsExceedPresent {
            measure: Measure::Heads,
            ballots: 11,
            present: 10
        }
    );
    // Exactly as many as present is fine.
    assert_eq!(
        outcome("simple-majority", &roll(10, 5), &hands(6, 4, 0)),
        Outcome::Passed
    );
}

#[test]
fn more_area_voting_than_present_is_refused() {
    let e = Electorate {
        voters: vec![],
        base: Some(heads_and_area(10, 1000.0)),
        present: Some(heads_and_area(8, 800.0)),
    };
    let ballots = Ballots::Counts {
        yes: heads_and_area(6, 700.0),
        no: heads_and_area(2, 100.01),
        abstain: Weights::default(),
    };
    assert_eq!(
        error("owners-general", &e, &ballots, VoteMethod::HandCount),
        VoteError::BallotsExceedPresent {
            measure: Measure::Area,
            ballots: 80_001,
            present: 80_000
        }
    );
}

#[test]
fn more_present_than_entitled_is_refused() {
    let mut e = roll(10, 0);
    e.base = Some(Weights::heads(8));
    assert_eq!(
        error(
            "residents-meeting",
            &e,
            &hands(5, 0, 0),
            VoteMethod::HandCount
        ),
        VoteError::PresentExceedsBase {
            measure: Measure::Heads,
            present: 10,
            base: 8
        }
    );
    let mut e = roll(3, 3);
    e.present = Some(Weights::heads(7));
    assert_eq!(
        error(
            "residents-meeting",
            &e,
            &hands(5, 0, 0),
            VoteMethod::HandCount
        ),
        VoteError::PresentExceedsBase {
            measure: Measure::Heads,
            present: 7,
            base: 6
        }
    );
}

#[test]
fn a_rule_by_area_without_any_area_recorded_is_refused() {
    let e = electorate((1..=5).map(|id| unit_head(id, true, 1)).collect());
    let ballots = named(&[
        (1, Choice::Yes),
        (2, Choice::Yes),
        (3, Choice::Yes),
        (4, Choice::Yes),
    ]);
    for id in ["owners-general", "owners-major"] {
        assert_eq!(
            error(id, &e, &ballots, VoteMethod::Named),
            VoteError::MeasureMissing(Measure::Area),
            "{id}"
        );
    }
    // The same electorate is fine for a rule by households.
    assert_eq!(outcome("household-majority", &e, &ballots), Outcome::Passed);
    // And by heads, households are not needed.
    assert_eq!(
        outcome("residents-meeting", &roll(5, 0), &hands(3, 0, 0)),
        Outcome::Passed
    );
    assert_eq!(
        error(
            "household-majority",
            &roll(5, 0),
            &hands(3, 0, 0),
            VoteMethod::HandCount
        ),
        VoteError::MeasureMissing(Measure::Households)
    );
}

#[test]
fn absurd_areas_do_not_crash_the_tally() {
    // A typo in a file (an area of 10²⁰ m²) must not panic on overflow.
    let e = electorate(vec![
        owner(1, true, 1e20),
        owner(2, true, 1e20),
        owner(3, true, 50.0),
    ]);
    let ballots = named(&[(1, Choice::Yes), (2, Choice::Yes), (3, Choice::No)]);
    let result = judge(&rule("owners-general"), &e, &ballots, VoteMethod::Named);
    assert!(result.is_ok(), "{result:?}");
    // Negative and non-numeric areas count as nothing.
    assert_eq!(area_to_centi(-12.5), 0);
    assert_eq!(area_to_centi(f64::NAN), 0);
    assert_eq!(area_to_centi(f64::INFINITY), 0);
    assert_eq!(area_to_centi(88.456), 8_846);
}

#[test]
fn errors_explain_themselves_in_both_languages() {
    assert_eq!(
        VoteError::DuplicateBallot(3).to_string(),
        "参会人 #3 投了两次票"
    );
    assert_eq!(
        VoteError::VoterNotPresent(5).message(Lang::En),
        "attendee #5 is not present and cannot vote"
    );
    let e = VoteError::BallotsExceedPresent {
        measure: Measure::Heads,
        ballots: 11,
        present: 10,
    };
    assert_eq!(
        e.message(Lang::Zh),
        "赞成、反对、弃权合计 11 人，多于出席的 10 人"
    );
    assert_eq!(
        e.message(Lang::En),
        "yes, no and abstain add up to 11, more than the 10 present"
    );
    assert_eq!(
        VoteError::MethodMismatch(VoteMethod::HandCount).message(Lang::Zh),
        "表决方式为举手表决，但票数的记录方式与之不符"
    );
    let missing = VoteError::MeasureMissing(Measure::Area);
    assert_eq!(
        missing.message(Lang::Zh),
        "此规则按面积计算，但表决人名单中没有面积数据"
    );
    assert_eq!(
        missing.message(Lang::En),
        "this rule counts floor area, but the voters have no floor area recorded"
    );
    assert_eq!(
        VoteError::MeasureMissing(Measure::Households).message(Lang::En),
        "this rule counts households, but the voters have no households recorded"
    );
    let e = VoteError::PresentExceedsBase {
        measure: Measure::Area,
        present: 123_450,
        base: 100_000,
    };
    assert_eq!(
        e.message(Lang::Zh),
        "出席 1,234.5 平方米，多于应到的 1,000 平方米"
    );
}

// ---------------------------------------------------------------------------
// Explanations
// ---------------------------------------------------------------------------

/// 20 residents on the roll, 11 present; 8 yes, 2 no, 1 abstain.
fn residents_example() -> Judgement {
    judge_as("residents-meeting", &roll(11, 9), &hands(8, 2, 1))
}

#[test]
fn a_passed_residents_meeting_is_explained_in_chinese_with_its_source() {
    let j = residents_example();
    assert_eq!(j.outcome, Outcome::Passed);
    assert_eq!(
        j.explain(Lang::Zh),
        "出席 11 人，超过应到 20 人的半数；赞成 8 人，超过出席 11 人的半数 — 通过（城市居民委员会组织法第九条）"
    );
}

#[test]
fn a_passed_residents_meeting_is_explained_in_english() {
    assert_eq!(
        residents_example().explain(Lang::En),
        "11 present, more than half of the 20 entitled; 8 in favour, more than half of the 11 present \
         — passed (Urban Residents' Committees Law, art. 9)"
    );
}

#[test]
fn the_kept_verdict_is_the_chinese_explanation() {
    let j = residents_example();
    let v = j.verdict();
    assert_eq!(v.outcome, Outcome::Passed);
    assert_eq!(v.explanation, j.explain(Lang::Zh));
}

#[test]
fn a_failed_vote_says_what_fell_short() {
    let j = judge_as("residents-meeting", &roll(12, 8), &hands(6, 5, 1));
    assert_eq!(
        j.explain(Lang::Zh),
        "出席 12 人，超过应到 20 人的半数；赞成 6 人，未超过出席 12 人的半数 — 未通过（城市居民委员会组织法第九条）"
    );
    assert_eq!(
        j.explain(Lang::En),
        "12 present, more than half of the 20 entitled; 6 in favour, not more than half of the 12 present \
         — failed (Urban Residents' Committees Law, art. 9)"
    );
}

#[test]
fn a_vote_without_quorum_is_explained_without_the_pass_conditions() {
    let j = judge_as("residents-meeting", &roll(10, 10), &hands(10, 0, 0));
    assert_eq!(
        j.explain(Lang::Zh),
        "出席 10 人，未超过应到 20 人的半数 — 未达到法定人数，表决无效（城市居民委员会组织法第九条）"
    );
    assert_eq!(
        j.explain(Lang::En),
        "10 present, not more than half of the 20 entitled — no quorum, the vote does not count \
         (Urban Residents' Committees Law, art. 9)"
    );
    let j = judge_as("village-reps", &roll(19, 11), &hands(19, 0, 0));
    assert_eq!(
        j.explain(Lang::Zh),
        "出席 19 人，未达到应到 30 人的三分之二 — 未达到法定人数，表决无效（村民委员会组织法第二十六条）"
    );
    assert_eq!(
        j.explain(Lang::En),
        "19 present, less than two thirds of the 30 entitled — no quorum, the vote does not count \
         (Villagers' Committees Law, art. 26)"
    );
}

#[test]
fn an_owners_vote_is_explained_in_square_metres_with_decimals() {
    let e = Electorate {
        voters: vec![],
        base: Some(heads_and_area(12, 1234.5)),
        present: Some(heads_and_area(10, 1034.25)),
    };
    let ballots = Ballots::Counts {
        yes: heads_and_area(7, 765.75),
        no: heads_and_area(2, 180.0),
        abstain: heads_and_area(1, 88.5),
    };
    let j = judge_as("owners-general", &e, &ballots);
    assert_eq!(j.outcome, Outcome::Passed);
    assert_eq!(
        j.explain(Lang::Zh),
        "参与表决 1,034.25 平方米，达到应到 1,234.5 平方米的三分之二；\
         参与表决 10 人，达到应到 12 人的三分之二；\
         赞成 765.75 平方米，超过参与表决 1,034.25 平方米的半数；\
         赞成 7 人，超过参与表决 10 人的半数 — 通过（民法典第二百七十八条）"
    );
    assert_eq!(
        j.explain(Lang::En),
        "1,034.25 m² taking part, at least two thirds of the 1,234.5 m² entitled; \
         10 taking part, at least two thirds of the 12 entitled; \
         765.75 m² in favour, more than half of the 1,034.25 m² taking part; \
         7 in favour, more than half of the 10 taking part — passed (Civil Code, art. 278)"
    );
}

#[test]
fn a_major_owners_vote_that_falls_short_says_three_quarters() {
    let e = Electorate {
        voters: vec![],
        base: Some(heads_and_area(10, 1000.0)),
        present: Some(heads_and_area(8, 800.0)),
    };
    let ballots = Ballots::Counts {
        yes: heads_and_area(6, 599.99),
        no: heads_and_area(2, 200.01),
        abstain: Weights::default(),
    };
    let j = judge_as("owners-major", &e, &ballots);
    assert!(
        j.explain(Lang::Zh)
            .contains("赞成 599.99 平方米，未达到参与表决 800 平方米的四分之三")
    );
    assert!(
        j.explain(Lang::Zh)
            .contains("赞成 6 人，达到参与表决 8 人的四分之三")
    );
    assert!(
        j.explain(Lang::Zh)
            .ends_with(" — 未通过（民法典第二百七十八条）")
    );
    assert!(
        j.explain(Lang::En)
            .contains("599.99 m² in favour, less than three quarters of the 800 m² taking part")
    );
}

#[test]
fn a_household_vote_is_explained_in_households() {
    let e = electorate(vec![
        unit_head(1, true, 12),
        unit_head(2, true, 8),
        unit_head(3, true, 10),
        unit_head(4, true, 6),
        unit_head(5, false, 4),
    ]);
    let ballots = named(&[(1, Choice::Yes), (3, Choice::Yes), (2, Choice::No)]);
    let j = judge_as("household-majority", &e, &ballots);
    assert_eq!(
        j.explain(Lang::Zh),
        "出席 36 户，超过应到 40 户的半数；赞成 22 户，超过出席 36 户的半数 — 通过（议事规则惯例）"
    );
    assert_eq!(
        j.explain(Lang::En),
        "36 households present, more than half of the 40 households entitled; \
         22 households in favour, more than half of the 36 households present — passed (local rules of debate)"
    );
}

#[test]
fn a_simple_majority_is_explained_against_the_votes_cast() {
    let j = judge_as("simple-majority", &roll(11, 0), &hands(5, 5, 1));
    assert_eq!(
        j.explain(Lang::Zh),
        "赞成 5 人，未超过赞成与反对合计 10 人的半数 — 未通过（议事规则惯例）"
    );
    let j = judge_as("two-thirds", &roll(12, 0), &hands(8, 4, 0));
    assert_eq!(
        j.explain(Lang::Zh),
        "赞成 8 人，达到赞成与反对合计 12 人的三分之二 — 通过（议事会章程）"
    );
    assert_eq!(
        j.explain(Lang::En),
        "8 in favour, at least two thirds of the 12 cast for or against — passed (the body's charter)"
    );
}

#[test]
fn consensus_is_explained_as_no_one_against() {
    let j = judge_as("consensus", &roll(9, 0), &hands(9, 0, 0));
    assert_eq!(
        j.explain(Lang::Zh),
        "无人反对；赞成 9 人 — 通过（议事会章程）"
    );
    assert_eq!(
        j.explain(Lang::En),
        "nobody against; 9 in favour — passed (the body's charter)"
    );
    let j = judge_as("consensus", &roll(9, 0), &hands(8, 1, 0));
    assert_eq!(
        j.explain(Lang::Zh),
        "反对 1 人；赞成 8 人 — 未通过（议事会章程）"
    );
    let j = judge_as("consensus", &roll(9, 0), &hands(0, 0, 9));
    assert_eq!(
        j.explain(Lang::Zh),
        "无人反对；无人赞成 — 未通过（议事会章程）"
    );
    assert_eq!(
        j.explain(Lang::En),
        "nobody against; nobody in favour — failed (the body's charter)"
    );
}

#[test]
fn a_vote_with_nothing_to_count_says_so_once() {
    let j = judge_as("simple-majority", &roll(5, 0), &hands(0, 0, 5));
    assert_eq!(
        j.explain(Lang::Zh),
        "赞成与反对合计人数为零，无从计算 — 未通过（议事规则惯例）"
    );
    assert_eq!(
        j.explain(Lang::En),
        "nobody cast for or against, nothing to count — failed (local rules of debate)"
    );
    let j = judge_as(
        "residents-meeting",
        &Electorate::default(),
        &Ballots::empty_counts(),
    );
    assert_eq!(
        j.explain(Lang::Zh),
        "应到人数为零，无从计算 — 未达到法定人数，表决无效（城市居民委员会组织法第九条）"
    );
    // Consensus checks the people taking part twice; the empty case is said once.
    let j = judge_as("consensus", &roll(5, 0), &Ballots::empty_counts());
    assert_eq!(
        j.explain(Lang::Zh),
        "参与表决人数为零，无从计算 — 未通过（议事会章程）"
    );
    assert_eq!(
        j.explain(Lang::En),
        "nobody taking part, nothing to count — failed (the body's charter)"
    );
}

#[test]
fn the_judgement_keeps_the_rule_source_and_every_check() {
    let j = residents_example();
    assert_eq!(j.source, rule("residents-meeting").source);
    assert_eq!(j.checks.len(), 2);
    assert_eq!(j.checks[0].stage, Stage::Quorum);
    assert_eq!(j.checks[1].stage, Stage::Pass);
    assert!(j.checks.iter().all(|c| c.met));
    assert_eq!(j.tally.base.heads, 20);
    assert_eq!(j.tally.present.heads, 11);
    assert_eq!(
        (j.tally.yes.heads, j.tally.no.heads, j.tally.abstain.heads),
        (8, 2, 1)
    );
}

#[test]
fn area_is_written_with_thousands_and_at_most_two_decimals() {
    assert_eq!(area_text(0), "0");
    assert_eq!(area_text(123_450), "1,234.5");
    assert_eq!(area_text(123_456), "1,234.56");
    assert_eq!(area_text(123_405), "1,234.05");
    assert_eq!(area_text(100_000_000), "1,000,000");
    assert_eq!(amount(Measure::Area, 8_650, Lang::Zh), "86.5 平方米");
    assert_eq!(amount(Measure::Households, 60, Lang::En), "60 households");
    assert_eq!(amount(Measure::Heads, 8, Lang::En), "8");
    assert_eq!(fraction_name(Fraction::new(3, 5), Lang::Zh), "5分之3");
    assert_eq!(fraction_name(Fraction::new(3, 5), Lang::En), "3/5");
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// One measure's numbers, consistent: abstain + no + yes ≤ present ≤ base.
#[derive(Debug, Clone, Copy)]
struct Split {
    base: u64,
    present: u64,
    yes: u64,
    no: u64,
    abstain: u64,
}

impl Split {
    fn part(&self) -> u64 {
        self.yes + self.no + self.abstain
    }
}

/// Reduce raw numbers to a consistent split; small ranges hit exact
/// thresholds and ties often.
fn split(max: u64) -> impl Strategy<Value = Split> {
    (
        0..=max,
        any::<u64>(),
        any::<u64>(),
        any::<u64>(),
        any::<u64>(),
    )
        .prop_map(|(base, p, y, n, a)| {
            let present = p % (base + 1);
            let yes = y % (present + 1);
            let no = n % (present - yes + 1);
            let abstain = a % (present - yes - no + 1);
            Split {
                base,
                present,
                yes,
                no,
                abstain,
            }
        })
}

fn centi_to_area(centi: u64) -> f64 {
    centi as f64 / 100.0
}

/// An electorate and counts from independent splits in heads, households
/// and hundredths of a square metre.
fn counted(h: Split, hh: Split, a: Split) -> (Electorate, Ballots) {
    let w = |heads: u64, households: u64, centi: u64| Weights {
        heads: u32::try_from(heads).unwrap(),
        households: u32::try_from(households).unwrap(),
        area: centi_to_area(centi),
    };
    (
        Electorate {
            voters: vec![],
            base: Some(w(h.base, hh.base, a.base)),
            present: Some(w(h.present, hh.present, a.present)),
        },
        Ballots::Counts {
            yes: w(h.yes, hh.yes, a.yes),
            no: w(h.no, hh.no, a.no),
            abstain: w(h.abstain, hh.abstain, a.abstain),
        },
    )
}

/// What each built-in rule decides, written out from DOMAIN.md's table in
/// plain integer arithmetic, independently of the rule data.
fn expected(id: &str, h: Split, hh: Split, a: Split) -> Result<Outcome, VoteError> {
    let decide = |quorum: bool, pass: bool| {
        Ok(if !quorum {
            Outcome::NoQuorum
        } else if pass {
            Outcome::Passed
        } else {
            Outcome::Failed
        })
    };
    match id {
        // Present > ½ base; yes > ½ present.
        "residents-meeting" => decide(2 * h.present > h.base, 2 * h.yes > h.present),
        // Area and owners taking part ≥ ⅔ of all; yes > ½ (or ≥ ¾) of those taking part.
        "owners-general" | "owners-major" => {
            if a.base == 0 {
                return Err(VoteError::MeasureMissing(Measure::Area));
            }
            let quorum = 3 * a.part() >= 2 * a.base && h.base > 0 && 3 * h.part() >= 2 * h.base;
            let pass = if id == "owners-general" {
                2 * a.yes > a.part() && 2 * h.yes > h.part()
            } else {
                a.part() > 0
                    && 4 * a.yes >= 3 * a.part()
                    && h.part() > 0
                    && 4 * h.yes >= 3 * h.part()
            };
            decide(quorum, pass)
        }
        // Present ≥ ⅔ of the members; yes > ½ present.
        "village-reps" => decide(
            h.base > 0 && 3 * h.present >= 2 * h.base,
            2 * h.yes > h.present,
        ),
        // Yes > no.
        "simple-majority" => decide(true, h.yes > h.no),
        "household-majority" => {
            if hh.base == 0 {
                return Err(VoteError::MeasureMissing(Measure::Households));
            }
            decide(2 * hh.present > hh.base, 2 * hh.yes > hh.present)
        }
        // Yes ≥ ⅔ of yes + no, i.e. yes ≥ 2 × no, with some vote cast.
        "two-thirds" => decide(true, h.yes + h.no > 0 && h.yes >= 2 * h.no),
        // Nobody against, somebody in favour.
        "consensus" => decide(true, h.no == 0 && h.yes > 0),
        other => panic!("no expectation for {other}"),
    }
}

fn rank(o: Outcome) -> u8 {
    match o {
        Outcome::NoQuorum => 0,
        Outcome::Failed => 1,
        Outcome::Passed => 2,
    }
}

/// A roster of owners who are also unit heads: (present, households, area
/// in hundredths, choice 0 yes / 1 no / 2 abstain / 3 not voting, whether
/// a not-voting voter hands in a blank "not voting" ballot).
fn roster() -> impl Strategy<Value = Vec<(bool, u32, u64, u8, bool)>> {
    prop::collection::vec(
        (
            any::<bool>(),
            1u32..=6,
            3_000u64..=20_000,
            0u8..4,
            any::<bool>(),
        ),
        0..=24,
    )
}

fn roster_vote(rows: &[(bool, u32, u64, u8, bool)]) -> (Electorate, Ballots) {
    let mut voters = Vec::new();
    let mut ballots = Vec::new();
    for (i, &(present, households, centi, choice, blank)) in rows.iter().enumerate() {
        let id = u32::try_from(i).unwrap() + 1;
        voters.push(Voter {
            attendee: id,
            present,
            households,
            area: Some(centi_to_area(centi)),
        });
        if !present {
            continue;
        }
        let choice = match choice {
            0 => Choice::Yes,
            1 => Choice::No,
            2 => Choice::Abstain,
            _ if blank => Choice::NotVoting,
            _ => continue,
        };
        ballots.push(Ballot { voter: id, choice });
    }
    (electorate(voters), Ballots::Named(ballots))
}

proptest! {
    #[test]
    fn every_builtin_rule_decides_as_the_table_says(
        h in split(30),
        hh in split(60),
        a in split(400_000),
    ) {
        let (e, ballots) = counted(h, hh, a);
        for id in ALL_RULES {
            let got = judge(&rule(id), &e, &ballots, VoteMethod::HandCount).map(|j| j.outcome);
            prop_assert_eq!(got, expected(id, h, hh, a), "{}", id);
        }
    }

    #[test]
    fn passing_means_every_check_was_met_and_the_explanation_says_so(
        h in split(30),
        hh in split(60),
        a in split(400_000),
    ) {
        let (e, ballots) = counted(h, hh, a);
        for id in ALL_RULES {
            let Ok(j) = judge(&rule(id), &e, &ballots, VoteMethod::HandCount) else { continue };
            let r = rule(id);
            let quorum_met = j.checks.iter().filter(|c| c.stage == Stage::Quorum).all(|c| c.met);
            match j.outcome {
                Outcome::Passed => {
                    prop_assert!(j.checks.iter().all(|c| c.met));
                    prop_assert_eq!(j.checks.len(), r.quorum.len() + r.pass.len());
                }
                Outcome::Failed => {
                    prop_assert!(quorum_met);
                    prop_assert!(j.checks.iter().any(|c| c.stage == Stage::Pass && !c.met));
                }
                Outcome::NoQuorum => {
                    prop_assert!(!quorum_met);
                    prop_assert!(j.checks.iter().all(|c| c.stage == Stage::Quorum));
                }
            }
            let zh = j.explain(Lang::Zh);
            let tail = format!(" — {}（{}）",
                match j.outcome {
                    Outcome::NoQuorum => "未达到法定人数，表决无效",
                    o => o.label(Lang::Zh),
                },
                r.source.zh);
            prop_assert!(zh.ends_with(&tail), "{}: {}", id, zh);
            prop_assert!(!zh.starts_with(" — "), "{}: {}", id, zh);
        }
    }

    #[test]
    fn one_more_yes_never_makes_the_outcome_worse(
        rows in roster(),
        idle_one in (1u32..=6, 3_000u64..=20_000, any::<bool>()),
        pick in any::<prop::sample::Index>(),
    ) {
        // At least one voter is present and not voting.
        let mut rows = rows;
        rows.push((true, idle_one.0, idle_one.1, 3, idle_one.2));
        let (e, before) = roster_vote(&rows);
        let idle: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.0 && r.3 == 3)
            .map(|(i, _)| i)
            .collect();
        let mut rows_after = rows.clone();
        rows_after[idle[pick.index(idle.len())]].3 = 0;
        let (_, after) = roster_vote(&rows_after);
        for id in ALL_RULES {
            let o1 = outcome(id, &e, &before);
            let o2 = outcome(id, &e, &after);
            prop_assert!(rank(o2) >= rank(o1), "{}: {:?} became {:?}", id, o1, o2);
        }
        // In particular, Passed stays Passed under the majority rules.
        for id in ["simple-majority", "residents-meeting", "owners-general"] {
            if outcome(id, &e, &before) == Outcome::Passed {
                prop_assert_eq!(outcome(id, &e, &after), Outcome::Passed, "{}", id);
            }
        }
    }

    #[test]
    fn a_tie_never_passes_a_more_than_half_rule(
        base in 0u32..40,
        present_raw in any::<u32>(),
        half_raw in any::<u32>(),
        abstain_raw in any::<u32>(),
    ) {
        // yes = no: never passes a simple majority.
        let present = present_raw % (base + 1);
        let half = half_raw % (present / 2 + 1);
        let abstain = abstain_raw % (present - 2 * half + 1);
        let mut e = roll(present, base - present);
        prop_assert_ne!(outcome("simple-majority", &e, &hands(half, half, abstain)), Outcome::Passed);
        // yes exactly half of those present: never passes where yes must be
        // more than half of those present.
        if present % 2 == 0 {
            let yes = present / 2;
            let ballots = hands(yes, present - yes, 0);
            for id in ["residents-meeting", "village-reps"] {
                prop_assert_ne!(outcome(id, &e, &ballots), Outcome::Passed, "{}", id);
            }
            // The same split with everyone an owner of one flat, under §278.
            e.voters.iter_mut().for_each(|v| v.area = Some(80.0));
            let ballots = Ballots::Counts {
                yes: heads_and_area(yes, f64::from(yes) * 80.0),
                no: heads_and_area(present - yes, f64::from(present - yes) * 80.0),
                abstain: Weights::default(),
            };
            if base > 0 {
                prop_assert_ne!(outcome("owners-general", &e, &ballots), Outcome::Passed);
            }
        }
    }

    #[test]
    fn a_household_tie_never_passes(
        yes_side in prop::collection::vec(1u32..=8, 1..=6),
        no_side in prop::collection::vec(1u32..=8, 0..=6),
        absent in prop::collection::vec(1u32..=8, 0..=4),
    ) {
        // Unit heads for and against, topped up so both sides speak for the
        // same number of households.
        let (mut yes_side, mut no_side) = (yes_side, no_side);
        let (y, n): (u32, u32) = (yes_side.iter().sum(), no_side.iter().sum());
        if y > n {
            no_side.push(y - n);
        } else if n > y {
            yes_side.push(n - y);
        }
        let mut voters = Vec::new();
        let mut ballots = Vec::new();
        for (households, choice) in yes_side
            .iter()
            .map(|&h| (h, Some(Choice::Yes)))
            .chain(no_side.iter().map(|&h| (h, Some(Choice::No))))
            .chain(absent.iter().map(|&h| (h, None)))
        {
            let id = u32::try_from(voters.len()).unwrap() + 1;
            voters.push(unit_head(id, choice.is_some(), households));
            if let Some(choice) = choice {
                ballots.push(Ballot { voter: id, choice });
            }
        }
        let j = judge_as("household-majority", &electorate(voters), &Ballots::Named(ballots));
        prop_assert_eq!(2 * j.tally.yes.households, j.tally.present.households);
        prop_assert_ne!(j.outcome, Outcome::Passed);
    }

    #[test]
    fn no_quorum_does_not_depend_on_how_people_voted(
        rows in roster(),
        choices in prop::collection::vec((0u8..4, any::<bool>()), 24),
    ) {
        prop_assume!(!rows.is_empty());
        let (e, first) = roster_vote(&rows);
        let other_rows: Vec<_> = rows
            .iter()
            .zip(&choices)
            .map(|(r, &(c, blank))| (r.0, r.1, r.2, c, blank))
            .collect();
        let (_, second) = roster_vote(&other_rows);
        for id in ["residents-meeting", "village-reps", "household-majority"] {
            let o1 = outcome(id, &e, &first);
            let o2 = outcome(id, &e, &second);
            prop_assert_eq!(o1 == Outcome::NoQuorum, o2 == Outcome::NoQuorum, "{}", id);
        }
        for id in ["simple-majority", "two-thirds", "consensus"] {
            prop_assert_ne!(outcome(id, &e, &first), Outcome::NoQuorum, "{}", id);
        }
    }

    #[test]
    fn the_tally_never_has_more_taking_part_than_present(
        present in 0u32..30,
        absent in 0u32..10,
        yes in 0u32..30,
        no in 0u32..30,
        abstain in 0u32..30,
    ) {
        let e = roll(present, absent);
        let result = Tally::of(&e, &hands(yes, no, abstain), VoteMethod::HandCount);
        let taking_part = yes + no + abstain;
        if taking_part > present {
            prop_assert_eq!(
                result,
                Err(VoteError::BallotsExceedPresent {
                    measure: Measure::Heads,
                    ballots: u64::from(taking_part),
                    present: u64::from(present),
                })
            );
        } else {
            let t = result.unwrap();
            prop_assert!(t.count(Count::Participating).heads <= t.present.heads);
            prop_assert_eq!(t.not_voting(Measure::Heads), u64::from(present - taking_part));
        }
    }

    #[test]
    fn the_tally_checks_households_and_area_against_those_present(
        rows in roster(),
        extra_hh in 0u32..3,
        extra_centi in 0u64..3,
    ) {
        // Counts entered by hand: everyone present voted yes, plus a little.
        let (e, _) = roster_vote(&rows);
        let present = Tally::of(&e, &Ballots::empty_counts(), VoteMethod::HandCount)
            .unwrap()
            .present;
        let yes = Weights {
            heads: u32::try_from(present.heads).unwrap(),
            households: u32::try_from(present.households).unwrap() + extra_hh,
            area: centi_to_area(present.area_centi + extra_centi),
        };
        let ballots = Ballots::Counts { yes, no: Weights::default(), abstain: Weights::default() };
        let result = Tally::of(&e, &ballots, VoteMethod::HandCount);
        if extra_hh == 0 && extra_centi == 0 {
            prop_assert!(result.is_ok(), "{:?}", result);
        } else {
            let too_many = matches!(
                result,
                Err(VoteError::BallotsExceedPresent { measure: Measure::Households | Measure::Area, .. })
            );
            prop_assert!(too_many, "{:?}", result);
        }
    }

    #[test]
    fn named_ballots_tally_the_weights_of_their_voters(rows in roster()) {
        let (e, ballots) = roster_vote(&rows);
        let t = Tally::of(&e, &ballots, VoteMethod::Named).unwrap();
        let sum = |choice: u8| {
            rows.iter()
                .filter(|r| r.0 && r.3 == choice)
                .fold((0u64, 0u64, 0u64), |(h, hh, a), r| (h + 1, hh + u64::from(r.1), a + r.2))
        };
        let of = |amount: Amount| (amount.heads, amount.households, amount.area_centi);
        prop_assert_eq!(of(t.yes), sum(0));
        prop_assert_eq!(of(t.no), sum(1));
        prop_assert_eq!(of(t.abstain), sum(2));
        let all = rows.iter().fold((0u64, 0u64, 0u64), |(h, hh, a), r| (h + 1, hh + u64::from(r.1), a + r.2));
        prop_assert_eq!(of(t.base), all);
        prop_assert_eq!(t.present.heads, rows.iter().filter(|r| r.0).count() as u64);
    }
}
