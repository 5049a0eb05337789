//! User-facing language: Chinese first, English on request.
//!
//! Every string a user sees is written as a [`Tx`] pair, so a string cannot
//! exist in one language only. Strings with parameters are small functions
//! that `match` on [`Lang`].

use serde::{Deserialize, Serialize};

/// The language of the interface and of exported documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
pub enum Lang {
    /// 中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Choose the text of this language from a pair.
    pub fn pick(self, tx: Tx) -> &'static str {
        match self {
            Lang::Zh => tx.zh,
            Lang::En => tx.en,
        }
    }

    /// Pick between two owned strings or formats.
    pub fn choose<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// List separator: "、" in Chinese, ", " in English.
    pub fn list_sep(self) -> &'static str {
        self.choose("、", ", ")
    }

    /// Join items with the language's list separator.
    pub fn join<I, S>(self, items: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut out = String::new();
        for (i, s) in items.into_iter().enumerate() {
            if i > 0 {
                out.push_str(self.list_sep());
            }
            out.push_str(s.as_ref());
        }
        out
    }
}

/// A text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tx {
    pub zh: &'static str,
    pub en: &'static str,
}

/// Build a [`Tx`] in a `const` context.
pub const fn tx(zh: &'static str, en: &'static str) -> Tx {
    Tx { zh, en }
}

/// Anything with a name in both languages (roles, states, kinds…).
pub trait Label {
    fn tx(&self) -> Tx;
    fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.tx())
    }
}

/// Format a count of yuan held in fen (1/100 yuan) with thousands separators:
/// `9,240` or `110.50`.
pub fn yuan(fen: i64) -> String {
    let neg = fen < 0;
    let fen = fen.unsigned_abs();
    let whole = group_thousands(fen / 100);
    let cents = fen % 100;
    let sign = if neg { "-" } else { "" };
    if cents == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{cents:02}")
    }
}

/// `12345` → `12,345`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `2016年3月15日` / `2016-03-15`.
pub fn date(d: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// `2016年3月15日 14:30` / `2016-03-15 14:30`.
pub fn date_time(t: crate::domain::Timestamp, lang: Lang) -> String {
    format!("{} {}", date(t.date_naive(), lang), t.format("%H:%M"))
}

/// `14:30`.
pub fn time(t: crate::domain::Timestamp) -> String {
    t.format("%H:%M").to_string()
}

/// A duration in seconds as `1分30秒` / `1 min 30 s`.
pub fn duration(secs: u32, lang: Lang) -> String {
    let (m, s) = (secs / 60, secs % 60);
    match (lang, m, s) {
        (Lang::Zh, 0, s) => format!("{s}秒"),
        (Lang::Zh, m, 0) => format!("{m}分钟"),
        (Lang::Zh, m, s) => format!("{m}分{s}秒"),
        (Lang::En, 0, s) => format!("{s} s"),
        (Lang::En, m, 0) => format!("{m} min"),
        (Lang::En, m, s) => format!("{m} min {s} s"),
    }
}

/// Chinese ordinal numerals for section numbers: 一, 二, … 二十.
pub fn cn_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

/// `2016-03-28`: compact dates for table cells, in both languages.
pub fn short_date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// User text as a sentence: trailing punctuation removed, then one `。`
/// (or `.` in English) added, so `…不合理。` never becomes `…不合理。。`.
pub fn sentence(text: &str, lang: Lang) -> String {
    let core = text
        .trim()
        .trim_end_matches(['。', '.', '，', ',', '；', ';', '！', '!']);
    if core.is_empty() {
        return String::new();
    }
    format!("{core}{}", lang.choose("。", "."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_formats_whole_and_fractional_amounts() {
        assert_eq!(yuan(924_000), "9,240");
        assert_eq!(yuan(11_050), "110.50");
        assert_eq!(yuan(5), "0.05");
        assert_eq!(yuan(-123_456_700), "-1,234,567");
    }

    #[test]
    fn join_uses_the_language_separator() {
        assert_eq!(Lang::Zh.join(["甲", "乙"]), "甲、乙");
        assert_eq!(Lang::En.join(["a", "b", "c"]), "a, b, c");
    }
}
