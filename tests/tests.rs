//! Integration tests, one target with modules by purpose.

mod cli;
mod content;
mod loader;
mod resolution;
mod support;
mod ui;
