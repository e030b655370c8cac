//! Reading published reports: the pieces every reader shares.
//!
//! - [`normalise`]: a label as published → the form a declared label is compared in (width,
//!   spacing, quotes, numbering styles, separators, traditional characters).
//! - [`value`]: a cell as published (`1,234`, `251000元`, `96171.6`, blank, `/`, `—`, `无`) →
//!   a cell of the form's kind and unit, or a message saying why not.
//!
//! - [`grid`]: a source as paragraphs and tables of placed cells with their positions;
//!   [`html`] reads HTML pages into it, [`text`] plain text (cell per line, pipes, tabs).
//!
//! Still to come: the XLSX and DOCX readers, and the matching of a form's layout against a
//! source.

pub mod archive;
pub mod boxes;
pub mod csv;
pub mod decode;
pub mod docx;
pub mod grid;
pub mod html;
pub mod matching;
pub mod nesting;
pub mod normalise;
pub mod runs;
pub mod text;
pub mod value;
pub mod xlsx;
