//! Plain-text rendering of a [`Doc`]: fixed width, aligned by display
//! columns, ASCII rules only (box-drawing characters are ambiguous-width in
//! Chinese fonts and misalign when printed).

use super::document::{Block, Doc};
use super::label_sep;
use crate::text::{pad_left, pad_right, width, wrap};

/// Width of a page of text.
pub const PAGE_WIDTH: usize = 78;

pub fn render(docs: &[Doc]) -> String {
    let mut out = String::new();
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            out.push_str(&format!("\n{}\n\n", "=".repeat(PAGE_WIDTH)));
        }
        for line in render_lines(doc, PAGE_WIDTH) {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

/// The document as lines of at most `page` columns.
pub fn render_lines(doc: &Doc, page: usize) -> Vec<String> {
    let mut out = Vec::new();
    for l in wrap(&doc.title, page) {
        out.push(center(&l, page));
    }
    if let Some(s) = &doc.subtitle {
        for l in wrap(s, page) {
            out.push(center(&l, page));
        }
    }
    for block in &doc.blocks {
        out.push(String::new());
        match block {
            Block::Heading(t) => out.extend(wrap(t, page)),
            Block::Subheading(t) => out.extend(wrap(t, page)),
            Block::Para(t) => out.extend(wrap(&format!("    {t}"), page)),
            Block::Fields(fields) => out.extend(fields_lines(fields, page)),
            Block::Table { head, rows } => out.extend(table_lines(head, rows, page)),
            Block::List(items) => {
                for item in items {
                    for (i, l) in wrap(item, page.saturating_sub(4)).into_iter().enumerate() {
                        out.push(format!("{}{l}", if i == 0 { "  - " } else { "    " }));
                    }
                }
            }
            Block::Closing(lines) => {
                for l in lines {
                    out.push(pad_left(l, page));
                }
            }
            Block::Signatures(labels) => {
                for l in labels {
                    out.push(format!("{l}{}______________________", label_sep(l)));
                    out.push(String::new());
                }
                out.pop();
            }
        }
    }
    out
}

fn center(s: &str, page: usize) -> String {
    let w = width(s);
    format!("{}{s}", " ".repeat(page.saturating_sub(w) / 2))
}

fn fields_lines(fields: &[(String, String)], page: usize) -> Vec<String> {
    let label_w = fields
        .iter()
        .map(|(k, _)| width(k) + width(label_sep(k)))
        .max()
        .unwrap_or(0)
        .min(page / 3);
    let value_w = page.saturating_sub(label_w + 2).max(10);
    let mut out = Vec::new();
    for (k, v) in fields {
        let label = format!("{k}{}", label_sep(k));
        for (i, l) in wrap(v, value_w).into_iter().enumerate() {
            let lead = if i == 0 {
                pad_right(&label, label_w)
            } else {
                " ".repeat(label_w)
            };
            out.push(format!("  {lead}{l}"));
        }
    }
    out
}

/// A table laid out in columns: widths from the content, the widest columns
/// narrowed (and their cells wrapped) until the table fits the page.
pub fn table_lines(head: &[String], rows: &[Vec<String>], page: usize) -> Vec<String> {
    const GAP: usize = 2;
    let n = head.len();
    if n == 0 {
        return Vec::new();
    }
    let mut widths: Vec<usize> = (0..n)
        .map(|i| {
            std::iter::once(head)
                .chain(rows.iter().map(|r| r.as_slice()))
                .filter_map(|r| r.get(i))
                .flat_map(|c| c.split('\n'))
                .map(width)
                .max()
                .unwrap_or(0)
                .max(2)
        })
        .collect();
    let available = page.saturating_sub(2 + GAP * (n - 1));
    while widths.iter().sum::<usize>() > available {
        let (widest, w) = widths
            .iter()
            .copied()
            .enumerate()
            .max_by_key(|&(_, w)| w)
            .expect("n > 0");
        if w <= 4 {
            break;
        }
        widths[widest] -= 1;
    }
    let mut out = Vec::new();
    let emit = |cells: &[String], out: &mut Vec<String>| {
        let wrapped: Vec<Vec<String>> = (0..n)
            .map(|i| wrap(cells.get(i).map_or("", String::as_str), widths[i]))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..height {
            let mut s = String::from("  ");
            for (i, col) in wrapped.iter().enumerate() {
                if i > 0 {
                    s.push_str(&" ".repeat(GAP));
                }
                s.push_str(&pad_right(
                    col.get(line).map_or("", String::as_str),
                    widths[i],
                ));
            }
            out.push(s);
        }
    };
    emit(head, &mut out);
    out.push(format!(
        "  {}",
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join(&" ".repeat(GAP))
    ));
    for r in rows {
        emit(r, &mut out);
    }
    out
}
