//! Command-line entry: argument parsing and dispatch. Exit codes: 0 no error-severity rule
//! failed, 1 one did, 2 the input could not be read (or the arguments were wrong).

mod check;
mod forms;
mod human;
mod input;
mod read;
mod render;
mod rules;
mod schema;
mod source;

use std::path::PathBuf;
use std::process::ExitCode;

use baobiao::Lang;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "baobiao",
    version,
    about = "检查政府信息公开工作年度报告等报表 · check official report forms"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a filled form (JSON) or a published report (HTML, text, Markdown, CSV, XLSX, DOCX)
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
    /// Read a published report (HTML, text, Markdown, CSV, XLSX, DOCX) into its form, as JSON
    /// with diagnostics and each cell's source.
    Read {
        #[command(flatten)]
        source: source::Args,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write a form's JSON Schema (draft 2020-12).
    Schema {
        /// The form.
        #[arg(default_value = forms::DEFAULT)]
        form: String,
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
        /// The form.
        #[arg(long, default_value = forms::DEFAULT)]
        form: String,
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
fn write_json(output: Option<&std::path::Path>, value: &serde_json::Value) -> ExitCode {
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

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            source,
            format,
            strict,
            lang,
        } => check::run(&source, format, strict, lang),
        Command::Rules { format, lang, form } => rules::run(format, lang, &form),
        Command::Schema { form, output } => schema::run(&form, output.as_deref()),
        Command::Read { source, output } => read::run(&source, output.as_deref()),
        Command::Render {
            source,
            to,
            output,
            lang,
        } => render::run(&source, to, output.as_deref(), lang),
    }
}
