//! Vote rules as data.
//!
//! A rule is a list of quorum conditions and a list of pass conditions. Each
//! condition reads "the *count* of *measure* is *compared to* *fraction* of
//! the *reference count*", for example "yes heads are more than ½ of the
//! heads present". The built-in rules of DOMAIN.md live in
//! `builtin_rules.ron` next to this file; a body's own rule is one more entry
//! in a RON file of the same shape, with no code.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A vote rule: who must take part, and when a proposal passes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteRule {
    /// Short stable identifier, e.g. `residents-meeting`.
    pub id: String,
    pub name: LocalText,
    /// The law or charter the thresholds come from.
    pub source: LocalText,
    /// Conditions on participation, checked first. All must hold.
    #[serde(default)]
    pub quorum: Vec<Condition>,
    /// Conditions to pass, checked when the quorum holds. All must hold.
    pub pass: Vec<Condition>,
}

/// A text written in both languages, for data that users define.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalText {
    pub zh: String,
    pub en: String,
}

impl LocalText {
    pub fn get(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Zh => &self.zh,
            crate::i18n::Lang::En if self.en.is_empty() => &self.zh,
            crate::i18n::Lang::En => &self.en,
        }
    }
}

/// `count` of `measure` `comparison` `fraction` × `of` of `measure`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub measure: Measure,
    pub count: Count,
    pub comparison: Comparison,
    pub fraction: Fraction,
    pub of: Count,
}

/// What is counted: people, households, or floor area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    /// One per voter (人数).
    Heads,
    /// Households represented (户数).
    Households,
    /// Floor area of the voters' units (专有部分面积).
    Area,
}

/// Which group of the electorate a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Count {
    /// Everyone entitled to vote (全体 / 应到).
    Base,
    /// Entitled voters present (出席).
    Present,
    /// Voters who cast a ballot, abstentions included (参与表决).
    Participating,
    /// Ballots for or against, abstentions excluded (有效表决).
    Cast,
    /// In favour (赞成).
    Yes,
    /// Against (反对).
    No,
    /// Abstaining (弃权).
    Abstain,
}

/// How a number is compared with its threshold, in the law's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Comparison {
    /// 以上 / 不少于: at least (≥).
    AtLeast,
    /// 过半数 / 超过: strictly more than (>); a tie fails.
    #[default]
    MoreThan,
    /// 不超过: at most (≤), e.g. "no votes against" as at most 0.
    AtMost,
}

impl Comparison {
    /// Whether `value` compares as required with `fraction` × `total`,
    /// in exact integer arithmetic.
    pub fn holds(self, value: u128, fraction: Fraction, total: u128) -> bool {
        let lhs = value * u128::from(fraction.den);
        let rhs = total * u128::from(fraction.num);
        match self {
            Comparison::AtLeast => lhs >= rhs,
            Comparison::MoreThan => lhs > rhs,
            Comparison::AtMost => lhs <= rhs,
        }
    }
}

/// A fraction such as ½, ⅔ or ¾, written `"2/3"` in RON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fraction {
    pub num: u32,
    pub den: u32,
}

impl Fraction {
    /// # Panics
    /// If `den` is zero or `num > den`.
    pub const fn new(num: u32, den: u32) -> Self {
        assert!(den > 0 && num <= den);
        Fraction { num, den }
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

impl std::str::FromStr for Fraction {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a fraction like \"2/3\" between 0 and 1");
        let (num, den) = s.split_once('/').ok_or_else(bad)?;
        let num: u32 = num.trim().parse().map_err(|_| bad())?;
        let den: u32 = den.trim().parse().map_err(|_| bad())?;
        if den == 0 || num > den {
            return Err(bad());
        }
        Ok(Fraction { num, den })
    }
}

impl Serialize for Fraction {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Fraction {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The rules that ship with yishi (DOMAIN.md's table).
pub const BUILTIN_RULES_RON: &str = include_str!("builtin_rules.ron");

/// A file of rules: the shape of `builtin_rules.ron` and of a body's own rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleBook {
    pub rules: Vec<VoteRule>,
}

impl RuleBook {
    /// The built-in rules.
    ///
    /// # Panics
    /// Never for a released binary: a test parses the embedded file.
    pub fn builtin() -> RuleBook {
        let book: RuleBook =
            ron::from_str(BUILTIN_RULES_RON).expect("builtin_rules.ron is valid (tested)");
        book
    }

    pub fn get(&self, id: &str) -> Option<&VoteRule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Check a rule book: unique ids, at least one pass condition per rule.
    /// Each problem names the rule.
    pub fn validate(&self) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.id.trim().is_empty() {
                problems.push(format!("rules[{i}]: the rule has no id"));
            }
            if self.rules[..i].iter().any(|r| r.id == rule.id) {
                problems.push(format!("rules[{i}]: the id `{}` is used twice", rule.id));
            }
            if rule.pass.is_empty() {
                problems.push(format!(
                    "rules[{i}] (`{}`): a rule needs at least one pass condition",
                    rule.id
                ));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// Add the rules of another book; a rule with an id already present
    /// replaces the earlier one (a body's own rule overrides a built-in one).
    pub fn extend(&mut self, other: RuleBook) {
        for rule in other.rules {
            match self.rules.iter_mut().find(|r| r.id == rule.id) {
                Some(existing) => *existing = rule,
                None => self.rules.push(rule),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_parse_and_validate() {
        let book = RuleBook::builtin();
        assert!(book.validate().is_ok(), "{:?}", book.validate());
        for id in [
            "residents-meeting",
            "owners-general",
            "owners-major",
            "village-reps",
            "simple-majority",
            "two-thirds",
            "consensus",
        ] {
            assert!(book.get(id).is_some(), "missing builtin rule {id}");
        }
    }

    #[test]
    fn fractions_parse_and_reject_nonsense() {
        assert_eq!("2/3".parse::<Fraction>(), Ok(Fraction::new(2, 3)));
        assert_eq!(" 3 / 4 ".parse::<Fraction>(), Ok(Fraction::new(3, 4)));
        assert!("3/2".parse::<Fraction>().is_err());
        assert!("1/0".parse::<Fraction>().is_err());
        assert!("half".parse::<Fraction>().is_err());
    }

    #[test]
    fn comparisons_follow_the_words_of_the_law() {
        let half = Fraction::new(1, 2);
        let two_thirds = Fraction::new(2, 3);
        // 过半数: 5 of 10 is not more than half; 6 is.
        assert!(!Comparison::MoreThan.holds(5, half, 10));
        assert!(Comparison::MoreThan.holds(6, half, 10));
        // 三分之二以上: exactly 2 of 3 is enough.
        assert!(Comparison::AtLeast.holds(2, two_thirds, 3));
        assert!(!Comparison::AtLeast.holds(1, two_thirds, 3));
        assert!(Comparison::AtMost.holds(0, Fraction::new(0, 1), 7));
        assert!(!Comparison::AtMost.holds(1, Fraction::new(0, 1), 7));
    }

    #[test]
    fn a_body_rule_overrides_a_builtin_one() {
        let mut book = RuleBook::builtin();
        let n = book.rules.len();
        let own: RuleBook = ron::from_str(
            r#"(rules: [(
                id: "two-thirds",
                name: (zh: "本会三分之二", en: "our two-thirds"),
                source: (zh: "本会章程第五条", en: "charter art. 5"),
                pass: [(measure: Heads, count: Yes, comparison: AtLeast, fraction: "2/3", of: Participating)],
            )])"#,
        )
        .unwrap();
        book.extend(own);
        assert_eq!(book.rules.len(), n);
        assert_eq!(book.get("two-thirds").unwrap().source.zh, "本会章程第五条");
    }
}
