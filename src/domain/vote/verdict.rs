//! Judging a vote: tally the ballots, check the quorum, then the pass
//! conditions, and explain the result with the numbers and the rule's source.

use serde::{Deserialize, Serialize};

use super::rules::{Comparison, Condition, Count, Fraction, LocalText, Measure, VoteRule};
use super::{Ballots, Choice, Electorate, VoteMethod, Weights};
use crate::domain::AttendeeId;
use crate::i18n::{Label, Lang, Tx, group_thousands, tx};

/// passed / failed / no quorum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    Passed,
    Failed,
    NoQuorum,
}

impl Label for Outcome {
    fn tx(&self) -> Tx {
        match self {
            Outcome::Passed => tx("通过", "passed"),
            Outcome::Failed => tx("未通过", "failed"),
            Outcome::NoQuorum => tx("未达法定人数", "no quorum"),
        }
    }
}

/// The verdict as it is kept in the minutes: the outcome and its
/// explanation in Chinese, as computed when the vote was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub outcome: Outcome,
    pub explanation: String,
}

/// An amount of each measure, exact: floor area in hundredths of m².
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amount {
    pub heads: u64,
    pub households: u64,
    pub area_centi: u64,
}

impl Amount {
    pub fn from_weights(w: &Weights) -> Amount {
        Amount {
            heads: u64::from(w.heads),
            households: u64::from(w.households),
            area_centi: area_to_centi(w.area),
        }
    }

    pub fn get(&self, measure: Measure) -> u64 {
        match measure {
            Measure::Heads => self.heads,
            Measure::Households => self.households,
            Measure::Area => self.area_centi,
        }
    }

    /// Saturating, so that an absurd area in a file cannot overflow.
    fn add(self, o: Amount) -> Amount {
        Amount {
            heads: self.heads.saturating_add(o.heads),
            households: self.households.saturating_add(o.households),
            area_centi: self.area_centi.saturating_add(o.area_centi),
        }
    }
}

/// Square metres to exact hundredths (negative and non-finite areas count as 0).
pub fn area_to_centi(area: f64) -> u64 {
    if area.is_finite() && area > 0.0 {
        (area * 100.0).round() as u64
    } else {
        0
    }
}

/// The numbers a rule is judged on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub base: Amount,
    pub present: Amount,
    pub yes: Amount,
    pub no: Amount,
    pub abstain: Amount,
}

impl Tally {
    pub fn count(&self, count: Count) -> Amount {
        match count {
            Count::Base => self.base,
            Count::Present => self.present,
            Count::Participating => self.yes.add(self.no).add(self.abstain),
            Count::Cast => self.yes.add(self.no),
            Count::Yes => self.yes,
            Count::No => self.no,
            Count::Abstain => self.abstain,
        }
    }

    /// Present but not voting.
    pub fn not_voting(&self, measure: Measure) -> u64 {
        self.present
            .get(measure)
            .saturating_sub(self.count(Count::Participating).get(measure))
    }

    /// Tally the ballots of an electorate, refusing impossible numbers.
    pub fn of(
        electorate: &Electorate,
        ballots: &Ballots,
        method: VoteMethod,
    ) -> Result<Tally, VoteError> {
        let roster_base = electorate.voters.iter().fold(Amount::default(), |acc, v| {
            acc.add(Amount::from_weights(&v.weights()))
        });
        let roster_present = electorate
            .voters
            .iter()
            .filter(|v| v.present)
            .fold(Amount::default(), |acc, v| {
                acc.add(Amount::from_weights(&v.weights()))
            });
        let base = electorate
            .base
            .as_ref()
            .map_or(roster_base, Amount::from_weights);
        let present = electorate
            .present
            .as_ref()
            .map_or(roster_present, Amount::from_weights);

        let (yes, no, abstain) = match (ballots, method) {
            (Ballots::Counts { yes, no, abstain }, VoteMethod::HandCount | VoteMethod::Secret) => (
                Amount::from_weights(yes),
                Amount::from_weights(no),
                Amount::from_weights(abstain),
            ),
            (Ballots::Named(list), VoteMethod::Named) => {
                let mut sums = [Amount::default(); 3];
                for (i, ballot) in list.iter().enumerate() {
                    if list[..i].iter().any(|b| b.voter == ballot.voter) {
                        return Err(VoteError::DuplicateBallot(ballot.voter));
                    }
                    let voter = electorate
                        .voters
                        .iter()
                        .find(|v| v.attendee == ballot.voter)
                        .ok_or(VoteError::NotEligible(ballot.voter))?;
                    let slot = match ballot.choice {
                        Choice::Yes => 0,
                        Choice::No => 1,
                        Choice::Abstain => 2,
                        Choice::NotVoting => continue,
                    };
                    if !voter.present {
                        return Err(VoteError::VoterNotPresent(ballot.voter));
                    }
                    sums[slot] = sums[slot].add(Amount::from_weights(&voter.weights()));
                }
                (sums[0], sums[1], sums[2])
            }
            (_, method) => return Err(VoteError::MethodMismatch(method)),
        };

        let tally = Tally {
            base,
            present,
            yes,
            no,
            abstain,
        };
        for measure in [Measure::Heads, Measure::Households, Measure::Area] {
            // An override may give only some measures (`Weights::heads(120)`):
            // a measure it leaves at zero is not recorded there, and there is
            // nothing to check it against. `judge` checks every measure its
            // rule uses; heads are always recorded.
            let unrecorded = |w: &Option<Weights>| {
                measure != Measure::Heads
                    && w.as_ref()
                        .is_some_and(|w| Amount::from_weights(w).get(measure) == 0)
            };
            tally.check(
                measure,
                !unrecorded(&electorate.base),
                !unrecorded(&electorate.present),
            )?;
        }
        Ok(tally)
    }

    /// Refuse more present than entitled (if `against_base`) and more
    /// ballots than present (if `against_present`) in `measure`.
    fn check(
        &self,
        measure: Measure,
        against_base: bool,
        against_present: bool,
    ) -> Result<(), VoteError> {
        if against_base && self.present.get(measure) > self.base.get(measure) {
            return Err(VoteError::PresentExceedsBase {
                measure,
                present: self.present.get(measure),
                base: self.base.get(measure),
            });
        }
        let participating = self.count(Count::Participating).get(measure);
        if against_present && participating > self.present.get(measure) {
            return Err(VoteError::BallotsExceedPresent {
                measure,
                ballots: participating,
                present: self.present.get(measure),
            });
        }
        Ok(())
    }
}

/// A vote that cannot be judged, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    #[error("{}", self.message(Lang::Zh))]
    DuplicateBallot(AttendeeId),
    #[error("{}", self.message(Lang::Zh))]
    NotEligible(AttendeeId),
    #[error("{}", self.message(Lang::Zh))]
    VoterNotPresent(AttendeeId),
    #[error("{}", self.message(Lang::Zh))]
    MethodMismatch(VoteMethod),
    #[error("{}", self.message(Lang::Zh))]
    PresentExceedsBase {
        measure: Measure,
        present: u64,
        base: u64,
    },
    #[error("{}", self.message(Lang::Zh))]
    BallotsExceedPresent {
        measure: Measure,
        ballots: u64,
        present: u64,
    },
    #[error("{}", self.message(Lang::Zh))]
    MeasureMissing(Measure),
}

impl VoteError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            VoteError::DuplicateBallot(id) => lang.choose(
                format!("参会人 #{id} 投了两次票"),
                format!("attendee #{id} has two ballots"),
            ),
            VoteError::NotEligible(id) => lang.choose(
                format!("参会人 #{id} 不在本次表决的表决人名单中"),
                format!("attendee #{id} is not an eligible voter in this vote"),
            ),
            VoteError::VoterNotPresent(id) => lang.choose(
                format!("参会人 #{id} 未签到，不能投票"),
                format!("attendee #{id} is not present and cannot vote"),
            ),
            VoteError::MethodMismatch(method) => lang.choose(
                format!("表决方式为{}，但票数的记录方式与之不符", method.label(lang)),
                format!(
                    "the method is {} but the ballots are recorded in another form",
                    method.label(lang)
                ),
            ),
            VoteError::PresentExceedsBase {
                measure,
                present,
                base,
            } => lang.choose(
                format!(
                    "出席 {}，多于应到的 {}",
                    amount(*measure, *present, lang),
                    amount(*measure, *base, lang)
                ),
                format!(
                    "{} present is more than the {} entitled",
                    amount(*measure, *present, lang),
                    amount(*measure, *base, lang)
                ),
            ),
            VoteError::BallotsExceedPresent {
                measure,
                ballots,
                present,
            } => lang.choose(
                format!(
                    "赞成、反对、弃权合计 {}，多于出席的 {}",
                    amount(*measure, *ballots, lang),
                    amount(*measure, *present, lang)
                ),
                format!(
                    "yes, no and abstain add up to {}, more than the {} present",
                    amount(*measure, *ballots, lang),
                    amount(*measure, *present, lang)
                ),
            ),
            VoteError::MeasureMissing(measure) => lang.choose(
                format!(
                    "此规则按{}计算，但表决人名单中没有{}数据",
                    measure_name(*measure, lang),
                    measure_name(*measure, lang)
                ),
                format!(
                    "this rule counts {}, but the voters have no {} recorded",
                    measure_name(*measure, lang),
                    measure_name(*measure, lang)
                ),
            ),
        }
    }
}

/// Which stage of the rule a check belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Quorum,
    Pass,
}

/// One condition of the rule, evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub stage: Stage,
    pub condition: Condition,
    pub value: u64,
    pub reference: u64,
    pub met: bool,
}

/// The full result of judging a vote: outcome, every check, the tally.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub outcome: Outcome,
    pub checks: Vec<Check>,
    pub tally: Tally,
    pub source: LocalText,
}

/// Judge ballots under a rule.
pub fn judge(
    rule: &VoteRule,
    electorate: &Electorate,
    ballots: &Ballots,
    method: VoteMethod,
) -> Result<Judgement, VoteError> {
    let tally = Tally::of(electorate, ballots, method)?;
    let used = |measure: Measure| {
        rule.quorum
            .iter()
            .chain(&rule.pass)
            .any(|c| c.measure == measure)
    };
    for measure in [Measure::Households, Measure::Area] {
        if used(measure) && tally.base.get(measure) == 0 {
            return Err(VoteError::MeasureMissing(measure));
        }
    }
    for measure in [Measure::Heads, Measure::Households, Measure::Area] {
        if used(measure) {
            tally.check(measure, true, true)?;
        }
    }
    let evaluate = |stage: Stage, c: &Condition| {
        let value = tally.count(c.count).get(c.measure);
        let reference = tally.count(c.of).get(c.measure);
        // Nothing to measure against (nobody entitled, nobody voting): the
        // condition cannot be met, whatever the comparison says of 0 and 0.
        let met = reference > 0
            && c.comparison
                .holds(u128::from(value), c.fraction, u128::from(reference));
        Check {
            stage,
            condition: *c,
            value,
            reference,
            met,
        }
    };
    let mut checks: Vec<Check> = rule
        .quorum
        .iter()
        .map(|c| evaluate(Stage::Quorum, c))
        .collect();
    let outcome = if checks.iter().all(|c| c.met) {
        checks.extend(rule.pass.iter().map(|c| evaluate(Stage::Pass, c)));
        if checks.iter().all(|c| c.met) {
            Outcome::Passed
        } else {
            Outcome::Failed
        }
    } else {
        Outcome::NoQuorum
    };
    Ok(Judgement {
        outcome,
        checks,
        tally,
        source: rule.source.clone(),
    })
}

impl Judgement {
    /// `赞成 8 人，超过出席 11 人的半数 — 通过（城市居民委员会组织法第九条）`
    pub fn explain(&self, lang: Lang) -> String {
        // The same clause twice (two checks against an empty count) is said once.
        let mut clauses: Vec<String> = Vec::with_capacity(self.checks.len());
        for check in &self.checks {
            let clause = explain_check(check, lang);
            if !clauses.contains(&clause) {
                clauses.push(clause);
            }
        }
        let sep = lang.choose("；", "; ");
        let outcome = match (self.outcome, lang) {
            (Outcome::NoQuorum, Lang::Zh) => "未达到法定人数，表决无效",
            (Outcome::NoQuorum, Lang::En) => "no quorum, the vote does not count",
            (o, l) => o.label(l),
        };
        match lang {
            Lang::Zh => format!(
                "{} — {}（{}）",
                clauses.join(sep),
                outcome,
                self.source.get(lang)
            ),
            Lang::En => format!(
                "{} — {} ({})",
                clauses.join(sep),
                outcome,
                self.source.get(lang)
            ),
        }
    }

    /// The verdict to keep in the minutes (explained in Chinese).
    pub fn verdict(&self) -> Verdict {
        Verdict {
            outcome: self.outcome,
            explanation: self.explain(Lang::Zh),
        }
    }
}

fn explain_check(check: &Check, lang: Lang) -> String {
    let c = &check.condition;
    let value = amount(c.measure, check.value, lang);
    let reference = amount(c.measure, check.reference, lang);
    if check.reference == 0 {
        return match lang {
            Lang::Zh => format!(
                "{}{}为零，无从计算",
                count_name_zh(c.of),
                measure_name(c.measure, lang)
            ),
            Lang::En => format!("nobody {}, nothing to count", count_name_en(c.of)),
        };
    }
    if c.fraction.num == 0 {
        // "No one against" (at most 0) and "someone in favour" (more than 0).
        return match (lang, check.value) {
            (Lang::Zh, 0) => format!("无人{}", count_name_zh(c.count)),
            (Lang::Zh, _) => format!("{} {}", count_name_zh(c.count), value),
            (Lang::En, 0) => format!("nobody {}", count_name_en(c.count)),
            (Lang::En, _) => format!("{} {}", value, count_name_en(c.count)),
        };
    }
    let frac = fraction_name(c.fraction, lang);
    match lang {
        Lang::Zh => {
            let verb = match (c.comparison, check.met) {
                (Comparison::MoreThan, true) => "超过",
                (Comparison::MoreThan, false) => "未超过",
                (Comparison::AtLeast, true) => "达到",
                (Comparison::AtLeast, false) => "未达到",
                (Comparison::AtMost, true) => "不超过",
                (Comparison::AtMost, false) => "超过",
            };
            format!(
                "{} {}，{}{} {}的{}",
                count_name_zh(c.count),
                value,
                verb,
                count_name_zh(c.of),
                reference,
                frac
            )
        }
        Lang::En => {
            let verb = match (c.comparison, check.met) {
                (Comparison::MoreThan, true) => "more than",
                (Comparison::MoreThan, false) => "not more than",
                (Comparison::AtLeast, true) => "at least",
                (Comparison::AtLeast, false) => "less than",
                (Comparison::AtMost, true) => "at most",
                (Comparison::AtMost, false) => "more than",
            };
            format!(
                "{} {}, {} {} of the {} {}",
                value,
                count_name_en(c.count),
                verb,
                frac,
                reference,
                count_name_en(c.of)
            )
        }
    }
}

fn count_name_zh(count: Count) -> &'static str {
    match count {
        Count::Base => "应到",
        Count::Present => "出席",
        Count::Participating => "参与表决",
        Count::Cast => "赞成与反对合计",
        Count::Yes => "赞成",
        Count::No => "反对",
        Count::Abstain => "弃权",
    }
}

fn count_name_en(count: Count) -> &'static str {
    match count {
        Count::Base => "entitled",
        Count::Present => "present",
        Count::Participating => "taking part",
        Count::Cast => "cast for or against",
        Count::Yes => "in favour",
        Count::No => "against",
        Count::Abstain => "abstaining",
    }
}

/// The name of a measure: 人数 / 户数 / 面积.
pub fn measure_name(measure: Measure, lang: Lang) -> &'static str {
    lang.pick(match measure {
        Measure::Heads => tx("人数", "head count"),
        Measure::Households => tx("户数", "households"),
        Measure::Area => tx("面积", "floor area"),
    })
}

/// `半数`, `三分之二`, `四分之三`; `half`, `two thirds`…
pub fn fraction_name(f: Fraction, lang: Lang) -> String {
    let known = match (f.num, f.den) {
        (1, 2) => Some(tx("半数", "half")),
        (2, 3) => Some(tx("三分之二", "two thirds")),
        (3, 4) => Some(tx("四分之三", "three quarters")),
        (1, 3) => Some(tx("三分之一", "one third")),
        (1, 4) => Some(tx("四分之一", "one quarter")),
        (1, 1) => Some(tx("全部", "all")),
        _ => None,
    };
    match known {
        Some(t) => lang.pick(t).to_string(),
        None => lang.choose(
            format!("{}分之{}", f.den, f.num),
            format!("{}/{}", f.num, f.den),
        ),
    }
}

/// An amount with its unit: `8 人`, `60 户`, `1,234.5 平方米` (`8`, `60
/// households`, `1,234.5 m²`).
pub fn amount(measure: Measure, value: u64, lang: Lang) -> String {
    match (measure, lang) {
        (Measure::Heads, Lang::Zh) => format!("{value} 人"),
        (Measure::Heads, Lang::En) => value.to_string(),
        (Measure::Households, Lang::Zh) => format!("{value} 户"),
        (Measure::Households, Lang::En) => format!("{value} households"),
        (Measure::Area, Lang::Zh) => format!("{} 平方米", area_text(value)),
        (Measure::Area, Lang::En) => format!("{} m²", area_text(value)),
    }
}

/// Hundredths of m² as `1,234.5`.
pub fn area_text(centi: u64) -> String {
    let whole = group_thousands(centi / 100);
    match centi % 100 {
        0 => whole,
        c if c % 10 == 0 => format!("{whole}.{}", c / 10),
        c => format!("{whole}.{c:02}"),
    }
}

#[cfg(test)]
mod tests;
