//! The form model: cell values, the description a derived form builds of itself, and what is
//! resolved from it once per form (cells with their pointers and labels, the table layout).

pub mod absent;
pub mod cell;
pub mod cell_json;
pub mod choice;
pub mod component;
pub mod date;
pub mod form;
pub mod info;
pub mod lang;
pub mod layout;
#[cfg(any(feature = "read", feature = "render"))]
pub mod marks;
pub mod node;
pub mod num;
pub mod pointer;
pub mod position;
pub mod rows;
pub mod shape;
#[cfg(any(feature = "read", feature = "render"))]
pub(crate) mod title;
pub mod words;
