//! The app's log: warnings and errors, each written once, to `yibao.log` in the data folder
//! (or to stderr before a log file is set, and for the command line). Messages name files
//! and what went wrong; callers never pass names or ID numbers of people.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The open log file, once [`log_to_file`] has set one.
static LOG: Mutex<Option<(PathBuf, File)>> = Mutex::new(None);

/// Sends later messages to `file` (created if needed, appended to). On failure messages
/// keep going to stderr, and the failure itself is returned to be shown.
pub fn log_to_file(file: &Path) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    // Readable by the user only, like the family files.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let handle = options.open(file)?;
    let mut log = LOG
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *log = Some((file.to_path_buf(), handle));
    Ok(())
}

/// Where messages go now, if a file was set.
pub fn log_file() -> Option<PathBuf> {
    LOG.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .as_ref()
        .map(|(path, _)| path.clone())
}

/// Logs a warning: something was not done, the user can go on.
pub fn warn(message: &str) {
    write("WARN", message);
}

/// Logs an error: something the user asked for failed.
pub fn error(message: &str) {
    write("ERROR", message);
}

#[expect(
    clippy::print_stderr,
    reason = "stderr is the log until a log file is set, and the command line's channel"
)]
fn write(level: &str, message: &str) {
    let line = format!(
        "{} {level} {message}\n",
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S")
    );
    let mut log = LOG
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, file)) = log.as_mut()
        && file.write_all(line.as_bytes()).is_ok()
    {
        return;
    }
    eprint!("{line}");
}
