//! Integration tests, one target with modules by purpose.

mod cli;
mod content;
mod loader;
mod resolution;
mod search;
mod support;
mod ui;
