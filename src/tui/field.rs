//! A text field for Chinese and English: edits by characters, wraps by
//! display width, and says where the terminal cursor belongs so that input
//! methods open their candidate window at the text cursor.
//!
//! Written here rather than taken from tui-input (single line only) or
//! ratatui-textarea (no wrapping): a speech summary is a few sentences of
//! Chinese typed while someone talks, and must wrap inside its panel with the
//! cursor exactly placed.

use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    /// Cursor position in characters.
    cursor: usize,
}

/// Lines of a wrapped field and the cursor's (row, column) among them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    pub lines: Vec<String>,
    pub cursor: (u16, u16),
}

fn cw(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

impl TextField {
    pub fn new(text: &str) -> Self {
        TextField {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = self.text.chars().count();
    }

    fn byte_at(&self, char_idx: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_idx)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Insert text at the cursor (typed characters, IME commits, pastes).
    /// Line breaks become spaces: fields are single paragraphs.
    pub fn insert(&mut self, s: &str) {
        let clean: String = s
            .chars()
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let start = self.byte_at(self.cursor - 1);
        let end = self.byte_at(self.cursor);
        self.text.replace_range(start..end, "");
        self.cursor -= 1;
    }

    pub fn delete(&mut self) {
        let start = self.byte_at(self.cursor);
        let end = self.byte_at(self.cursor + 1);
        self.text.replace_range(start..end, "");
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// Delete from the cursor back to the start (Ctrl-U).
    pub fn clear_to_start(&mut self) {
        let at = self.byte_at(self.cursor);
        self.text.replace_range(..at, "");
        self.cursor = 0;
    }

    /// Wrap to `width` columns, breaking anywhere (an edited text must map
    /// every character to one place), with the cursor's place. The cursor
    /// may stand after the last character, so a full last line moves it to
    /// the start of a new line.
    pub fn wrap(&self, width: u16) -> Wrapped {
        let width = usize::from(width.max(2));
        let mut lines = vec![String::new()];
        let mut col = 0usize;
        let mut cursor = (0u16, 0u16);
        for (i, c) in self.text.chars().enumerate() {
            let w = cw(c);
            if col + w > width {
                lines.push(String::new());
                col = 0;
            }
            if i == self.cursor {
                cursor = ((lines.len() - 1) as u16, col as u16);
            }
            lines.last_mut().expect("one line").push(c);
            col += w;
        }
        if self.cursor >= self.text.chars().count() {
            if col >= width {
                lines.push(String::new());
                col = 0;
            }
            cursor = ((lines.len() - 1) as u16, col as u16);
        }
        Wrapped { lines, cursor }
    }

    /// One line `width` columns wide, scrolled so the cursor is visible:
    /// the visible text and the cursor's column in it.
    pub fn single_line(&self, width: u16) -> (String, u16) {
        let width = usize::from(width.max(2));
        let chars: Vec<char> = self.text.chars().collect();
        let before: usize = chars[..self.cursor.min(chars.len())]
            .iter()
            .map(|c| cw(*c))
            .sum();
        // Start far enough right that the cursor fits, keeping one column
        // for it at the end.
        let mut start = 0;
        let mut skipped = 0;
        while before - skipped >= width && start < chars.len() {
            skipped += cw(chars[start]);
            start += 1;
        }
        let mut shown = String::new();
        let mut w = 0;
        for &c in &chars[start..] {
            if w + cw(c) > width {
                break;
            }
            shown.push(c);
            w += cw(c);
        }
        (shown, (before - skipped) as u16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_characters_not_bytes() {
        let mut f = TextField::new("同意");
        f.left();
        f.insert("不");
        assert_eq!(f.text(), "同不意");
        f.backspace();
        f.backspace();
        assert_eq!(f.text(), "意");
        f.end();
        f.insert("见a\nb");
        assert_eq!(f.text(), "意见a b");
        f.home();
        f.delete();
        assert_eq!(f.text(), "见a b");
        f.right();
        f.clear_to_start();
        assert_eq!((f.text(), f.cursor()), ("a b", 0));
    }

    #[test]
    fn wraps_chinese_by_width_and_places_the_cursor() {
        let mut f = TextField::new("单元长收上来的钱由谁保管");
        // 12 characters of width 2 in 10 columns: 5 per line.
        let w = f.wrap(10);
        assert_eq!(w.lines, vec!["单元长收上", "来的钱由谁", "保管"]);
        assert_eq!(w.cursor, (2, 4));
        f.home();
        for _ in 0..6 {
            f.right();
        }
        assert_eq!(f.wrap(10).cursor, (1, 2));
        // A full last line puts the cursor on a new line.
        let f = TextField::new("一二三四五");
        assert_eq!(f.wrap(10).cursor, (1, 0));
    }

    #[test]
    fn a_wide_character_never_straddles_the_edge() {
        let mut f = TextField::new("abc北苑");
        f.home();
        let w = f.wrap(4);
        assert_eq!(w.lines, vec!["abc", "北苑"]);
        assert_eq!(w.cursor, (0, 0));
    }

    #[test]
    fn a_single_line_scrolls_to_keep_the_cursor_visible() {
        let f = TextField::new("北苑居小区第三次听证协商会");
        let (shown, col) = f.single_line(10);
        assert!(crate::text::width(&shown) <= 10);
        assert!(shown.ends_with("商会"), "{shown}");
        assert!(col <= 9);
        let mut f = f;
        f.home();
        assert_eq!(f.single_line(10), ("北苑居小区".to_string(), 0));
    }
}
