//! Colour themes by semantic role (`title`, `selected`, `vote_yes`…), never
//! raw colours in the screens.
//!
//! A theme file is RON, read through a plain serde shape ([`ThemeFile`]) and
//! then validated into a [`Theme`]: every role must be there, every colour
//! must parse, and each problem is reported with the file, line, column and
//! the field's path (`roles.title.fg`). `themes/` ships the two built-in
//! themes; a test keeps the shipped dark theme equal to [`Theme::default`].

use std::path::Path;

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::minutes_file::locate::{Step, locate};

/// The shipped dark theme (the default).
pub const DARK_RON: &str = include_str!("../../themes/dark.ron");
/// The shipped high-contrast light theme for projectors.
pub const PROJECTOR_RON: &str = include_str!("../../themes/projector-light.ron");

macro_rules! roles {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// The roles of a theme file: one style each.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct RolesFile {
            $($(#[$doc])* pub $name: StyleFile,)*
        }

        /// Validated styles, one per role.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Roles {
            $($(#[$doc])* pub $name: Style,)*
        }

        /// The names of all roles, in file order.
        pub const ROLE_NAMES: &[&str] = &[$(stringify!($name)),*];

        impl RolesFile {
            fn validate(&self, problems: &mut Vec<(Vec<&'static str>, String, String)>) -> Roles {
                Roles {
                    $($name: self.$name.validate(stringify!($name), problems),)*
                }
            }

        }

        impl Roles {
            /// Each role with its style, for contrast checks.
            pub fn each(&self) -> Vec<(&'static str, Style)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }
    };
}

roles! {
    /// Everything not styled otherwise: the screen's text and background.
    base,
    /// Screen and panel titles.
    title,
    /// Table headers.
    header,
    /// Panel borders.
    border,
    /// The border of the panel with the keyboard focus.
    focus,
    /// The highlighted row.
    selected,
    /// Secondary text.
    muted,
    /// Attendees present.
    present,
    /// Attendees absent or not arrived.
    absent,
    /// Votes in favour.
    vote_yes,
    /// Votes against.
    vote_no,
    /// Abstentions.
    vote_abstain,
    /// A passed verdict, a met quorum.
    passed,
    /// A failed verdict, a missed quorum.
    failed,
    /// A warning (speaker near the limit, a role missing).
    warning,
    /// An error (save failed, bad input).
    error,
    /// Timers and countdowns.
    countdown,
    /// A key in the key hints.
    key,
    /// The status bar.
    status,
    /// Text being typed.
    input,
}

/// One role's style as written in a theme file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleFile {
    /// Foreground: `"#rrggbb"`, a colour name (`"yellow"`), or an index (`"208"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fg: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bg: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub bold: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub italic: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub underline: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub reversed: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn parse_colour(s: &str) -> Option<Color> {
    s.trim().parse::<Color>().ok()
}

impl StyleFile {
    fn validate(
        &self,
        role: &'static str,
        problems: &mut Vec<(Vec<&'static str>, String, String)>,
    ) -> Style {
        let mut style = Style::default();
        for (field, value) in [("fg", &self.fg), ("bg", &self.bg)] {
            let Some(value) = value else { continue };
            match parse_colour(value) {
                Some(c) if field == "fg" => style = style.fg(c),
                Some(c) => style = style.bg(c),
                None => problems.push((
                    vec!["roles", role, field],
                    format!("roles.{role}.{field}：`{value}` 不是颜色（请用 #rrggbb、颜色名如 yellow，或 0–255 的色号）"),
                    format!("roles.{role}.{field}: `{value}` is not a colour (use #rrggbb, a name such as yellow, or an index 0-255)"),
                )),
            }
        }
        let mut m = Modifier::empty();
        if self.bold {
            m |= Modifier::BOLD;
        }
        if self.italic {
            m |= Modifier::ITALIC;
        }
        if self.underline {
            m |= Modifier::UNDERLINED;
        }
        if self.reversed {
            m |= Modifier::REVERSED;
        }
        style.add_modifier(m)
    }
}

/// A theme file as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeFile {
    pub name: ThemeName,
    pub roles: RolesFile,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeName {
    pub zh: String,
    pub en: String,
}

/// A validated theme, ready to style screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    pub roles: Roles,
}

impl Theme {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.name.zh,
            Lang::En => &self.name.en,
        }
    }

    /// Parse and validate a theme; `path` names the file in messages.
    pub fn parse(path: &Path, src: &str) -> Result<Theme, Vec<Diagnostic>> {
        // Colours are written `fg: "#ffffff"`, not `fg: Some("#ffffff")`.
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let file: ThemeFile = options
            .from_str(src)
            .map_err(|e| vec![Diagnostic::ron(path, &e)])?;
        let mut problems = Vec::new();
        let roles = file.roles.validate(&mut problems);
        if problems.is_empty() {
            Ok(Theme {
                name: file.name,
                roles,
            })
        } else {
            Err(problems
                .into_iter()
                .map(|(p, zh, en)| {
                    let steps: Vec<Step<'_>> = p.iter().map(|s| Step::Field(s)).collect();
                    Diagnostic::new(path, Some(locate(src, &steps)), zh, en)
                })
                .collect())
        }
    }

    /// Read a theme file.
    pub fn read(path: &Path) -> Result<Theme, Vec<Diagnostic>> {
        let src = std::fs::read_to_string(path)
            .map_err(|e| vec![Diagnostic::io(path, crate::diagnostic::IoDoing::Read, &e)])?;
        Theme::parse(path, &src)
    }

    /// The high-contrast light theme for projectors.
    pub fn projector() -> Theme {
        Theme::parse(Path::new("themes/projector-light.ron"), PROJECTOR_RON)
            .expect("the shipped projector theme is valid (tested)")
    }

    /// The style of a role with the base filled in (for contrast checks).
    pub fn effective(&self, style: Style) -> Style {
        self.roles.base.patch(style)
    }

    /// The theme as a theme file (what `themes/dark.ron` must contain).
    pub fn to_file(&self) -> ThemeFile {
        ThemeFile {
            name: self.name.clone(),
            roles: RolesFile {
                base: style_file(self.roles.base),
                title: style_file(self.roles.title),
                header: style_file(self.roles.header),
                border: style_file(self.roles.border),
                focus: style_file(self.roles.focus),
                selected: style_file(self.roles.selected),
                muted: style_file(self.roles.muted),
                present: style_file(self.roles.present),
                absent: style_file(self.roles.absent),
                vote_yes: style_file(self.roles.vote_yes),
                vote_no: style_file(self.roles.vote_no),
                vote_abstain: style_file(self.roles.vote_abstain),
                passed: style_file(self.roles.passed),
                failed: style_file(self.roles.failed),
                warning: style_file(self.roles.warning),
                error: style_file(self.roles.error),
                countdown: style_file(self.roles.countdown),
                key: style_file(self.roles.key),
                status: style_file(self.roles.status),
                input: style_file(self.roles.input),
            },
        }
    }
}

fn colour_text(c: Color) -> String {
    match c {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => other.to_string().to_lowercase(),
    }
}

fn style_file(s: Style) -> StyleFile {
    StyleFile {
        fg: s.fg.map(colour_text),
        bg: s.bg.map(colour_text),
        bold: s.add_modifier.contains(Modifier::BOLD),
        italic: s.add_modifier.contains(Modifier::ITALIC),
        underline: s.add_modifier.contains(Modifier::UNDERLINED),
        reversed: s.add_modifier.contains(Modifier::REVERSED),
    }
}

const fn rgb(hex: u32) -> Color {
    Color::Rgb(
        (hex >> 16) as u8,
        (hex >> 8 & 0xff) as u8,
        (hex & 0xff) as u8,
    )
}

const fn fg(hex: u32) -> Style {
    Style::new().fg(rgb(hex))
}

impl Default for Theme {
    /// The built-in dark theme. `themes/dark.ron` must say the same (tested).
    fn default() -> Self {
        const BG: u32 = 0x161b22;
        Theme {
            name: ThemeName {
                zh: "深色".into(),
                en: "Dark".into(),
            },
            roles: Roles {
                base: fg(0xe6edf3).bg(rgb(BG)),
                title: fg(0xffd866).add_modifier(Modifier::BOLD),
                header: fg(0x9ecbff).add_modifier(Modifier::BOLD),
                border: fg(0x6e7681),
                focus: fg(0x79c0ff).add_modifier(Modifier::BOLD),
                selected: fg(0x0d1117).bg(rgb(0x79c0ff)).add_modifier(Modifier::BOLD),
                muted: fg(0x9da7b3),
                present: fg(0x7ee787).add_modifier(Modifier::BOLD),
                absent: fg(0xffa198),
                vote_yes: fg(0x7ee787).add_modifier(Modifier::BOLD),
                vote_no: fg(0xffa198).add_modifier(Modifier::BOLD),
                vote_abstain: fg(0xe3b341).add_modifier(Modifier::BOLD),
                passed: fg(0x0d1117).bg(rgb(0x7ee787)).add_modifier(Modifier::BOLD),
                failed: fg(0x0d1117).bg(rgb(0xffa198)).add_modifier(Modifier::BOLD),
                warning: fg(0xe3b341).add_modifier(Modifier::BOLD),
                error: fg(0xffffff).bg(rgb(0xb62324)).add_modifier(Modifier::BOLD),
                countdown: fg(0x79c0ff).add_modifier(Modifier::BOLD),
                key: fg(0x0d1117).bg(rgb(0xd2a8ff)).add_modifier(Modifier::BOLD),
                status: fg(0xe6edf3).bg(rgb(0x30363d)),
                input: fg(0xffffff).bg(rgb(0x30363d)),
            },
        }
    }
}

/// The themes to cycle through: the built-in dark and projector themes,
/// then valid user themes from `DIR/*.ron` (sorted). Bad user theme files
/// are skipped and reported.
pub fn available(user_dir: Option<&Path>) -> (Vec<Theme>, Vec<Diagnostic>) {
    let mut themes = vec![Theme::default(), Theme::projector()];
    let mut problems = Vec::new();
    if let Some(dir) = user_dir {
        for f in crate::minutes_file::paths::ron_files_in(dir) {
            match Theme::read(&f) {
                Ok(t) => themes.push(t),
                Err(d) => problems.extend(d),
            }
        }
    }
    (themes, problems)
}

/// WCAG relative luminance of an sRGB colour.
pub fn luminance(c: Color) -> Option<f64> {
    let Color::Rgb(r, g, b) = c else { return None };
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    Some(0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b))
}

/// WCAG contrast ratio between two colours (1 to 21), for RGB colours.
pub fn contrast(a: Color, b: Color) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

#[cfg(test)]
mod tests;
