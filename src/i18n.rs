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
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
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
