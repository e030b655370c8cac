//! Reading published reports: the pieces every reader shares.
//!
//! - [`normalise`]: a label as published → the form a declared label is compared in (width,
//!   spacing, quotes, numbering styles, separators, traditional characters).
//! - [`value`]: a cell as published (`1,234`, `251000元`, `96171.6`, blank, `/`, `—`, `无`) →
//!   a cell of the form's kind and unit, or a message saying why not.
//!
//! The grid readers (HTML, text, Markdown, XLSX, DOCX) and the matching of a form's layout
//! against their grids build on these; they are not written yet.

pub mod normalise;
pub mod value;
