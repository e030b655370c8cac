//! Whether a form can be read at all: the reader finds a part by its label, so two parts of one
//! struct whose labels (or aliases) are the same after normalisation could not be told apart.

use crate::model::info::FormInfo;
use crate::model::node::Node;
use crate::read::normalise::normalise;

/// Two labels of one struct that the reader cannot tell apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ambiguous {
    /// The struct's JSON pointer (`""` for the form).
    pub pointer: String,
    /// The labels, as declared.
    pub labels: [&'static str; 2],
    /// What both normalise to.
    pub normalised: String,
}

/// Every pair of sibling labels (and aliases) of `info` that are equal after the reader's
/// normalisation (full-width forms, white space, numbering, Traditional characters): a form
/// should have none.
pub fn ambiguous_labels(info: &FormInfo) -> Vec<Ambiguous> {
    let mut out = Vec::new();
    walk(&info.root, String::new(), &mut out);
    out
}

fn walk(node: &Node, pointer: String, out: &mut Vec<Ambiguous>) {
    // Repeated rows: their row type's columns, at `/rows/*`.
    if let Some(row) = node.as_rows() {
        return walk(row, crate::model::pointer::push(&pointer, "*"), out);
    }
    let Some(decl) = node.as_struct() else {
        return;
    };
    let mut seen: Vec<(String, &'static str)> = Vec::new();
    for field in &decl.fields {
        let labels = field
            .field
            .label
            .into_iter()
            .chain(field.field.aliases.iter().copied());
        for label in labels {
            let normalised = normalise(label);
            if let Some((_, first)) = seen.iter().find(|(n, _)| *n == normalised) {
                out.push(Ambiguous {
                    pointer: pointer.clone(),
                    labels: [first, label],
                    normalised: normalised.clone(),
                });
            }
            seen.push((normalised, label));
        }
    }
    for field in &decl.fields {
        walk(
            field,
            crate::model::pointer::push(&pointer, field.field.key),
            out,
        );
    }
}
