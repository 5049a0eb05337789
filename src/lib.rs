//! yishi (议事): run community deliberation meetings and keep their minutes.
//!
//! - [`archive`]: every minutes file of a folder, indexed, searched, summarised.
//! - [`domain`]: the meeting, roster, votes and rules, notices — plain Rust.
//! - [`minutes_file`]: reading and writing RON minutes files.
//! - [`export`]: minutes and notices as Markdown, HTML and text.
//! - [`theme`]: colour themes by semantic role.
//! - [`cli`]: the command line; [`tui`]: the facilitator's screens.
//! - [`demo`]: the built-in demo meeting; [`config`]: user themes and rules.

pub mod archive;
pub mod cli;
pub mod config;
pub mod demo;
pub mod diagnostic;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod minutes_file;
pub mod search;
pub mod text;
pub mod theme;
pub mod tui;
