//! JSON Schema (draft 2020-12, through schemars) of forms, and their rules as portable data.
//!
//! [`root`] gives a form's schema: every struct's from its declaration (titles from labels,
//! descriptions from doc comments, units, what may be blank, property order), the form's rules
//! as JSON Logic ([`logic`], `x-baobiao-rules`) and its table layout (`x-baobiao-layout`) at
//! the top. The derive implements `schemars::JsonSchema` for every form struct through
//! `derived`, from the same declaration that drives the rules. [`exported`] runs a schema's
//! rules over a report without the form (exactly, with [`apply`] over [`exact`] JSON).

pub mod apply;
pub(crate) mod derived;
pub mod exact;
pub mod exported;
pub mod logic;

use schemars::{JsonSchema, SchemaGenerator};
use serde_json::Value;

/// The JSON Schema (draft 2020-12) of the form `F`, as `baobiao schema` writes it.
pub fn root<F: JsonSchema>() -> Value {
    SchemaGenerator::default()
        .into_root_schema_for::<F>()
        .to_value()
}
