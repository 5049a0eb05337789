//! HTML rendering of a [`Doc`], made to print on A4 with Chinese fonts.

use super::document::{Block, Doc};
use super::label_sep;
use crate::i18n::Lang;

const STYLE: &str = r#"
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", "SimSun", serif;
  font-size: 12pt; line-height: 1.65; color: #000; background: #fff;
  max-width: 174mm; margin: 0 auto;
}
h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt; letter-spacing: 0.05em; }
.subtitle { text-align: center; margin: 0 0 14pt; }
h2, h3 {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimHei", sans-serif;
  break-after: avoid; page-break-after: avoid;
}
h2 { font-size: 14pt; margin: 16pt 0 6pt; }
h3 { font-size: 12pt; margin: 10pt 0 4pt; }
p { text-indent: 2em; margin: 0 0 6pt; text-align: justify; }
ul { margin: 0 0 8pt; padding-left: 2em; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 10.5pt; }
th, td { border: 0.6pt solid #000; padding: 2pt 5pt; vertical-align: top; text-align: left; }
th { font-weight: bold; background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.fields td { border: none; padding: 1pt 4pt; }
table.fields td.label { width: 7.5em; font-weight: bold; white-space: nowrap; }
.closing { text-align: right; margin-top: 24pt; }
.closing div { margin: 2pt 0; }
.signatures { margin-top: 18pt; }
.signatures div { margin: 14pt 0; }
.signatures span.line { display: inline-block; width: 60mm; border-bottom: 0.6pt solid #000; }
.page-break { break-before: page; page-break-before: always; }
@media screen { body { margin: 16mm auto; padding: 0 8mm; } }
"#;

pub fn render(docs: &[Doc], lang: Lang) -> String {
    let title = docs.first().map_or("", |d| d.title.as_str());
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!(
        "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        lang.choose("zh-CN", "en"),
        esc(title),
        STYLE
    ));
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            out.push_str("<div class=\"page-break\"></div>\n");
        }
        render_one(doc, &mut out);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn render_one(doc: &Doc, out: &mut String) {
    out.push_str(&format!("<h1>{}</h1>\n", esc(&doc.title)));
    if let Some(s) = &doc.subtitle {
        out.push_str(&format!("<div class=\"subtitle\">{}</div>\n", esc(s)));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(t) => out.push_str(&format!("<h2>{}</h2>\n", esc(t))),
            Block::Subheading(t) => out.push_str(&format!("<h3>{}</h3>\n", esc(t))),
            Block::Para(t) => out.push_str(&format!("<p>{}</p>\n", esc(t))),
            Block::Fields(fields) => {
                out.push_str("<table class=\"fields\">\n");
                for (k, v) in fields {
                    out.push_str(&format!(
                        "<tr><td class=\"label\">{}{}</td><td>{}</td></tr>\n",
                        esc(k),
                        label_sep(k).trim_end(),
                        esc(v)
                    ));
                }
                out.push_str("</table>\n");
            }
            Block::Table { head, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for h in head {
                    out.push_str(&format!("<th>{}</th>", esc(h)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for c in r {
                        out.push_str(&format!("<td>{}</td>", esc(c)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", esc(i)));
                }
                out.push_str("</ul>\n");
            }
            Block::Closing(lines) => {
                out.push_str("<div class=\"closing\">\n");
                for l in lines {
                    out.push_str(&format!("<div>{}</div>\n", esc(l)));
                }
                out.push_str("</div>\n");
            }
            Block::Signatures(labels) => {
                out.push_str("<div class=\"signatures\">\n");
                for l in labels {
                    out.push_str(&format!(
                        "<div>{}{}<span class=\"line\"></span></div>\n",
                        esc(l),
                        label_sep(l).trim_end()
                    ));
                }
                out.push_str("</div>\n");
            }
        }
    }
}

/// Escape text for HTML; line breaks become `<br>`.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}
