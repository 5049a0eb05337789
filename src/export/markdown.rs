//! Markdown rendering of a [`Doc`].

use super::document::{Block, Doc};
use super::label_sep;

pub fn render(docs: &[Doc]) -> String {
    let mut out = String::new();
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        render_one(doc, &mut out);
    }
    out
}

fn render_one(doc: &Doc, out: &mut String) {
    out.push_str(&format!("# {}\n\n", inline(&doc.title)));
    if let Some(s) = &doc.subtitle {
        out.push_str(&format!("{}\n\n", inline(s)));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(t) => out.push_str(&format!("## {}\n\n", inline(t))),
            Block::Subheading(t) => out.push_str(&format!("### {}\n\n", inline(t))),
            Block::Para(t) => out.push_str(&format!("{}\n\n", inline(t))),
            Block::Fields(fields) => {
                for (k, v) in fields {
                    out.push_str(&format!(
                        "- **{}**{}{}\n",
                        inline(k),
                        label_sep(k),
                        inline(v)
                    ));
                }
                out.push('\n');
            }
            Block::Table { head, rows } => {
                out.push_str(&row(head));
                out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                for r in rows {
                    out.push_str(&row(r));
                }
                out.push('\n');
            }
            Block::List(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", inline(i)));
                }
                out.push('\n');
            }
            Block::Closing(lines) => {
                for l in lines {
                    out.push_str(&format!("<div align=\"right\">{}</div>\n", inline(l)));
                }
                out.push('\n');
            }
            Block::Signatures(labels) => {
                for l in labels {
                    out.push_str(&format!(
                        "{}{}\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\n",
                        inline(l),
                        label_sep(l)
                    ));
                }
            }
        }
    }
}

fn row(cells: &[String]) -> String {
    let mut s = String::from("|");
    for c in cells {
        s.push(' ');
        s.push_str(&inline(c).replace('|', "\\|"));
        s.push_str(" |");
    }
    s.push('\n');
    s
}

/// Text safe inside a Markdown line: line breaks become `<br>`, and
/// characters that would start markup are escaped.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("<br>"),
            '*' | '_' | '`' | '#' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}
