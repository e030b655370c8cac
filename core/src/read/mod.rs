//! Reading reports into a form, from the form's declaration: [`report`] (or
//! [`crate::set::FormSet::read`] to choose among forms) is the one way in.
//!
//! 1. Bytes → source (`input`): the kind of file (by the options, the name, else the
//!    content), its text (`decode`: UTF-8, or the BOM's or `charset`'s GBK/GB18030, or the
//!    encoding named; nothing guessed), within [`MAX_FILE`] and [`MAX_TEXT`].
//! 2. Source → grid: paragraphs and tables of placed cells (merged cells with their spans),
//!    each with its [`Position`](crate::Position): `html` (html5ever; `nesting` refuses
//!    over-deep pages first), `text` (cell per line, pipes, tabs, Markdown, `boxes` for
//!    box-drawn tables), `csv`, `xlsx` and `docx` (Office packages opened within bounds by
//!    `archive`).
//! 3. Grid → form (`form`): the parts the form's fields declare (title, sections,
//!    `label：value` lines), tables by the heading they sit under (or by their rows), rows by
//!    their `normalise`d labels, values by the `columns` headers above them (or by order where
//!    the source lost them); `value` reads each cell as written (units, separators, marks,
//!    blanks). What does not fit is a [`Diagnostic`].
//! 4. `runs`: rows whose cells a page ran together are found by their labels, and the one
//!    reading the form's rules allow is offered as a suggestion.
//! 5. The reading → the form's type, every number exactly as read ([`Reading`]).

mod archive;
mod boxes;
mod columns;
mod completeness;
mod csv;
mod decode;
mod docx;
pub(crate) mod form;
mod grid;
mod html;
pub(crate) mod input;
mod labels;
mod nesting;
mod normalise;
#[cfg(feature = "pdf")]
mod pdf;
mod refusal;
pub(crate) mod report;
mod runs;
mod sheet;
mod text;
mod value;
mod xlsx;

pub use crate::model::rows::MAX_ROWS;
pub use completeness::Completeness;
pub use form::{Diagnostic, Kind, Problem, RunReadings, Suggested};
pub use input::{MAX_FILE, MAX_LINES, MAX_TEXT, Options, ReadError, SourceKind, bounded, file};
pub use labels::{Ambiguous, ambiguous_labels};
pub use refusal::{Refusal, SourceKindName};
pub use report::{Reading, report, report_at};
