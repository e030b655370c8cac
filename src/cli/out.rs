//! Where the command line writes, and how: the language of its messages, `--quiet`,
//! `--color`, and what happens when the output goes away.
//!
//! A reader that closes the pipe (`| head`) ends the output quietly: nothing more is written
//! and nothing is said. An output that cannot be written for another reason (a full disk) is
//! said on standard error, and the command exits with 2.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::Lang;

/// How and where a command writes.
pub struct Out {
    /// The language of every message.
    pub lang: Lang,
    /// `--quiet`: nothing on standard output or as progress but what was asked for by file.
    pub quiet: bool,
    /// Colour in text on standard output.
    pub colour: bool,
    /// Colour and progress on standard error.
    pub terminal_err: bool,
    /// The reader of standard output went away: write no more.
    closed: AtomicBool,
}

impl Out {
    /// `always`/`never` from `--color`; with neither, colour on a terminal unless `NO_COLOR`
    /// is set (no-color.org).
    pub fn new(lang: Lang, quiet: bool, always: bool, never: bool) -> Out {
        let auto = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let colour = always || (!never && auto && std::io::stdout().is_terminal());
        Out {
            lang,
            quiet,
            colour,
            terminal_err: !quiet && std::io::stderr().is_terminal(),
            closed: AtomicBool::new(false),
        }
    }

    /// Says `message` on standard error, as `baobiao: message`.
    pub fn error(&self, message: &str) {
        let _ = writeln!(std::io::stderr().lock(), "baobiao: {message}");
    }

    /// Says `line` on standard error as it is: a verdict for people while standard output
    /// carries data for machines.
    pub fn note(&self, line: &str) {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }

    /// Writes `bytes` to `output`, or to standard output. False when they could not be
    /// written (and said so); a closed pipe is not an error, and ends standard output.
    pub fn write(&self, output: Option<&Path>, bytes: &[u8]) -> bool {
        let lang = self.lang;
        match output {
            Some(path) => match std::fs::write(path, bytes) {
                Ok(()) => true,
                Err(err) => {
                    self.error(&format!(
                        "{} {}: {err}",
                        lang.pick("无法写入", "cannot write"),
                        path.display()
                    ));
                    false
                }
            },
            None => self.stdout(bytes),
        }
    }

    /// Writes `bytes` to standard output (see [`Out::write`]).
    pub fn stdout(&self, bytes: &[u8]) -> bool {
        if self.closed.load(Ordering::Relaxed) {
            return true;
        }
        let mut stdout = std::io::stdout().lock();
        match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
            Ok(()) => true,
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed.store(true, Ordering::Relaxed);
                true
            }
            Err(err) => {
                self.error(&format!(
                    "{}: {err}",
                    self.lang.pick("无法写出输出", "cannot write the output")
                ));
                false
            }
        }
    }

    /// Text on standard output, unless `--quiet`.
    pub fn text(&self, text: &str) -> bool {
        self.quiet || self.stdout(text.as_bytes())
    }

    /// `value` as pretty JSON to `output`, or to standard output unless `--quiet`.
    pub fn json(&self, output: Option<&Path>, value: &impl serde::Serialize) -> bool {
        if output.is_none() && self.quiet {
            return true;
        }
        match serde_json::to_string_pretty(value) {
            Ok(text) => self.write(output, (text + "\n").as_bytes()),
            Err(err) => {
                self.error(&format!(
                    "{}: {err}",
                    self.lang.pick("无法写出 JSON", "cannot write JSON")
                ));
                false
            }
        }
    }

    /// Success, or 2 when the output could not be written.
    pub fn code(&self, written: bool) -> ExitCode {
        if written {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        }
    }
}
