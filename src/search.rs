//! Text search over minutes: the one definition of "a file contains TEXT",
//! shared by `yishi list --search` and the archive.
//!
//! The searchable text of a minutes file is every string value in it
//! (titles, names, topics, speech summaries, decisions, notices, dates…),
//! taken from the RON source with escapes resolved, so no field can be
//! forgotten. Matching finds substrings (Chinese included) and ignores the
//! case of ASCII letters.

use std::borrow::Cow;

/// Every string literal of a RON text, unescaped, in order. Comments are
/// skipped. Stops quietly at the end of malformed input.
pub fn string_values(src: &str) -> Vec<Cow<'_, str>> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&bytes[i + 2..], b"*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                let mut escaped = false;
                while j < bytes.len() {
                    match bytes[j] {
                        b'\\' => {
                            escaped = true;
                            j += 2;
                        }
                        b'"' => break,
                        _ => j += 1,
                    }
                }
                let end = j.min(bytes.len());
                let raw = &src[start..end];
                out.push(if escaped {
                    Cow::Owned(unescape(raw))
                } else {
                    Cow::Borrowed(raw)
                });
                i = end + 1;
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !is_ident_byte(bytes[i - 1])) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while bytes.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if bytes.get(j) != Some(&b'"') {
                    i = j;
                    continue;
                }
                let start = j + 1;
                let closing: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                let end = memchr::memmem::find(&bytes[start..], &closing)
                    .map_or(bytes.len(), |n| start + n);
                out.push(Cow::Borrowed(&src[start..end]));
                i = end + closing.len();
            }
            _ => i += 1,
        }
    }
    out
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Resolve RON string escapes (`\"`, `\\`, `\n`, `\t`, `\u{…}`…).
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let rest: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let hex = rest.trim_start_matches('{');
                if let Some(ch) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// A search term, ready to match: ASCII letters folded to lower case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    folded: String,
}

impl Query {
    pub fn new(text: &str) -> Self {
        Query {
            folded: text.to_ascii_lowercase(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// Whether `text` contains the query (ASCII case folded).
    pub fn matches(&self, text: &str) -> bool {
        if self.folded.is_empty() {
            return true;
        }
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            memchr::memmem::find(text.to_ascii_lowercase().as_bytes(), self.folded.as_bytes())
                .is_some()
        } else {
            memchr::memmem::find(text.as_bytes(), self.folded.as_bytes()).is_some()
        }
    }

    /// Whether any string value of a RON minutes text contains the query.
    pub fn matches_ron(&self, src: &str) -> bool {
        string_values(src).iter().any(|s| self.matches(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_string_value_and_skips_comments() {
        let src = r##"// "not this"
(title: "北苑居", names: ["Zhao \"Xiu\" Lan", r#"raw "quoted""#], n: 3, /* "nor this" */ t: "a\nb")"##;
        let values: Vec<String> = string_values(src)
            .into_iter()
            .map(Cow::into_owned)
            .collect();
        assert_eq!(
            values,
            vec!["北苑居", "Zhao \"Xiu\" Lan", "raw \"quoted\"", "a\nb"]
        );
    }

    #[test]
    fn matching_is_substring_and_ascii_case_insensitive() {
        let q = Query::new("PROPERTY");
        assert!(q.matches("the Property company"));
        assert!(!q.matches("物业公司"));
        assert!(Query::new("物业").matches("是否再行聘请物业公司"));
        assert!(Query::new("").matches("anything"));
        // Field names and enum values are not text.
        let src = r#"(title: "北苑居", kind: Hearing)"#;
        assert!(!Query::new("hearing").matches_ron(src));
        assert!(!Query::new("title").matches_ron(src));
        assert!(Query::new("苑居").matches_ron(src));
    }

    #[test]
    fn escapes_are_resolved_before_matching() {
        assert!(Query::new("\"听证\"").matches_ron(r#"(t: "第三次\"听证\"会")"#));
        assert!(Query::new("北").matches_ron(r#"(t: "\u{5317}苑")"#));
    }
}
