//! Integration tests, one target with modules by purpose.

mod caseworker;
mod checklist;
mod checklist_ui;
mod cli;
mod content;
mod corpus;
mod data_safety;
mod family;
mod family_ui;
mod kill;
mod layers;
mod loader;
mod resolution;
mod search;
mod store;
mod support;
mod ui;
