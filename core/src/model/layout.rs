//! Table layout derived from the declaration: what another tool needs to draw the official
//! tables (header tree, row tree, spans, and the JSON path of every numeric cell).
//!
//! A *table* is a top-level field of a form that holds numbers. It has one or more *blocks*:
//! one when all its rows share a columns struct (table 3, table 4), one per child when they do
//! not (table 2's four 第二十条 items, each with its own columns). A block's header is the tree
//! of its row type's columns (`申请人情况 › 法人或其他组织 › 商业企业`), its rows the tree of
//! the table's fields down to the rows (`三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密`).
//! Spans count leaves: a header node spans its leaf columns, a row node its leaf rows.

use serde::Serialize;

use crate::model::node::{Node, NodeKind, StructDecl};
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
    /// The field's key.
    pub key: &'static str,
    /// JSON pointer to the table.
    pub pointer: String,
    /// The field's label (the section heading the table sits under).
    pub label: Option<&'static str>,
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
    /// Leaf rows under it.
    pub span: usize,
    /// Sub-rows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<RowNode>,
    /// For a data row: its cells, one per column.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<LayoutCell>,
}

impl RowNode {
    /// The JSON pointer of a data row: the object holding its cells (`None` for a row label
    /// with no cells of its own).
    pub fn pointer(&self) -> Option<String> {
        let first = &self.cells.first()?.pointer;
        Some(
            first
                .rsplit_once('/')
                .map_or(first.clone(), |(p, _)| p.to_owned()),
        )
    }
}

/// Where a cell's value is in the filled form.
#[derive(Clone, Debug, Serialize)]
pub struct LayoutCell {
    /// JSON pointer.
    pub pointer: String,
    /// Keys joined by `.` (a JSON Logic `var` path).
    pub path: String,
    /// The unit of the cell's number, declared on it or around it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
}

/// The layout of a form described by `root`.
pub fn layout(root: &Node) -> Layout {
    let tables = root
        .as_struct()
        .map(|info| {
            info.fields
                .iter()
                .filter(|f| f.is_numeric())
                .map(|f| table(f, &Path::root().child(f.field.key)))
                .collect()
        })
        .unwrap_or_default();
    Layout { tables }
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

fn table(node: &Node, path: &Path) -> Table {
    let blocks = match row_type(node) {
        Some(_) => vec![block(node, path, None)],
        None => node
            .as_struct()
            .map(|info| {
                info.fields
                    .iter()
                    .filter(|f| f.is_numeric())
                    .map(|f| block(f, &path.child(f.field.key), f.field.label))
                    .collect()
            })
            .unwrap_or_default(),
    };
    Table {
        key: node.field.key,
        pointer: path.pointer.clone(),
        label: node.field.label,
        blocks,
    }
}

/// The columns struct all rows under `node` share, if they share one.
fn row_type(node: &Node) -> Option<&StructDecl> {
    let info = node.as_struct()?;
    if info.columns {
        return Some(info);
    }
    let mut shared: Option<&StructDecl> = None;
    for field in info.fields.iter().filter(|f| f.is_numeric()) {
        let row = row_type(field)?;
        match shared {
            Some(first) if first.name != row.name => return None,
            _ => shared = Some(row),
        }
    }
    shared
}

fn block(node: &Node, path: &Path, label: Option<&'static str>) -> Block {
    let info = node.as_struct();
    let rows = match info {
        Some(i) if i.columns => vec![data_row(node, path, None)],
        Some(i) => row_nodes(i, path),
        None => Vec::new(),
    };
    let header = row_type(node).map(header_nodes).unwrap_or_default();
    Block {
        label,
        corner: info.and_then(|i| i.corner),
        header_depth: header.iter().map(header_depth).max().unwrap_or(0),
        columns: header.iter().map(|h| h.span).sum(),
        row_depth: rows.iter().map(row_depth).max().unwrap_or(0),
        header,
        rows,
    }
}

fn row_nodes(info: &StructDecl, path: &Path) -> Vec<RowNode> {
    info.fields
        .iter()
        .filter(|f| f.is_numeric())
        .map(|f| {
            let child = path.child(f.field.key);
            match f.as_struct() {
                Some(s) if s.columns => data_row(f, &child, f.field.label),
                Some(s) => {
                    let children = row_nodes(s, &child);
                    RowNode {
                        label: f.field.label,
                        span: children.iter().map(|c| c.span).sum(),
                        children,
                        cells: Vec::new(),
                    }
                }
                None => data_row(f, &child, f.field.label),
            }
        })
        .collect()
}

fn data_row(node: &Node, path: &Path, label: Option<&'static str>) -> RowNode {
    let mut cells = Vec::new();
    collect_cells(node, path, node.field.unit, &mut cells);
    RowNode {
        label,
        span: 1,
        children: Vec::new(),
        cells,
    }
}

fn collect_cells(node: &Node, path: &Path, unit: Option<&'static str>, out: &mut Vec<LayoutCell>) {
    match &node.kind {
        NodeKind::Cell(_) => out.push(LayoutCell {
            pointer: path.pointer.clone(),
            path: path.keys.join("."),
            unit,
        }),
        NodeKind::Struct(info) => {
            for field in &info.fields {
                let unit = field.field.unit.or(unit);
                collect_cells(field, &path.child(field.field.key), unit, out);
            }
        }
        NodeKind::Text | NodeKind::Meta => {}
    }
}

fn header_nodes(row: &StructDecl) -> Vec<HeaderNode> {
    let columns: Vec<HeaderNode> = row
        .fields
        .iter()
        .filter(|f| f.is_numeric())
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
    usize::from(node.label.is_some()) + node.children.iter().map(row_depth).max().unwrap_or(0)
}
