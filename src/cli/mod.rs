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
//! the arguments were wrong).

mod check;
mod exported;
mod human;
mod read;
mod render;
mod rules;
mod schema;
mod source;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::Lang;
use crate::set::FormSet;

#[derive(Parser, Debug)]
#[command(
    name = "baobiao",
    version,
    about = "检查、绘制和读取报表 · check, draw and read report forms"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a filled form (JSON) or a published report (HTML, text, Markdown, CSV, XLSX, DOCX, PDF)
    /// against every rule of its form.
    Check {
        #[command(flatten)]
        source: source::Args,
        /// Output: human-readable text, or JSON for machines.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
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
        #[arg(long, value_name = "SCHEMA.json", conflicts_with_all = ["form", "strict", "encoding", "require_complete"])]
        schema: Option<PathBuf>,
        /// Language of messages.
        #[arg(long, value_parser = parse_lang, default_value = "zh")]
        lang: Lang,
    },
    /// Draw a filled form as the official tables, failing cells marked.
    Render {
        #[command(flatten)]
        source: source::Args,
        /// What to write.
        #[arg(long, value_enum)]
        to: render::Target,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Language of messages.
        #[arg(long, value_parser = parse_lang, default_value = "zh")]
        lang: Lang,
    },
    /// Read a published report (HTML, text, Markdown, CSV, XLSX, DOCX, PDF) into its form, as JSON
    /// with diagnostics and each cell's source.
    Read {
        #[command(flatten)]
        source: source::Args,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Language of diagnostics.
        #[arg(long, value_parser = parse_lang, default_value = "zh")]
        lang: Lang,
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
        /// Language of messages.
        #[arg(long, value_parser = parse_lang, default_value = "zh")]
        lang: Lang,
        /// The form (default: the first of the set).
        #[arg(long)]
        form: Option<String>,
        /// List the forms instead, by name and title.
        #[arg(long)]
        list: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Writes `bytes` to `output`, or to standard output.
fn write_output(output: Option<&std::path::Path>, bytes: &[u8]) -> ExitCode {
    use std::io::Write;
    let written = match output {
        Some(path) => {
            std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| format!("cannot write: {e}")),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("baobiao: {message}");
            ExitCode::from(2)
        }
    }
}

/// Writes `value` as pretty JSON to `output`, or to standard output.
fn write_json(output: Option<&std::path::Path>, value: &impl serde::Serialize) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => write_output(output, (text + "\n").as_bytes()),
        Err(err) => {
            eprintln!("baobiao: cannot write JSON: {err}");
            ExitCode::from(2)
        }
    }
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("unknown language {text:?}; use zh or en"))
}

/// The form named `name` (else the set's first); otherwise says which forms exist.
fn entry<'s>(
    forms: &'s FormSet,
    name: Option<&str>,
    lang: Lang,
) -> Result<&'s crate::set::Entry, ExitCode> {
    forms.get_or_first(name).map_err(|unknown| {
        eprintln!("baobiao: {}", unknown.message(lang));
        ExitCode::from(2)
    })
}

/// Runs the command line on the process's arguments, offering the forms of `forms` (the
/// first is the default for a filled form's JSON), and gives the exit code.
pub fn run(forms: impl core::borrow::Borrow<FormSet>) -> ExitCode {
    run_with(forms.borrow(), std::env::args_os())
}

/// Runs the command line on `args` (the program's name first), offering `forms`.
pub fn run_with<I, T>(forms: &FormSet, args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    // A developer's own binary goes by its own name in help and errors; the forms it offers
    // are listed after the subcommands.
    let name = args
        .first()
        .and_then(|a| std::path::Path::new(a).file_stem())
        .and_then(|s| s.to_str())
        .unwrap_or("baobiao")
        .to_owned();
    let forms_help = forms
        .entries()
        .iter()
        .map(|e| format!("  {}  {}", e.name(), e.title()))
        .collect::<Vec<_>>()
        .join("\n");
    let command = <Cli as clap::CommandFactory>::command()
        .bin_name(name)
        .after_help(format!("表单 · forms (--form NAME):\n{forms_help}"));
    let parsed = command
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
    match cli.command {
        Command::Check {
            source,
            schema: Some(schema),
            format,
            lang,
            ..
        } => exported::run(&schema, &source.file, format, lang),
        Command::Check {
            source,
            format,
            strict,
            require_complete,
            lang,
            schema: None,
        } => check::run(
            forms,
            &source,
            format,
            check::Options {
                strict,
                require_complete,
            },
            lang,
        ),
        Command::Rules {
            format,
            lang,
            form,
            list,
        } => rules::run(forms, format, lang, form.as_deref(), list),
        Command::Schema { form, output } => schema::run(forms, form.as_deref(), output.as_deref()),
        Command::Read {
            source,
            output,
            lang,
        } => read::run(forms, &source, output.as_deref(), lang),
        Command::Render {
            source,
            to,
            output,
            lang,
        } => render::run(forms, &source, to, output.as_deref(), lang),
    }
}
