//! Text measured in display columns: a Chinese character takes two.
//!
//! Used by the text exports and by the screens, which pre-wrap mixed
//! Chinese/ASCII text themselves (ratatui's `Paragraph` wraps at spaces
//! only, and Chinese has none).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of a string.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Characters that must not begin a line (Chinese closing punctuation).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '”'
            | '’'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
    )
}

/// Whether a character may be broken after/before freely (CJK and wide).
fn breaks_freely(c: char) -> bool {
    char_width(c) == 2
}

/// Split text into tokens that stay together on a line: a run of ASCII
/// letters/digits, a single wide character, or a run of spaces.
fn tokens(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if let Some(p) = prev {
            let same_run = !breaks_freely(c) && !breaks_freely(p) && (c == ' ') == (p == ' ');
            if !same_run {
                out.push(&line[start..i]);
                start = i;
            }
        }
        prev = Some(c);
    }
    if start < line.len() {
        out.push(&line[start..]);
    }
    out
}

/// Wrap text to `max` columns. Breaks between Chinese characters and at
/// spaces, never inside an ASCII word unless it is longer than a line, and
/// never puts closing punctuation at the start of a line. Existing line
/// breaks are kept. Always returns at least one line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for tok in tokens(para) {
            let tok_w = width(tok);
            if tok.starts_with(' ') {
                if line_w + tok_w <= max {
                    line.push_str(tok);
                    line_w += tok_w;
                } else {
                    lines.push(std::mem::take(&mut line).trim_end().to_string());
                    line_w = 0;
                }
                continue;
            }
            if line_w + tok_w <= max {
                line.push_str(tok);
                line_w += tok_w;
                continue;
            }
            // The token does not fit.
            let first = tok.chars().next().unwrap_or(' ');
            if no_line_start(first) && line.chars().count() > 1 {
                // Carry the last character down with the punctuation.
                let last = line.pop().unwrap_or(' ');
                lines.push(line.trim_end().to_string());
                line = String::from(last);
                line.push_str(tok);
                line_w = width(&line);
                continue;
            }
            if !line.trim().is_empty() {
                lines.push(line.trim_end().to_string());
            }
            line = String::new();
            line_w = 0;
            if tok_w <= max {
                line.push_str(tok);
                line_w = tok_w;
            } else {
                // A word longer than a line: hard-break it.
                for c in tok.chars() {
                    let w = char_width(c);
                    if line_w + w > max {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0;
                    }
                    line.push(c);
                    line_w += w;
                }
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Pad with spaces on the right to `w` columns (no-op when wider).
pub fn pad_right(s: &str, w: usize) -> String {
    let sw = width(s);
    let mut out = String::with_capacity(s.len() + w.saturating_sub(sw));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(sw)));
    out
}

/// Pad with spaces on the left to `w` columns.
pub fn pad_left(s: &str, w: usize) -> String {
    let sw = width(s);
    let mut out: String = std::iter::repeat_n(' ', w.saturating_sub(sw)).collect();
    out.push_str(s);
    out
}

/// Cut to at most `max` columns, marking a cut with `..`.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let keep = max.saturating_sub(2);
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw > keep {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push_str(&"..."[..max.min(2)]);
    out
}

/// The display column at which the character number `char_index` of `s`
/// starts (for placing the terminal cursor in a text field).
pub fn column_of_char(s: &str, char_index: usize) -> usize {
    s.chars().take(char_index).map(char_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_are_two_columns() {
        assert_eq!(width("北苑居"), 6);
        assert_eq!(width("9,240元"), 7);
        assert_eq!(column_of_char("单元长abc", 4), 7);
    }

    #[test]
    fn wraps_chinese_between_characters_within_the_width() {
        let lines = wrap("小区不再聘请物业公司由居民集资雇请保洁员", 10);
        assert_eq!(lines[0], "小区不再聘");
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert_eq!(lines.concat(), "小区不再聘请物业公司由居民集资雇请保洁员");
    }

    #[test]
    fn never_breaks_ascii_words_or_starts_a_line_with_a_comma() {
        let lines = wrap("费用为9240元，由unit heads收取", 12);
        for l in &lines {
            assert!(width(l) <= 12, "{lines:?}");
            assert!(!l.starts_with('，'), "{lines:?}");
        }
        assert!(lines.iter().any(|l| l.contains("9240")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("unit")), "{lines:?}");
        let joined: String = lines.concat();
        assert!(joined.contains("9240元，由"));
    }

    #[test]
    fn punctuation_that_would_open_a_line_takes_the_previous_character() {
        // Width 6 fits three characters; the comma would start line two.
        let lines = wrap("北苑居，好", 6);
        assert_eq!(lines, vec!["北苑", "居，好"]);
    }

    #[test]
    fn keeps_line_breaks_and_hard_breaks_overlong_words() {
        assert_eq!(wrap("甲\n乙", 10), vec!["甲", "乙"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
    }

    #[test]
    fn padding_and_truncation_count_columns() {
        assert_eq!(pad_right("单元", 6), "单元  ");
        assert_eq!(pad_left("12", 4), "  12");
        assert_eq!(truncate("北苑居小区第三次", 7), "北苑..");
        assert_eq!(width(&truncate("北苑居小区第三次", 7)), 6);
        assert_eq!(truncate("短", 7), "短");
    }
}
