//! The public notice (公示) as a document, with every section of DOMAIN.md:
//! title, basis, the meeting, each decision with its figures, the vote
//! result, the period and place, how and until when to object, the effect
//! clause, issuer and date.

use super::document::{Block, Doc};
use super::minutes_doc::money_text;
use crate::domain::Minutes;
use crate::domain::decision::CostSplit;
use crate::domain::notice::{Notice, RestDays};
use crate::domain::roster::Role;
use crate::i18n::{self, Label, Lang};

/// One document per notice of the meeting.
pub fn notice_docs(m: &Minutes, lang: Lang) -> Vec<Doc> {
    m.notices.iter().map(|n| notice_doc(m, n, lang)).collect()
}

pub fn notice_doc(m: &Minutes, n: &Notice, lang: Lang) -> Doc {
    let rest = RestDays::weekends();
    let mut doc = Doc::new(n.title.clone());
    let mt = &m.meeting;

    // Basis and the meeting.
    let a = m.attendance();
    let roles: Vec<&str> = Role::ALL
        .iter()
        .filter(|r| !r.is_attending_body())
        .filter(|r| m.roster.iter().any(|p| p.role == **r && p.is_present()))
        .map(|r| r.label(lang))
        .collect();
    let meeting = lang.choose(
        format!(
            "{}{}于{}在{}召开{}，{}等 {} 人参加。",
            mt.community,
            mt.compound,
            i18n::date(m.date(), lang),
            mt.place,
            mt.title,
            lang.join(&roles),
            a.present
        ),
        format!(
            "{} {} held the {} on {} at {}, attended by {} people ({}).",
            mt.community,
            mt.compound,
            mt.title,
            i18n::date(m.date(), lang),
            mt.place,
            a.present,
            lang.join(&roles)
        ),
    );
    let opening = if n.basis.trim().is_empty() {
        meeting
    } else {
        format!("{}{}", i18n::sentence(&n.basis, lang), meeting)
    };
    doc.push(Block::Para(opening));

    // The decisions, each with its figures.
    let decisions: Vec<_> = n
        .decisions
        .iter()
        .filter_map(|id| m.decisions.iter().find(|d| d.id == *id))
        .collect();
    doc.push(Block::Para(lang.choose(
        "经协商，形成如下决定：".to_string(),
        "After deliberation, the meeting decided:".to_string(),
    )));
    for (i, d) in decisions.iter().enumerate() {
        let text = i18n::sentence(&d.text, lang);
        doc.push(Block::Para(if decisions.len() > 1 {
            lang.choose(
                format!("（{}）{text}", i18n::cn_number(i + 1)),
                format!("({}) {text}", i + 1),
            )
        } else {
            text
        }));
        let mut fields = Vec::new();
        if let Some(money) = &d.money {
            fields.push((
                lang.choose("费用", "Amount").to_string(),
                money_text(d, lang).unwrap_or_default(),
            ));
            if let Some(split) = CostSplit::compute(money, &m.roster) {
                fields.push((
                    lang.choose("分摊", "Share").to_string(),
                    lang.choose(
                        format!(
                            "共 {} 户，每户{} {} 元",
                            split.households,
                            money.period.label(lang),
                            i18n::yuan(split.per_household_fen)
                        ),
                        format!(
                            "{} households, {} yuan per household {}",
                            split.households,
                            i18n::yuan(split.per_household_fen),
                            money.period.label(lang)
                        ),
                    ),
                ));
            }
            if !money.collector.is_empty() {
                fields.push((
                    lang.choose("收取人", "Collector").to_string(),
                    money.collector.clone(),
                ));
            }
            if !money.collection.is_empty() {
                fields.push((
                    lang.choose("收取方式", "Collection").to_string(),
                    money.collection.clone(),
                ));
            }
        }
        if !d.responsible.is_empty() {
            fields.push((
                lang.choose("责任人", "Responsible").to_string(),
                d.responsible.clone(),
            ));
        }
        if !fields.is_empty() {
            doc.push(Block::Fields(fields));
        }
    }

    // The vote result.
    for d in &decisions {
        if let Some(vote) = d.vote.and_then(|v| m.votes.iter().find(|x| x.id == v))
            && let Ok(j) = vote.judge()
        {
            doc.push(Block::Para(lang.choose(
                format!(
                    "表决结果（{}）：{}",
                    vote.method.label(lang),
                    j.explain(lang)
                ),
                format!("Vote ({}): {}", vote.method.label(lang), j.explain(lang)),
            )));
        }
    }

    // The period and where it is posted.
    let period = n.period.describe(lang);
    match (n.current_posting(), n.last_day(&rest)) {
        (Some((at, _)), Some(last)) => doc.push(Block::Para(lang.choose(
            format!(
                "现予公示。公示期 {period}，自 {} 张贴之次日起算，至 {} 24 时止。公示地点：{}。",
                i18n::date(at.date_naive(), lang),
                i18n::date(last, lang),
                n.posted_where
            ),
            format!(
                "This notice runs for {period}, counted from the day after it was posted on {}, until the end of {}. Posted at: {}.",
                i18n::date(at.date_naive(), lang),
                i18n::date(last, lang),
                n.posted_where
            ),
        ))),
        _ => doc.push(Block::Para(lang.choose(
            format!("现予公示，公示期 {period}。公示地点：{}。", n.posted_where),
            format!("This notice runs for {period}. Posted at: {}.", n.posted_where),
        ))),
    }

    // How and until when to object.
    let until = n
        .last_day(&rest)
        .map(|d| {
            lang.choose(
                format!("于 {} 24 时前", i18n::date(d, lang)),
                format!("by the end of {}", i18n::date(d, lang)),
            )
        })
        .unwrap_or_else(|| {
            lang.choose(
                "于公示期内".to_string(),
                "within the notice period".to_string(),
            )
        });
    let channel = if n.objection_channel.trim().is_empty() {
        lang.choose(format!("向{}反映", n.issuer), format!("to {}", n.issuer))
    } else {
        n.objection_channel.trim().to_string()
    };
    doc.push(Block::Para(lang.choose(
        format!("如有异议，请{until}{}", i18n::sentence(&channel, lang)),
        format!("Objections: {until}, {}", i18n::sentence(&channel, lang)),
    )));

    // The effect clause.
    doc.push(Block::Para(lang.choose(
        "公示期满无异议后施行。".to_string(),
        "The decision takes effect when the notice period ends without objection.".to_string(),
    )));

    let date = n
        .posted_at()
        .map(|t| i18n::date(t.date_naive(), lang))
        .unwrap_or_default();
    doc.push(Block::Closing(vec![n.issuer.clone(), date]));
    doc
}
