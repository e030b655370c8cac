//! Table layout derived from the declaration: what another tool needs to draw the official
//! tables (header tree, row tree, spans, and the JSON path and kind of every value).
//!
//! Every declaration has a layout; nothing a struct holds is left undrawn:
//!
//! - A *table* is a struct field of the form (or, with `#[form(table)]` on the form, the whole
//!   form; or a run of single values declared directly on the form). Text fields of the form are
//!   its narrative parts, drawn under their headings, not in tables.
//! - A table is made of *blocks*. Fields that are rows of one columns struct (a
//!   `#[form(columns)]` struct, or groups of such rows) form a *matrix* block: its header is the
//!   tree of the row type's columns (`申请人情况 › 法人或其他组织 › 商业企业`), its rows the
//!   tree of fields down to the rows (`三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密`).
//!   Single values — numbers, text, yes/no, choices, dates — and structs of them form an
//!   *items* block: a label–value table with no header, one value per row, nested items as
//!   nested row labels (`办件量 › 总数`), a section's label merged down the rows of its items.
//!   A struct mixing both is drawn as its blocks in order, the first under its label.
//! - Spans count leaves: a header node spans its leaf columns, a row node its leaf rows.

use serde::Serialize;

use crate::model::cell::ValueKind;
use crate::model::choice::ChoiceOption;
use crate::model::node::{Node, NodeKind, Role, StructDecl};
use crate::model::pointer;

/// The tables of a form.
#[derive(Clone, Debug, Serialize)]
pub struct Layout {
    /// The tables, in declaration order.
    pub tables: Vec<Table>,
}

/// One table.
#[derive(Clone, Debug, Serialize)]
pub struct Table {
    /// The key of the form's field that is the table; empty for a table of several fields (the
    /// whole form, or a run of single values declared on it).
    pub key: &'static str,
    /// The keys of the form's fields the table draws.
    pub fields: Vec<&'static str>,
    /// JSON pointer to the table.
    pub pointer: String,
    /// The field's label (the section heading the table sits under).
    pub label: Option<&'static str>,
    /// The unit the field declares for all its numbers, drawn after the heading
    /// (`工作人员（单位：人）`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    /// The blocks, top to bottom.
    pub blocks: Vec<Block>,
}

/// A block of rows sharing one header.
#[derive(Clone, Debug, Serialize)]
pub struct Block {
    /// A full-width heading row above the block (table 2's `第二十条第（一）项`).
    pub label: Option<&'static str>,
    /// The top-left note, over the row labels.
    pub corner: Option<&'static str>,
    /// The column headers as trees; their leaves are the columns, in order.
    pub header: Vec<HeaderNode>,
    /// How many header rows the tree needs.
    pub header_depth: usize,
    /// The rows as trees; their leaves are the data rows, in order.
    pub rows: Vec<RowNode>,
    /// How many label columns the row tree needs (0 for a table of one unlabelled row).
    pub row_depth: usize,
    /// How many columns of numbers.
    pub columns: usize,
    /// A label–value block of a form declared `unit_column`: the first of its `columns` holds
    /// each row's unit (from its cells' `unit`), the second the value.
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    pub unit_column: bool,
}

/// A column header.
#[derive(Clone, Debug, Serialize)]
pub struct HeaderNode {
    /// The label.
    pub label: &'static str,
    /// The unit of the column's numbers, if declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    /// Leaf columns under it.
    pub span: usize,
    /// Sub-headers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<HeaderNode>,
}

/// A row label, or a data row.
#[derive(Clone, Debug, Serialize)]
pub struct RowNode {
    /// The label (none for the single row of a table like table 4).
    pub label: Option<&'static str>,
    /// Other labels the row is published under.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub aliases: &'static [&'static str],
    /// The unit the row's field declares, drawn after its label (`（单位：条）`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    /// JSON pointer of the row's field: the object holding a matrix row's cells, the value of
    /// an item, the struct of a group.
    pub pointer: String,
    /// Leaf rows under it.
    pub span: usize,
    /// Sub-rows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<RowNode>,
    /// For a data row: its cells, one per column.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<LayoutCell>,
    /// Repeated rows (a `Vec` field): `pointer` is the array, and `cells` one row's, their
    /// pointers with `*` for the row's index (`/accounts/*/followers`). Drawn as the label
    /// merged down one row per element, each labelled by [`item_label`] (`第1项`), or, with no
    /// element, as one row of blank cells.
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    pub repeated: bool,
}

/// The label of element `index` (0-based) of repeated rows: `第1项`.
pub fn item_label(index: usize) -> String {
    format!("第{}项", index + 1)
}

/// The index of the element a repeated row's label names (`第3项` → 2).
pub fn item_index(label: &str) -> Option<usize> {
    let digits = label.strip_prefix('第')?.strip_suffix('项')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 6 {
        return None;
    }
    digits.parse::<usize>().ok()?.checked_sub(1)
}

/// A template pointer of repeated rows (`/accounts/*/followers`) for element `index`.
pub fn item_pointer(template: &str, index: usize) -> String {
    match template.split_once("/*/") {
        Some((rows, rest)) => format!("{rows}/{index}/{rest}"),
        None => match template.strip_suffix("/*") {
            Some(rows) => format!("{rows}/{index}"),
            None => template.to_owned(),
        },
    }
}

impl RowNode {
    /// The JSON pointer of a data row (`None` for a row label with no cells of its own).
    pub fn pointer(&self) -> Option<String> {
        (!self.cells.is_empty()).then(|| self.pointer.clone())
    }
}

/// Where a cell's value is in the filled form, and what it is.
#[derive(Clone, Debug, Serialize)]
pub struct LayoutCell {
    /// JSON pointer.
    pub pointer: String,
    /// Keys joined by `.` (a JSON Logic `var` path).
    pub path: String,
    /// The unit of the cell's number, declared on it or around it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    /// What the cell holds.
    pub kind: LeafKind,
    /// For a choice: its options, in the template's order.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub options: &'static [ChoiceOption],
    /// For a choice: written as the chosen label, not as check boxes.
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    pub plain: bool,
    /// True when the form may leave the value out (`Option`, a serde default): a blank reads
    /// as `null`, not as empty text.
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    pub optional: bool,
}

impl LayoutCell {
    /// The cell of a single value declared on the form itself (a `label：value` line), `None`
    /// for a struct.
    pub fn of(node: &Node, key: &'static str) -> Option<LayoutCell> {
        leaf(node, &Path::root().child(key), node.field.unit)
    }
}

/// What a cell of a table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeafKind {
    /// A cell of the form's rules: a count, a signed count or an amount.
    Number(#[serde(skip)] ValueKind),
    /// A number outside the rules (a year).
    Integer,
    /// Text.
    Text,
    /// Yes or no.
    Flag,
    /// One of the options.
    Choice,
    /// Any of the options.
    Choices,
    /// A date.
    Date,
}

impl LeafKind {
    fn of(kind: &NodeKind) -> Option<LeafKind> {
        Some(match kind {
            NodeKind::Cell(value) => LeafKind::Number(*value),
            NodeKind::Meta => LeafKind::Integer,
            NodeKind::Text => LeafKind::Text,
            NodeKind::Flag => LeafKind::Flag,
            NodeKind::Choice(_) => LeafKind::Choice,
            NodeKind::Choices(_) => LeafKind::Choices,
            NodeKind::Date => LeafKind::Date,
            NodeKind::Struct(_) | NodeKind::Rows(_) => return None,
        })
    }
}

/// The layout of a form described by `root`.
pub fn layout(root: &Node) -> Layout {
    let mut layout = tables(root);
    if root.as_struct().is_some_and(|form| form.unit_column) {
        // Label–value blocks (no header) take a column of units before their values.
        for block in layout.tables.iter_mut().flat_map(|t| &mut t.blocks) {
            if block.header_depth == 0 && block.columns == 1 {
                block.unit_column = true;
                block.columns = 2;
            }
        }
    }
    layout
}

fn tables(root: &Node) -> Layout {
    let Some(form) = root.as_struct() else {
        return Layout { tables: Vec::new() };
    };
    let path = Path::root();
    if form.table {
        let fields: Vec<&Node> = form.fields.iter().filter(|f| in_form_table(f)).collect();
        let table = Table {
            key: "",
            fields: fields.iter().map(|f| f.field.key).collect(),
            pointer: String::new(),
            label: None,
            unit: None,
            blocks: blocks(&fields, &path),
        };
        return Layout {
            tables: vec![table],
        };
    }
    let mut tables = Vec::new();
    // Single values declared on the form itself, drawn together as a label–value table.
    let mut run: Vec<&Node> = Vec::new();
    let flush = |run: &mut Vec<&Node>, tables: &mut Vec<Table>| {
        if !run.is_empty() {
            tables.push(Table {
                key: "",
                fields: run.iter().map(|f| f.field.key).collect(),
                pointer: String::new(),
                label: None,
                unit: None,
                blocks: blocks(run, &path),
            });
            run.clear();
        }
    };
    for field in &form.fields {
        let part = matches!(field.field.role, Role::Part | Role::Section);
        match &field.kind {
            NodeKind::Struct(_) | NodeKind::Rows(_) if part && field.has_values() => {
                flush(&mut run, &mut tables);
                let child = path.child(field.field.key);
                tables.push(Table {
                    key: field.field.key,
                    fields: vec![field.field.key],
                    pointer: child.pointer.clone(),
                    label: field.field.label,
                    unit: field.field.unit,
                    blocks: table_blocks(field, &child),
                });
            }
            NodeKind::Cell(_)
            | NodeKind::Flag
            | NodeKind::Choice(_)
            | NodeKind::Choices(_)
            | NodeKind::Date
                if part =>
            {
                run.push(field)
            }
            _ => flush(&mut run, &mut tables),
        }
    }
    flush(&mut run, &mut tables);
    Layout { tables }
}

/// True for a field of a `#[form(table)]` form drawn in its table: all but its title,
/// preamble and `label：value` lines.
pub fn in_form_table(field: &Node) -> bool {
    matches!(field.field.role, Role::Part | Role::Section) && field.has_values()
}

/// A pointer and its keys, built together.
#[derive(Clone)]
struct Path {
    pointer: String,
    keys: Vec<&'static str>,
}

impl Path {
    fn root() -> Path {
        Path {
            pointer: String::new(),
            keys: Vec::new(),
        }
    }

    fn child(&self, key: &'static str) -> Path {
        let mut keys = self.keys.clone();
        keys.push(key);
        Path {
            pointer: pointer::push(&self.pointer, key),
            keys,
        }
    }
}

/// How a field is drawn in a table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind<'n> {
    /// A single value, or a struct of them: rows of a label–value block.
    Items,
    /// A row of a columns struct, or a group of such rows.
    Rows(&'n StructDecl),
    /// A struct of both: its own blocks.
    Mixed,
}

fn kind(node: &Node) -> Kind<'_> {
    if let Some(decl) = node.as_rows().and_then(Node::as_struct) {
        return Kind::Rows(decl);
    }
    let Some(decl) = node.as_struct() else {
        return Kind::Items;
    };
    if decl.columns {
        return Kind::Rows(decl);
    }
    let mut kinds = decl.fields.iter().filter(|f| f.has_values()).map(kind);
    let Some(first) = kinds.next() else {
        return Kind::Items;
    };
    let same = kinds.all(|k| match (k, first) {
        (Kind::Rows(a), Kind::Rows(b)) => a.name == b.name && a.path == b.path,
        (Kind::Items, Kind::Items) => true,
        _ => false,
    });
    if !same || first == Kind::Mixed {
        return Kind::Mixed;
    }
    first
}

/// The blocks of a table that is one field of the form.
fn table_blocks(node: &Node, path: &Path) -> Vec<Block> {
    match (kind(node), node.as_struct()) {
        (Kind::Rows(_), _) => vec![matrix(node, path, None)],
        (_, Some(decl)) => {
            let fields: Vec<&Node> = decl.fields.iter().filter(|f| f.has_values()).collect();
            let mut blocks = blocks(&fields, path);
            // The struct's note goes over the first block's row labels, where it has a header.
            if let (Some(corner), Some(first)) = (decl.corner, blocks.first_mut())
                && first.corner.is_none()
                && first.header_depth > 0
            {
                first.corner = Some(corner);
            }
            blocks
        }
        (_, None) => blocks(&[node], path),
    }
}

/// The blocks drawing `fields` (siblings under `path`), in order: runs of single values become
/// one label–value block, runs of rows of one columns struct one matrix block, a struct of
/// both its own blocks.
fn blocks(fields: &[&Node], path: &Path) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < fields.len() {
        let first = kind(fields[i]);
        let mut end = i + 1;
        while end < fields.len() && first != Kind::Mixed && kind(fields[end]) == first {
            end += 1;
        }
        let run = &fields[i..end];
        match first {
            Kind::Items => out.push(items(run, path)),
            // Groups of rows side by side: each a block under its label (table 2's items).
            Kind::Rows(_)
                if run.iter().all(|f| {
                    f.as_rows().is_none() && !f.as_struct().is_some_and(|d| d.columns)
                }) =>
            {
                for group in run {
                    let child = path.child(group.field.key);
                    out.push(matrix(group, &child, group.field.label));
                }
            }
            Kind::Rows(_) => out.push(rows_block(run, path)),
            Kind::Mixed => {
                let node = fields[i];
                let child = path.child(node.field.key);
                let inner: Vec<&Node> = node
                    .as_struct()
                    .map(|d| d.fields.iter().filter(|f| f.has_values()).collect())
                    .unwrap_or_default();
                let mut nested = blocks(&inner, &child);
                if let Some(first) = nested.first_mut()
                    && first.label.is_none()
                {
                    first.label = Some(node.display_label());
                }
                out.extend(nested);
            }
        }
        i = end;
    }
    out
}

/// A label–value block: one row per single value, nested structs as nested row labels.
fn items(fields: &[&Node], path: &Path) -> Block {
    let rows: Vec<RowNode> = fields
        .iter()
        .map(|f| item_row(f, &path.child(f.field.key)))
        .collect();
    Block {
        label: None,
        corner: None,
        header: Vec::new(),
        header_depth: 0,
        row_depth: rows.iter().map(row_depth).max().unwrap_or(0),
        columns: 1,
        unit_column: false,
        rows,
    }
}

fn item_row(node: &Node, path: &Path) -> RowNode {
    let label = Some(node.display_label());
    match node.as_struct() {
        Some(decl) => {
            let children: Vec<RowNode> = decl
                .fields
                .iter()
                .filter(|f| f.has_values())
                .map(|f| item_row(f, &path.child(f.field.key)))
                .collect();
            RowNode {
                label,
                aliases: node.field.aliases,
                unit: node.field.unit,
                pointer: path.pointer.clone(),
                span: children.iter().map(|c| c.span).sum(),
                children,
                cells: Vec::new(),
                repeated: false,
            }
        }
        None => RowNode {
            label,
            aliases: node.field.aliases,
            unit: node.field.unit,
            pointer: path.pointer.clone(),
            span: 1,
            children: Vec::new(),
            cells: leaf(node, path, node.field.unit).into_iter().collect(),
            repeated: false,
        },
    }
}

/// A matrix block of the rows under `node` (a columns struct, or a group of rows).
fn matrix(node: &Node, path: &Path, label: Option<&'static str>) -> Block {
    let info = node.as_struct();
    let rows = match info {
        Some(i) if i.columns => vec![data_row(node, path, None)],
        None if node.as_rows().is_some() => vec![repeated_row(node, path)],
        Some(i) => row_nodes(i, path),
        None => Vec::new(),
    };
    let header = row_type(node).map(header_nodes).unwrap_or_default();
    Block {
        label: label.filter(|_| node.as_rows().is_none()),
        corner: info.and_then(|i| i.corner),
        header_depth: header.iter().map(header_depth).max().unwrap_or(0),
        columns: header.iter().map(|h| h.span).sum(),
        unit_column: false,
        row_depth: rows.iter().map(row_depth).max().unwrap_or(0),
        header,
        rows,
    }
}

/// A matrix block of sibling fields that are rows (or groups of rows) of one columns struct.
fn rows_block(fields: &[&Node], path: &Path) -> Block {
    let rows: Vec<RowNode> = fields.iter().map(|f| row_node(f, path)).collect();
    let header = fields
        .first()
        .and_then(|f| row_type(f))
        .map(header_nodes)
        .unwrap_or_default();
    Block {
        label: None,
        corner: None,
        header_depth: header.iter().map(header_depth).max().unwrap_or(0),
        columns: header.iter().map(|h| h.span).sum(),
        unit_column: false,
        row_depth: rows.iter().map(row_depth).max().unwrap_or(0),
        header,
        rows,
    }
}

/// The columns struct all rows under `node` share, if they share one.
fn row_type(node: &Node) -> Option<&StructDecl> {
    match kind(node) {
        Kind::Rows(decl) => Some(decl),
        _ => None,
    }
}

fn row_nodes(info: &StructDecl, path: &Path) -> Vec<RowNode> {
    info.fields
        .iter()
        .filter(|f| f.has_values())
        .map(|f| row_node(f, path))
        .collect()
}

fn row_node(f: &Node, path: &Path) -> RowNode {
    let child = path.child(f.field.key);
    if f.as_rows().is_some() {
        return repeated_row(f, &child);
    }
    match f.as_struct() {
        Some(s) if s.columns => data_row(f, &child, f.field.label),
        Some(s) => {
            let children = row_nodes(s, &child);
            RowNode {
                label: f.field.label,
                aliases: f.field.aliases,
                unit: None,
                pointer: child.pointer.clone(),
                span: children.iter().map(|c| c.span).sum(),
                children,
                cells: Vec::new(),
                repeated: false,
            }
        }
        None => data_row(f, &child, f.field.label),
    }
}

/// The row of repeated rows `node` at `path` (the array): one row's cells as a template.
fn repeated_row(node: &Node, path: &Path) -> RowNode {
    let mut cells = Vec::new();
    if let Some(row) = node.as_rows() {
        collect_cells(row, &path.child("*"), node.field.unit, &mut cells);
    }
    RowNode {
        label: Some(node.display_label()),
        aliases: node.field.aliases,
        unit: None,
        pointer: path.pointer.clone(),
        span: 1,
        children: Vec::new(),
        cells,
        repeated: true,
    }
}

fn data_row(node: &Node, path: &Path, label: Option<&'static str>) -> RowNode {
    let mut cells = Vec::new();
    collect_cells(node, path, node.field.unit, &mut cells);
    RowNode {
        label,
        aliases: node.field.aliases,
        unit: None,
        pointer: path.pointer.clone(),
        span: 1,
        children: Vec::new(),
        cells,
        repeated: false,
    }
}

/// The cell of a single value.
fn leaf(node: &Node, path: &Path, unit: Option<&'static str>) -> Option<LayoutCell> {
    let kind = LeafKind::of(&node.kind)?;
    let options = match &node.kind {
        NodeKind::Choice(options) | NodeKind::Choices(options) => options,
        _ => &[][..],
    };
    Some(LayoutCell {
        pointer: path.pointer.clone(),
        path: path.keys.join("."),
        unit,
        kind,
        options,
        plain: node.field.plain,
        optional: !node.field.required,
    })
}

fn collect_cells(node: &Node, path: &Path, unit: Option<&'static str>, out: &mut Vec<LayoutCell>) {
    match &node.kind {
        NodeKind::Struct(info) => {
            for field in &info.fields {
                let unit = field.field.unit.or(unit);
                collect_cells(field, &path.child(field.field.key), unit, out);
            }
        }
        _ => out.extend(leaf(node, path, unit)),
    }
}

fn header_nodes(row: &StructDecl) -> Vec<HeaderNode> {
    let columns: Vec<HeaderNode> = row
        .fields
        .iter()
        .filter(|f| f.has_values())
        .map(|f| match f.as_struct() {
            Some(s) => {
                let children = header_nodes(s);
                HeaderNode {
                    label: f.display_label(),
                    unit: f.field.unit,
                    span: children.iter().map(|c| c.span).sum(),
                    children,
                }
            }
            None => HeaderNode {
                label: f.display_label(),
                unit: f.field.unit,
                span: 1,
                children: Vec::new(),
            },
        })
        .collect();
    match row.label {
        Some(label) => vec![HeaderNode {
            label,
            unit: None,
            span: columns.iter().map(|c| c.span).sum(),
            children: columns,
        }],
        None => columns,
    }
}

fn header_depth(node: &HeaderNode) -> usize {
    1 + node.children.iter().map(header_depth).max().unwrap_or(0)
}

fn row_depth(node: &RowNode) -> usize {
    // Repeated rows add a column of item labels (`第1项`).
    usize::from(node.label.is_some())
        + usize::from(node.repeated)
        + node.children.iter().map(row_depth).max().unwrap_or(0)
}
