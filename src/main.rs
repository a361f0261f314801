//! Entry point: parse the command line, then open the window or run a command.
//!
//! On Windows the release build is a window program: double-clicking it opens no console
//! window behind the app. Run from cmd or PowerShell with a command, it attaches to that
//! console so the command's output is printed there.

#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    #[cfg(windows)]
    if std::env::args_os().len() > 1 {
        attach_to_parent_console();
    }
    let cli = yibao::cli::Cli::parse();
    if cli.command.is_some() {
        return yibao::cli::run(&cli);
    }
    yibao::ui::run_window(&yibao::cli::policy_folders(cli.policies.as_ref()))
}

/// Prints to the console of cmd or PowerShell that started us (a window program has none of
/// its own). Output redirected to a file or pipe already has its handles and is left alone.
#[cfg(windows)]
fn attach_to_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and changes only this process's console.
    // It fails when there is no parent console (started from Explorer) or when we already
    // have one (the debug build): then there is nothing to attach to, and printing goes
    // where it would have gone anyway.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}
