//! The `baobiao` command line for the official forms: check, read, render, schema, rules.

fn main() -> std::process::ExitCode {
    baobiao::cli::run(baobiao::forms::all())
}
