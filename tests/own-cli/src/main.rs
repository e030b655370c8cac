//! `own-cli`: the stock command line over a library's own form and the official website form.

mod library;

fn main() -> std::process::ExitCode {
    baobiao::cli::run(baobiao::forms![
        library::LibraryReport,
        baobiao::forms::website::WebsiteReport
    ])
}
