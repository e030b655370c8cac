//! The `baobiao` command line, for any set of forms: a developer's own program offers its
//! forms the way `baobiao` offers the official ones.
//!
//! ```no_run
//! # #[derive(baobiao::Form, serde::Serialize, serde::Deserialize)]
//! # #[form(name = "survey", label = "访问量调查表")]
//! # struct Survey { visits: baobiao::Count }
//! fn main() -> std::process::ExitCode {
//!     baobiao::cli::run(baobiao::forms![Survey, baobiao::forms::website::WebsiteReport])
//! }
//! ```
//!
//! [`forms!`](crate::forms!) names each form as it declares; a set built with
//! [`FormSet::with`] chooses its own names.
//!
//! Exit codes: 0 no error-severity rule failed, 1 one did, 2 the input could not be read (or
//! the arguments were wrong); for a batch, the worst of its reports.

mod batch;
mod check;
mod exported;
mod human;
mod input;
mod out;
mod read;
mod render;
mod rules;
mod schema;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::Lang;
use crate::set::FormSet;

pub use out::Out;

#[derive(Parser, Debug)]
#[command(
    name = "baobiao",
    version,
    about = "检查、绘制和读取报表 · check, draw and read report forms"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages: Chinese (default) or English.
    #[arg(long, value_enum, default_value_t = LangArg::Zh, global = true)]
    lang: LangArg,
    /// Print nothing but errors: no report, no progress (files asked for with -o are still
    /// written; the exit code says the verdict).
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Colour on a terminal: auto (unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = Colour::Auto, global = true)]
    color: Colour,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum LangArg {
    /// 中文
    Zh,
    /// English
    En,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Colour {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check reports against every rule of their form: a filled form (JSON) or a published
    /// report (HTML, text, Markdown, CSV, XLSX, DOCX, PDF); several files, folders and globs
    /// are checked as a batch, in parallel, with a summary.
    Check {
        /// Reports: files, folders (searched recursively for the kinds above), glob patterns
        /// (`'reports/**/*.html'`); `-` reads standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        how: input::How,
        /// Output: human-readable text, JSON for machines, or JSON Lines (one object per
        /// report, streamed as each is checked).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// A batch's summary, one row per report: CSV (opens in Excel), JSON, or an HTML page
        /// linking each report drawn with its failures marked (needs -o).
        #[arg(long, value_enum, value_name = "FORMAT")]
        summary: Option<batch::SummaryFormat>,
        /// Write the summary to this file instead of standard output.
        #[arg(short, long, requires = "summary")]
        output: Option<PathBuf>,
        /// Treat every blank or not-applicable cell as an error.
        #[arg(long)]
        strict: bool,
        /// Exit with 2 when a published report was not read completely (by default what was
        /// read is checked, rules on cells not read are not assessable, and the verdict says
        /// how complete the reading was).
        #[arg(long)]
        require_complete: bool,
        /// Check a filled form's JSON against the rules of a schema baobiao exported
        /// (`baobiao schema`), for a form this program was not built with.
        #[arg(long, value_name = "SCHEMA.json", conflicts_with_all = ["form", "strict", "encoding", "require_complete", "summary"])]
        schema: Option<PathBuf>,
    },
    /// Draw a filled form as the official tables, failing cells marked.
    Render {
        #[command(flatten)]
        source: input::Args,
        /// What to write.
        #[arg(long, value_enum)]
        to: render::Target,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Read a published report (HTML, text, Markdown, CSV, XLSX, DOCX, PDF) into its form, as JSON
    /// with diagnostics and each cell's source.
    Read {
        #[command(flatten)]
        source: input::Args,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write a form's JSON Schema (draft 2020-12).
    Schema {
        /// The form (default: the first one listed by `baobiao rules --list`).
        form: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// List the rules of a form, with ids, severities, wording and cells.
    Rules {
        /// Output: human-readable text, or JSON for machines.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The form (default: the first of the set).
        #[arg(long)]
        form: Option<String>,
        /// List the forms instead, by name and title.
        #[arg(long)]
        list: bool,
    },
    /// Write a completion script for a shell (`baobiao completions bash > /etc/bash_completion.d/baobiao`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Human-readable text.
    Text,
    /// JSON.
    Json,
    /// JSON Lines: one object per report (check only).
    Jsonl,
}

/// The form named `name` (else the set's first); otherwise says which forms exist.
fn entry<'s>(
    forms: &'s FormSet,
    name: Option<&str>,
    out: &Out,
) -> Result<&'s crate::set::Entry, ExitCode> {
    forms.get_or_first(name).map_err(|unknown| {
        out.error(&unknown.message(out.lang));
        ExitCode::from(2)
    })
}

/// Runs the command line on the process's arguments, offering the forms of `forms` (the
/// first is the default for a filled form's JSON), and gives the exit code.
pub fn run(forms: impl core::borrow::Borrow<FormSet>) -> ExitCode {
    run_with(forms.borrow(), std::env::args_os())
}

/// The command line's definition, for `name`, offering `forms`.
fn command(name: &str, forms: &FormSet) -> clap::Command {
    // A developer's own binary goes by its own name in help and errors; the forms it offers
    // are listed after the subcommands.
    let forms_help = forms
        .entries()
        .iter()
        .map(|e| format!("  {}  {}", e.name(), e.title()))
        .collect::<Vec<_>>()
        .join("\n");
    let forms_help = format!("表单 · forms (--form NAME):\n{forms_help}");
    let mut command = <Cli as clap::CommandFactory>::command()
        .bin_name(name.to_owned())
        .after_help(forms_help.clone());
    // Every command that takes a form lists them too.
    for sub in ["check", "render", "read", "schema", "rules"] {
        command = command.mut_subcommand(sub, |c| c.after_help(forms_help.clone()));
    }
    command
}

/// Runs the command line on `args` (the program's name first), offering `forms`.
pub fn run_with<I, T>(forms: &FormSet, args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let name = args
        .first()
        .and_then(|a| std::path::Path::new(a).file_stem())
        .and_then(|s| s.to_str())
        .unwrap_or("baobiao")
        .to_owned();
    let parsed = command(&name, forms)
        .try_get_matches_from(args)
        .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to standard output with 0; wrong arguments exit 2.
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = match cli.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    let out = Out::new(
        lang,
        cli.quiet,
        cli.color == Colour::Always,
        cli.color == Colour::Never,
    );
    match cli.command {
        Command::Check {
            paths,
            schema: Some(schema),
            format,
            ..
        } => match paths.as_slice() {
            [file] => exported::run(&schema, file, format, &out),
            _ => {
                out.error(lang.pick(
                    "--schema 一次检查一个文件",
                    "--schema checks one file at a time",
                ));
                ExitCode::from(2)
            }
        },
        Command::Check {
            paths,
            how,
            format,
            summary,
            output,
            strict,
            require_complete,
            schema: None,
        } => batch::run(
            forms,
            &paths,
            &how,
            batch::Settings {
                format,
                summary,
                output,
                options: check::Options {
                    strict,
                    require_complete,
                },
            },
            &out,
        ),
        Command::Rules { format, form, list } => {
            rules::run(forms, format, form.as_deref(), list, &out)
        }
        Command::Schema { form, output } => {
            schema::run(forms, form.as_deref(), output.as_deref(), &out)
        }
        Command::Read { source, output } => read::run(forms, &source, output.as_deref(), &out),
        Command::Render { source, to, output } => {
            render::run(forms, &source, to, output.as_deref(), &out)
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(&name, forms), name, &mut script);
            out.code(out.write(None, &script))
        }
    }
}
