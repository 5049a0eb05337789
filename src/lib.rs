//! yishi (议事): run community deliberation meetings and keep their minutes.
//!
//! - [`domain`]: the meeting, roster, votes and rules, notices — plain Rust.
//! - [`minutes_file`]: reading and writing RON minutes files.
//! - [`export`]: minutes and notices as Markdown, HTML and text.
//! - [`theme`]: colour themes by semantic role.
//! - [`cli`]: the command line.

pub mod cli;
pub mod diagnostic;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod minutes_file;
pub mod search;
pub mod text;
pub mod theme;
