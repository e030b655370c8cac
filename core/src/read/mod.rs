//! Reading published reports into a form's cells, from the form's declaration.
//!
//! 1. Bytes → text: [`decode`] (UTF-8, or the BOM's or `charset`'s GBK/GB18030; nothing
//!    guessed).
//! 2. Source → [`grid`]: paragraphs and tables of placed cells (merged cells with their spans),
//!    each with its position. [`html`] (html5ever; [`nesting`] refuses over-deep pages first),
//!    [`text`] (cell per line, pipes, tabs, Markdown, [`boxes`] for box-drawn tables), [`csv`],
//!    [`xlsx`] and [`docx`] (Office packages opened within bounds by [`archive`]).
//! 3. Grid → form: [`form`] finds the parts the form's fields declare (title, sections,
//!    `label：value` lines), tables by the heading they sit under (or by their rows), rows by
//!    their [`normalise`]d labels, values by the [`columns`] headers above them (or by order
//!    where the source lost them); [`value`] reads each cell as written (units, separators,
//!    marks, blanks). What does not fit is a diagnostic.
//! 4. [`runs`]: rows whose cells a page ran together are found by their labels, and the one
//!    reading the form's rules allow is offered as a suggestion.

pub mod archive;
pub mod boxes;
pub mod columns;
pub mod csv;
pub mod decode;
pub mod docx;
pub mod form;
pub mod grid;
pub mod html;
pub mod nesting;
pub mod normalise;
pub mod runs;
pub mod text;
pub mod value;
pub mod xlsx;
