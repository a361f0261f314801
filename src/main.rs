//! Entry point: parse the command line, then open the window or run a command.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = yibao::cli::Cli::parse();
    if cli.command.is_some() {
        return yibao::cli::run(&cli);
    }
    yibao::ui::run_window(&yibao::cli::policy_folders(cli.policies.as_ref()))
}
