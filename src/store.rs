//! Where the app keeps its files on this computer (the user's data directory).

use std::path::PathBuf;

/// The app's data directory (Linux: `~/.local/share/yibao`), if the platform has one.
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "yibao").map(|dirs| dirs.data_dir().to_path_buf())
}
