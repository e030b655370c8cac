//! Form descriptions: the tree a derived form builds of itself.
//!
//! [`Node`] is what one field declares (its key, label, unit, rules) together with what its type
//! is (a cell, text, or a struct of further nodes). The tree is built once per form, from the
//! derive's generated `describe` functions, and everything else (rule expansion, labels of
//! cells, later schemas and layouts) reads it.

use crate::check::rule::{CheckDecl, RangeDecl, RuleMeta};
use crate::model::cell::ValueKind;
use crate::model::choice::ChoiceOption;

/// What a field declares about itself in its parent struct.
#[derive(Clone, Debug, Default)]
pub struct Field {
    /// The Rust field name (empty for the root).
    pub ident: &'static str,
    /// The name in serialised form (serde renames applied).
    pub key: &'static str,
    /// The official label, e.g. `（一）予以公开`.
    pub label: Option<&'static str>,
    /// Other labels the same field is published under.
    pub aliases: &'static [&'static str],
    /// The doc comment.
    pub doc: Option<&'static str>,
    /// The unit of the field's numbers, e.g. `万元`.
    pub unit: Option<&'static str>,
    /// True when the template states no unit (`unstated_unit = "元"`): the numbers are in
    /// `unit` once read, and a published value must carry its own unit to be read (0 aside).
    pub unit_unstated: bool,
    /// `#[form(total)]`: the field is the sum of its siblings.
    pub total: Option<RuleMeta>,
    /// `#[form(range(..))]` on the field.
    pub ranges: Vec<RangeDecl>,
    /// What the field is to the reader and the renderer of a published report.
    pub role: Role,
    /// True when serde requires the field in a form's JSON (not an `Option`, no default).
    pub required: bool,
    /// `#[form(plain)]`: a choice is written as the label of what is chosen, not as the
    /// template's check boxes.
    pub plain: bool,
    /// `#[form(reporter)]`: the field names who reports (an agency); a batch tells one
    /// reporter's reports from another's by it.
    pub reporter: bool,
    /// `#[form(period)]`: the field is the period reported on (a year).
    pub period: bool,
    /// `#[form(previous(field, ..))]`: the field equals `field` of the same reporter's report
    /// for the period before.
    pub previous: Option<crate::check::period::PreviousDecl>,
}

/// What a field of a form is to the reader and the renderer of a published report: declared by
/// the form (`#[form(title)]`, `preamble`, `section`, `meta`), never assumed from its name.
///
/// Roles apply to the fields of the form itself (the struct a report is), not to the parts
/// inside its tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// A labelled part: text under its heading, or a table (under its heading, or recognised
    /// by its rows). A number such as a year is a `label：value` line.
    #[default]
    Part,
    /// The report's title: the document's heading when rendered; read from the first lines
    /// before any heading. A pattern (`{agency}{year}年{}年度报告`) says how the title names
    /// other fields: `{field}` is that field's value (digits for a number), `{}` any text.
    Title {
        /// The ways the title is written, tried in order (none: it names no field).
        patterns: &'static [&'static str],
    },
    /// The text between the title and the first heading, unless it has a heading of its own.
    Preamble,
    /// A part every report has, found by its heading (numbered or not): missing, it makes the
    /// reading incomplete.
    Section,
    /// A `label：value` line.
    Meta,
}

impl Field {
    /// The field a whole form stands in.
    pub fn root() -> Field {
        Field::default()
    }
}

/// One node of a form description: a field and what its type is.
#[derive(Clone, Debug)]
pub struct Node {
    /// The field as declared.
    pub field: Field,
    /// What the field's type is.
    pub kind: NodeKind,
}

/// What a field's type is.
#[derive(Clone, Debug)]
pub enum NodeKind {
    /// A numeric cell.
    Cell(ValueKind),
    /// Narrative text.
    Text,
    /// Metadata that is neither a cell nor text (a year, say).
    Meta,
    /// Yes or no (`bool`; `Option<bool>` may be blank).
    Flag,
    /// One of labelled options (a `#[derive(Choice)]` enum).
    Choice(&'static [ChoiceOption]),
    /// Any set of labelled options, drawn as check boxes (a `BTreeSet` of a choice).
    Choices(&'static [ChoiceOption]),
    /// A calendar date ([`Date`](crate::Date)).
    Date,
    /// A derived struct.
    Struct(Box<StructDecl>),
    /// Repeated rows (`Vec` of a `#[form(columns)]` struct): the row type's description.
    Rows(Box<Node>),
}

/// What a derived struct declares at the container level.
#[derive(Clone, Debug, Default)]
pub struct StructDecl {
    /// The Rust type name.
    pub name: &'static str,
    /// The Rust type's path (`module::Name`): where its rules are declared.
    pub path: &'static str,
    /// `#[form(name = ..)]`: the form's name in a set and on the command line.
    pub form_name: Option<&'static str>,
    /// `#[form(label = ..)]` on the struct (a column group's header, a section's title).
    pub label: Option<&'static str>,
    /// `#[form(corner = ..)]`: a table's top-left note.
    pub corner: Option<&'static str>,
    /// The doc comment.
    pub doc: Option<&'static str>,
    /// `#[form(columns)]`: the struct is one row of columns (or a group of columns).
    pub columns: bool,
    /// `#[form(table)]` on a form: the form is one table (its fields its rows, its sections'
    /// labels merged down their items), not a table per section.
    pub table: bool,
    /// `#[form(unit_column)]` on a form: its label–value blocks draw each value's unit in a
    /// column of its own (`独立用户访问总量 | 个 | 6423`), not after the label.
    pub unit_column: bool,
    /// The fields, in declaration order (skipped fields left out).
    pub fields: Vec<Node>,
    /// `#[form(check(..))]` rules.
    pub checks: Vec<CheckDecl>,
    /// `#[form(range(..))]` rules that apply to every numeric cell of the struct.
    pub ranges: Vec<RangeDecl>,
}

impl PartialEq for StructDecl {
    /// The same declared struct: the same type, wherever it is used.
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.path == other.path
    }
}

impl Eq for StructDecl {}

impl Node {
    /// The row type of repeated rows, if the node is such.
    pub fn as_rows(&self) -> Option<&Node> {
        match &self.kind {
            NodeKind::Rows(row) => Some(row),
            _ => None,
        }
    }

    /// The struct behind this node, if it is one.
    pub fn as_struct(&self) -> Option<&StructDecl> {
        match &self.kind {
            NodeKind::Struct(info) => Some(info),
            _ => None,
        }
    }

    /// True if the node holds numbers somewhere.
    pub fn is_numeric(&self) -> bool {
        match &self.kind {
            NodeKind::Cell(_) => true,
            NodeKind::Struct(info) => info.fields.iter().any(Node::is_numeric),
            NodeKind::Rows(row) => row.is_numeric(),
            _ => false,
        }
    }

    /// True if the node holds any value: a struct with at least one field, or a value itself.
    pub fn has_values(&self) -> bool {
        match &self.kind {
            NodeKind::Struct(info) => info.fields.iter().any(Node::has_values),
            NodeKind::Rows(row) => row.has_values(),
            _ => true,
        }
    }

    /// The label to show for this node: its field label, else its struct's label, else its key.
    pub fn display_label(&self) -> &'static str {
        self.field
            .label
            .or_else(|| self.as_struct().and_then(|s| s.label))
            .unwrap_or(self.field.key)
    }
}
