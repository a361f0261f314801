//! yibao — 医保个人账户助手: helps employees and their families use the personal account of
//! their employee medical insurance. Fully offline.
//!
//! The core (`domain`, `policy`, `store`) knows nothing of the UI; `ui` is a thin eframe layer
//! over it and `cli` is the command line over the same core.

pub mod assets;
pub mod checklist;
pub mod cli;
pub mod domain;
pub mod export;
pub mod family;
pub mod log;
pub mod paths;
pub mod policy;
pub mod store;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
