//! Find where a path such as `votes[0].ballots` stands in RON source text,
//! so that problems found after parsing (an unknown field, a vote whose
//! numbers are impossible) are reported with a line and column.
//!
//! This is a small structural scanner, not a parser: it knows strings,
//! comments, brackets, `ident:` field keys, and enum/option wrappers such as
//! `Some(…)` or `Named([…])`. When the path cannot be followed it returns the
//! deepest position it reached.

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'a> {
    Field(&'a str),
    Index(usize),
}

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

/// The position of the last step of `path` in `src` (for a field, its key;
/// for an index, the element), or the deepest position reached.
pub fn locate(src: &str, path: &[Step<'_>]) -> LineCol {
    let mut scanner = Scanner { src, pos: 0 };
    scanner.skip_trivia();
    let mut found = scanner.pos;
    for step in path {
        match scanner.descend(step) {
            Some(at) => found = at,
            None => break,
        }
    }
    line_col(src, found)
}

/// Byte offset to line and column.
pub fn line_col(src: &str, offset: usize) -> LineCol {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    LineCol {
        line,
        col: before[line_start..].chars().count() + 1,
    }
}

struct Scanner<'s> {
    src: &'s str,
    pos: usize,
}

impl<'s> Scanner<'s> {
    fn rest(&self) -> &'s str {
        &self.src[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.pos += c.len_utf8();
        }
    }

    fn skip_trivia(&mut self) {
        loop {
            let rest = self.rest();
            if let Some(c) = rest.chars().next()
                && c.is_whitespace()
            {
                self.bump();
            } else if rest.starts_with("//") {
                self.pos += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with("/*") {
                self.skip_block_comment();
            } else {
                return;
            }
        }
    }

    fn skip_block_comment(&mut self) {
        let mut depth = 0usize;
        while !self.rest().is_empty() {
            let rest = self.rest();
            if rest.starts_with("/*") {
                depth += 1;
                self.pos += 2;
            } else if rest.starts_with("*/") {
                depth -= 1;
                self.pos += 2;
                if depth == 0 {
                    return;
                }
            } else {
                self.bump();
            }
        }
    }

    fn ident(&mut self) -> Option<&'s str> {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' || c == '#' && self.pos == start + 1 {
                self.bump();
            } else {
                break;
            }
        }
        (self.pos > start).then(|| &self.src[start..self.pos])
    }

    fn skip_string(&mut self) {
        // At `"`: skip to the closing quote, honouring escapes.
        self.bump();
        while let Some(c) = self.peek() {
            self.bump();
            match c {
                '\\' => self.bump(),
                '"' => return,
                _ => {}
            }
        }
    }

    fn skip_raw_string(&mut self) {
        // At `r`, followed by hashes and a quote.
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            hashes += 1;
            self.bump();
        }
        self.bump();
        let closing: String = std::iter::once('"')
            .chain(std::iter::repeat_n('#', hashes))
            .collect();
        match self.rest().find(&closing) {
            Some(i) => self.pos += i + closing.len(),
            None => self.pos = self.src.len(),
        }
    }

    /// Skip one value, whatever it is.
    fn skip_value(&mut self) {
        self.skip_trivia();
        match self.peek() {
            Some('"') => self.skip_string(),
            Some('\'') => {
                self.bump();
                while let Some(c) = self.peek() {
                    self.bump();
                    match c {
                        '\\' => self.bump(),
                        '\'' => break,
                        _ => {}
                    }
                }
            }
            Some('r') if matches!(self.rest().as_bytes().get(1), Some(b'"' | b'#')) => {
                self.skip_raw_string()
            }
            Some('(' | '[' | '{') => self.skip_group(),
            Some(_) => {
                // A number, identifier, or `Ident(…)`.
                let start = self.pos;
                while let Some(c) = self.peek() {
                    if c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '+' | '#') {
                        self.bump();
                    } else {
                        break;
                    }
                }
                if self.pos == start {
                    self.bump();
                    return;
                }
                self.skip_trivia();
                if self.peek() == Some('(') {
                    self.skip_group();
                }
            }
            None => {}
        }
    }

    /// At an opening bracket: skip to after its closing bracket.
    fn skip_group(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                '"' => {
                    self.skip_string();
                    continue;
                }
                '/' if self.rest().starts_with("//") || self.rest().starts_with("/*") => {
                    self.skip_trivia();
                    continue;
                }
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.bump();
                        return;
                    }
                }
                _ => {}
            }
            self.bump();
        }
    }

    /// Enter wrappers (`Some(`, `Variant(`, `(` of a newtype) until the
    /// scanner stands at the opening bracket `want` or at the first field
    /// key of a struct body.
    fn enter(&mut self, want_list: bool) -> bool {
        for _ in 0..8 {
            self.skip_trivia();
            match self.peek() {
                Some('[') if want_list => {
                    self.bump();
                    return true;
                }
                Some('(') => {
                    self.bump();
                    self.skip_trivia();
                    if !want_list && self.at_field_key() {
                        return true;
                    }
                }
                Some(c) if c.is_alphabetic() => {
                    if !want_list && self.at_field_key() {
                        return true;
                    }
                    self.ident();
                }
                _ => return false,
            }
        }
        false
    }

    fn at_field_key(&self) -> bool {
        let mut probe = Scanner {
            src: self.src,
            pos: self.pos,
        };
        if probe.ident().is_none() {
            return false;
        }
        probe.skip_trivia();
        probe.peek() == Some(':')
    }

    /// Follow one step; return the position of what it names.
    fn descend(&mut self, step: &Step<'_>) -> Option<usize> {
        match step {
            Step::Field(name) => {
                if !self.enter(false) {
                    return None;
                }
                loop {
                    self.skip_trivia();
                    let key_at = self.pos;
                    let key = self.ident()?;
                    self.skip_trivia();
                    if self.peek() != Some(':') {
                        return None;
                    }
                    self.bump();
                    self.skip_trivia();
                    if key == *name {
                        return Some(key_at);
                    }
                    self.skip_value();
                    self.skip_trivia();
                    match self.peek() {
                        Some(',') => self.bump(),
                        _ => return None,
                    }
                }
            }
            Step::Index(index) => {
                if !self.enter(true) {
                    return None;
                }
                for _ in 0..*index {
                    self.skip_value();
                    self.skip_trivia();
                    if self.peek() != Some(',') {
                        return None;
                    }
                    self.bump();
                }
                self.skip_trivia();
                matches!(self.peek(), Some(c) if c != ']').then_some(self.pos)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"// a comment with votes: [ in it
(
    format_version: 1,
    meeting: (
        title: "北苑居(第三次) \"听证\"",
        series: Some((name: "系列", ordinal: 3)),
    ),
    votes: [
        (
            id: 1,
            ballots: Counts(yes: (heads: 6), no: (heads: 1)),
        ),
        (
            id: 2, /* block ( comment */
            ballots: Named([
                (voter: 3, choice: Yes),
                (voter: 4, choice: No),
            ]),
        ),
    ],
)
"#;

    fn at(path: &[Step<'_>]) -> (usize, usize) {
        let lc = locate(SRC, path);
        (lc.line, lc.col)
    }

    #[test]
    fn finds_fields_through_strings_with_brackets_and_comments() {
        assert_eq!(at(&[Step::Field("meeting"), Step::Field("series")]), (6, 9));
        assert_eq!(at(&[Step::Field("votes")]), (8, 5));
    }

    #[test]
    fn finds_indexed_elements_and_fields_inside_wrappers() {
        assert_eq!(
            at(&[Step::Field("votes"), Step::Index(1), Step::Field("ballots")]),
            (15, 13)
        );
        assert_eq!(
            at(&[
                Step::Field("votes"),
                Step::Index(1),
                Step::Field("ballots"),
                Step::Index(1),
                Step::Field("choice")
            ]),
            (17, 28)
        );
        assert_eq!(
            at(&[
                Step::Field("meeting"),
                Step::Field("series"),
                Step::Field("ordinal")
            ]),
            (6, 35)
        );
    }

    #[test]
    fn stops_at_the_deepest_position_reached() {
        // votes[5] does not exist: the position of `votes` is reported.
        assert_eq!(at(&[Step::Field("votes"), Step::Index(5)]), (8, 5));
        assert_eq!(at(&[Step::Field("nothing")]), (2, 1));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "(title: \"北苑居\", kind: Hearing)";
        assert_eq!(
            locate(src, &[Step::Field("kind")]),
            LineCol { line: 1, col: 16 }
        );
    }
}
