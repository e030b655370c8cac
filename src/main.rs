//! The `baobiao` command line: check report forms, list their rules.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
