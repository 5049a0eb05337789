//! A small document model: the minutes and the notice are built once as a
//! [`Doc`], then rendered as Markdown, HTML or plain text (and shown on the
//! minutes screen), so every format carries the same sections.

/// A document: a title, an optional subtitle, and blocks in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    pub title: String,
    pub subtitle: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A numbered section heading, e.g. 一、基本情况.
    Heading(String),
    /// A heading inside a section.
    Subheading(String),
    /// A paragraph of running text.
    Para(String),
    /// Label–value pairs.
    Fields(Vec<(String, String)>),
    /// A table with a header row.
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A bulleted list.
    List(Vec<String>),
    /// Lines set to the right: issuer and date at the foot of a notice.
    Closing(Vec<String>),
    /// Labels with room to sign.
    Signatures(Vec<String>),
}

impl Doc {
    pub fn new(title: impl Into<String>) -> Self {
        Doc {
            title: title.into(),
            ..Doc::default()
        }
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// Every piece of text in the document, for search and tests.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.title);
        out.push('\n');
        if let Some(s) = &self.subtitle {
            out.push_str(s);
            out.push('\n');
        }
        for b in &self.blocks {
            match b {
                Block::Heading(t) | Block::Subheading(t) | Block::Para(t) => {
                    out.push_str(t);
                    out.push('\n');
                }
                Block::Fields(f) => {
                    for (k, v) in f {
                        out.push_str(k);
                        out.push(' ');
                        out.push_str(v);
                        out.push('\n');
                    }
                }
                Block::Table { head, rows } => {
                    for row in std::iter::once(head).chain(rows) {
                        out.push_str(&row.join(" "));
                        out.push('\n');
                    }
                }
                Block::List(items) | Block::Closing(items) | Block::Signatures(items) => {
                    for i in items {
                        out.push_str(i);
                        out.push('\n');
                    }
                }
            }
        }
        out
    }
}
