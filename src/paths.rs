//! Where the app's folders are on this computer: the data folder (families, log, the user's
//! policy files) and the export folder people can find (Documents\医保助手导出).

use std::path::PathBuf;

/// The name of the export folder inside Documents (or the home folder).
pub const EXPORT_FOLDER_NAME: &str = "医保助手导出";

/// The app's data folder (Linux `~/.local/share/yibao`, Windows `%APPDATA%\yibao\data`).
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "yibao").map(|dirs| dirs.data_dir().to_path_buf())
}

/// Where lists are saved without a dialog: `Documents/医保助手导出`; with no Documents
/// folder (user-dirs not configured), `~/医保助手导出` — never a hidden folder. Created when
/// the first file is written.
pub fn export_dir() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    let base = dirs
        .document_dir()
        .map(PathBuf::from)
        .unwrap_or_else(|| dirs.home_dir().to_path_buf());
    Some(base.join(EXPORT_FOLDER_NAME))
}

/// The log file (`yibao.log` in the data folder).
pub fn log_file() -> Option<PathBuf> {
    data_dir().map(|d| d.join("yibao.log"))
}
