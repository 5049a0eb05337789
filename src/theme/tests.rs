use std::path::Path;

use super::*;

#[test]
fn the_shipped_dark_theme_equals_the_built_in_default() {
    let shipped = Theme::parse(Path::new("themes/dark.ron"), DARK_RON).unwrap();
    assert_eq!(shipped, Theme::default());
}

#[test]
fn shipped_theme_files_are_the_canonical_form_of_their_themes() {
    // Writing the default back gives the shipped file's roles exactly.
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let parsed: ThemeFile = options.from_str(DARK_RON).unwrap();
    assert_eq!(parsed, Theme::default().to_file());
}

/// Every role's text against its own background (or the base background)
/// meets WCAG AA (4.5:1); the projector theme meets AAA (7:1) for the text
/// that must be read from the back of the room.
#[test]
fn shipped_themes_have_legible_contrast() {
    for (theme, min) in [(Theme::default(), 4.5), (Theme::projector(), 7.0)] {
        for (role, style) in theme.roles.each() {
            if role == "border" {
                continue; // lines, not text
            }
            let s = theme.effective(style);
            let (fg, bg) = if s.add_modifier.contains(Modifier::REVERSED) {
                (s.bg.unwrap(), s.fg.unwrap())
            } else {
                (s.fg.unwrap(), s.bg.unwrap())
            };
            let c = contrast(fg, bg).unwrap();
            let need = if role == "muted" { 4.5 } else { min };
            assert!(
                c >= need,
                "{}: role {role} has contrast {c:.2} < {need}",
                theme.name.en
            );
        }
    }
}

/// Popups draw text roles on the status background: those must be legible
/// there too.
#[test]
fn text_roles_are_legible_on_popups() {
    for theme in [Theme::default(), Theme::projector()] {
        let surface = theme.roles.base.patch(theme.roles.status);
        for (role, style) in theme.roles.each() {
            if role == "border" || style.bg.is_some() {
                continue;
            }
            let s = surface.patch(style);
            let c = contrast(s.fg.unwrap(), s.bg.unwrap()).unwrap();
            assert!(
                c >= 4.5,
                "{}: role {role} on a popup has contrast {c:.2}",
                theme.name.en
            );
        }
    }
}

#[test]
fn a_missing_role_is_named_with_its_place() {
    let src = DARK_RON.replace("        title: (", "        titel: (");
    let errs = Theme::parse(Path::new("my.ron"), &src).unwrap_err();
    assert_eq!(errs.len(), 1);
    let msg = errs[0].render(Lang::En);
    assert!(msg.starts_with("my.ron:"), "{msg}");
    assert!(msg.contains("titel"), "{msg}");
    let line = src.lines().position(|l| l.contains("titel")).unwrap() + 1;
    assert_eq!(errs[0].at.unwrap().line, line);
}

#[test]
fn a_bad_colour_is_named_by_its_field_path_and_position() {
    let src = DARK_RON.replacen("#ffd866", "#ffd86", 1);
    let errs = Theme::parse(Path::new("my.ron"), &src).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0]
            .en
            .contains("roles.title.fg: `#ffd86` is not a colour"),
        "{}",
        errs[0].en
    );
    assert!(errs[0].zh.contains("roles.title.fg"));
    let line = src.lines().position(|l| l.contains("#ffd86\"")).unwrap() + 1;
    assert_eq!(errs[0].at.unwrap().line, line);
}

#[test]
fn colour_names_and_indexes_are_accepted() {
    let src =
        DARK_RON
            .replacen("\"#ffd866\"", "\"yellow\"", 1)
            .replacen("\"#9ecbff\"", "\"208\"", 1);
    let theme = Theme::parse(Path::new("my.ron"), &src).unwrap();
    assert_eq!(theme.roles.title.fg, Some(Color::Yellow));
    assert_eq!(theme.roles.header.fg, Some(Color::Indexed(208)));
}

#[test]
fn bad_user_themes_are_skipped_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a-good.ron"),
        PROJECTOR_RON.replace("投影", "我的投影"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b-bad.ron"),
        "(name: (zh: \"坏\", en: \"bad\"))",
    )
    .unwrap();
    let (themes, problems) = available(Some(dir.path()));
    assert_eq!(themes.len(), 3);
    assert!(themes[2].name.zh.contains("我的投影"));
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].render(Lang::En).contains("b-bad.ron:1:"),
        "{}",
        problems[0].render(Lang::En)
    );
}
