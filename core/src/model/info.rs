//! [`FormInfo`]: a form's description resolved to cells and rule instances.
//!
//! Built once per form type (the derive caches it in a `static`), from the node tree the
//! derive describes. Building places every node (numbering the numeric cells in declaration
//! order, the order `Component::write_cells` writes them, and giving each its JSON pointer and
//! labels), then has `check::expand` expand every declared rule into instances over those
//! cells: the one table of what the form's rules mean.

use crate::check::expand;
use crate::check::rule::{Instance, RuleDef};
use crate::check::trace::Traced;
use crate::model::cell::ValueKind;
use crate::model::node::{Field, Node, NodeKind};
use crate::model::pointer;

/// The label a column of repeated rows carries between the rows' label and the column's: the
/// cell is their sum.
pub const ROWS_SUM_LABEL: &str = "各项合计";

/// A numeric cell of a form.
#[derive(Clone, Debug)]
pub struct CellInfo {
    /// JSON pointer to the cell in the serialised form (serde renames applied).
    pub pointer: String,
    /// The keys of that pointer, unescaped.
    pub keys: Vec<&'static str>,
    /// Labels from the outermost field down to the cell.
    pub labels: Vec<&'static str>,
    /// How many of `labels` name the row; the rest name the column.
    pub row_labels: usize,
    /// How many of `keys` lead to the row; the rest name the cell within it.
    pub row_keys: usize,
    /// What the cell holds.
    pub kind: ValueKind,
    /// Unit of the cell, declared on it or on a field around it.
    pub unit: Option<&'static str>,
    /// True when the template states no unit: a published value must carry its own.
    pub unit_unstated: bool,
    /// For a column of repeated rows (a `Vec` field): how many of `keys` lead to the array.
    /// The key after them is `*` (every row, as in `pointer`); the cell's value is the sum of
    /// the column over the rows (see `model::rows`).
    pub rows: Option<usize>,
}

impl CellInfo {
    /// Labels joined for display: `三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （七）总计 › 自然人`.
    pub fn label_path(&self) -> String {
        self.labels.join(" › ")
    }

    /// The labels naming the row.
    pub fn row(&self) -> &[&'static str] {
        &self.labels[..self.row_labels]
    }

    /// The labels naming the column.
    pub fn column(&self) -> &[&'static str] {
        &self.labels[self.row_labels..]
    }
}

/// A form resolved to its cells and rules.
#[derive(Debug)]
pub struct FormInfo {
    /// The description the form was built from.
    pub root: Node,
    /// Every numeric cell, in declaration order.
    pub cells: Vec<CellInfo>,
    /// Every rule, in the order first declared.
    pub rules: Vec<RuleDef>,
    /// Every rule instance: what each rule asserts of which cells. The only definition of what
    /// the form's rules mean; the check, the reader, the JSON Logic export and explanations all
    /// read it.
    pub instances: Vec<Instance>,
    /// Rules between this report and the same reporter's report for the period before
    /// (`#[form(previous(..))]`): decided by a batch that holds both.
    pub period_rules: Vec<crate::check::period::PeriodRule>,
    /// The pointer of the field naming who reports (`#[form(reporter)]`), if declared.
    pub reporter: Option<String>,
    /// The pointer of the period reported on (`#[form(period)]`), if declared.
    pub period: Option<String>,
    by_pointer: rustc_hash::FxHashMap<String, usize>,
    /// How many instances are evaluated (ranges the cell types guarantee are not).
    evaluated: usize,
    /// The tables as drawn, built on first use (renderers and readers ask for it per report).
    layout: std::sync::OnceLock<crate::model::layout::Layout>,
    /// Every row label of the form normalised as a reader compares rows, sorted, built on
    /// first use (a reader asks for it per table of every report).
    #[cfg(feature = "read")]
    pub(crate) row_labels: std::sync::OnceLock<Vec<String>>,
    /// The JSON every reading starts from (each cell blank, repeated rows none), built on first
    /// use: a reader starts from it for every report and every form it tries.
    #[cfg(feature = "read")]
    pub(crate) skeleton: std::sync::OnceLock<serde_json::Value>,
    /// What a reader compares of every table's blocks (rows' labels, an index of them, the
    /// columns' header labels), normalised as a reader compares them (by table and block),
    /// built on first use.
    #[cfg(feature = "read")]
    pub(crate) block_labels: std::sync::OnceLock<Vec<Vec<crate::read::form::tables::BlockLabels>>>,
}

impl FormInfo {
    /// Resolves a form description.
    ///
    /// Panics if two different declarations share a rule id: a bug in the form that the
    /// compiler cannot see, reported the first time the form is used.
    pub(crate) fn build(root: Node, traced: Vec<Traced>) -> FormInfo {
        let mut cells = Vec::new();
        let resolved = resolve(
            &root,
            Place {
                pointer: String::new(),
                keys: Vec::new(),
                labels: Vec::new(),
            },
            None,
            None,
            None,
            &mut cells,
        );
        let period_rules = crate::check::period::rules(&form_name(&root), &resolved, &cells);
        let marked = |is: fn(&Field) -> bool| {
            resolved
                .children
                .iter()
                .find(|c| is(&c.node.field))
                .map(|c| c.pointer.clone())
        };
        let reporter = marked(|f| f.reporter);
        let period = marked(|f| f.period);
        let (rules, instances) = expand::table(&resolved, &cells, traced);
        let by_pointer = cells
            .iter()
            .enumerate()
            .map(|(i, c)| (c.pointer.clone(), i))
            .collect();
        let evaluated = instances.iter().filter(|i| i.is_evaluated()).count();
        FormInfo {
            root,
            cells,
            rules,
            instances,
            period_rules,
            reporter,
            period,
            by_pointer,
            evaluated,
            layout: std::sync::OnceLock::new(),
            #[cfg(feature = "read")]
            row_labels: std::sync::OnceLock::new(),
            #[cfg(feature = "read")]
            skeleton: std::sync::OnceLock::new(),
            #[cfg(feature = "read")]
            block_labels: std::sync::OnceLock::new(),
        }
    }

    /// The form's tables as drawn (see [`crate::model::layout`]), built once.
    pub fn layout(&self) -> &crate::model::layout::Layout {
        self.layout
            .get_or_init(|| crate::model::layout::layout(&self.root))
    }

    /// The name a set and the command line know the form by: `#[form(name = ..)]`, else the
    /// type's name in kebab case (`WebsiteReport` → `website-report`).
    pub fn name(&self) -> String {
        form_name(&self.root)
    }

    /// The form's title: its `label`, else the first line of its doc comment (without its
    /// closing full stop), else its type's name.
    pub fn title(&self) -> &'static str {
        let decl = self.root.as_struct();
        let doc_line = decl
            .and_then(|d| d.doc)
            .and_then(|doc| doc.lines().map(str::trim).find(|l| !l.is_empty()))
            .map(|line| line.trim_end_matches(['.', '。']));
        decl.and_then(|d| d.label)
            .or(doc_line)
            .unwrap_or_else(|| decl.map_or(self.root.field.key, |d| d.name))
    }

    /// How many instances a check decides: all but the ranges the cell types guarantee.
    pub fn evaluated(&self) -> usize {
        self.evaluated
    }

    /// The rounding tolerance of instance `index`.
    pub(crate) fn tolerance_of(&self, index: usize) -> Option<crate::model::num::Num> {
        self.instances.get(index).and_then(Instance::tolerance)
    }

    /// The index of the cell at a JSON pointer.
    pub fn cell_index(&self, pointer: &str) -> Option<usize> {
        self.by_pointer.get(pointer).copied()
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&RuleDef> {
        self.rules.iter().find(|r| r.id == id)
    }
}

fn form_name(root: &Node) -> String {
    let decl = root.as_struct();
    match decl.and_then(|d| d.form_name) {
        Some(name) => name.to_owned(),
        None => kebab_case(decl.map_or(root.field.key, |d| d.name)),
    }
}

/// `WebsiteReport2026` → `website-report2026`, `HTMLReport` → `html-report`: a word begins
/// at each capital after a lowercase letter or digit, and at the last capital of a run that a
/// lowercase letter follows.
fn kebab_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1);
        let starts_word = c.is_uppercase()
            && previous.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
            });
        if starts_word {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A node placed in the form: its cell range, pointer and labels. What rules are expanded over.
pub(crate) struct Placed<'n> {
    pub(crate) node: &'n Node,
    /// First cell (index into [`FormInfo::cells`]).
    pub(crate) start: usize,
    pub(crate) pointer: String,
    pub(crate) labels: Vec<&'static str>,
    pub(crate) children: Vec<Placed<'n>>,
}

/// Where a node sits: its pointer, keys and labels.
struct Place {
    pointer: String,
    keys: Vec<&'static str>,
    labels: Vec<&'static str>,
}

fn resolve<'n>(
    node: &'n Node,
    mut place: Place,
    mut row: Option<(usize, usize)>,
    unit: Option<(&'static str, bool)>,
    rows: Option<usize>,
    cells: &mut Vec<CellInfo>,
) -> Placed<'n> {
    if let Some(label) = node.field.label {
        place.labels.push(label);
    }
    let unit = node
        .field
        .unit
        .map(|u| (u, node.field.unit_unstated))
        .or(unit);
    let start = cells.len();
    let mut children = Vec::new();
    match &node.kind {
        NodeKind::Cell(kind) => cells.push(CellInfo {
            pointer: place.pointer.clone(),
            keys: place.keys.clone(),
            labels: place.labels.clone(),
            row_labels: row.map_or(place.labels.len(), |(labels, _)| labels),
            row_keys: row.map_or(place.keys.len(), |(_, keys)| keys),
            kind: *kind,
            unit: unit.map(|(u, _)| u),
            unit_unstated: unit.is_some_and(|(_, unstated)| unstated),
            rows,
        }),
        NodeKind::Rows(row_type) => {
            // One cell per column, at `/rows/*/column`: the row starts at `*`.
            let mut keys = place.keys.clone();
            let array = keys.len();
            keys.push("*");
            let child = Place {
                pointer: pointer::push(&place.pointer, "*"),
                keys,
                labels: place.labels.clone(),
            };
            let mut child = child;
            // Named so in findings: the rows' sum, not one row.
            child.labels.push(ROWS_SUM_LABEL);
            let row = Some((child.labels.len(), array + 1));
            children.push(resolve(row_type, child, row, unit, Some(array), cells));
        }
        NodeKind::Text
        | NodeKind::Meta
        | NodeKind::Flag
        | NodeKind::Choice(_)
        | NodeKind::Choices(_)
        | NodeKind::Date => {}
        NodeKind::Struct(info) => {
            if info.columns && row.is_none() {
                row = Some((place.labels.len(), place.keys.len()));
            }
            for field in &info.fields {
                let mut keys = place.keys.clone();
                keys.push(field.field.key);
                let child = Place {
                    pointer: pointer::push(&place.pointer, field.field.key),
                    keys,
                    labels: place.labels.clone(),
                };
                children.push(resolve(field, child, row, unit, rows, cells));
            }
        }
    }
    Placed {
        node,
        start,
        pointer: place.pointer,
        labels: place.labels,
        children,
    }
}

#[cfg(test)]
mod tests {
    use super::kebab_case;

    #[test]
    fn type_names_become_typable_form_names() {
        assert_eq!(kebab_case("WebsiteReport"), "website-report");
        assert_eq!(kebab_case("WebsiteReport2026"), "website-report2026");
        assert_eq!(kebab_case("HTMLReport"), "html-report");
        assert_eq!(kebab_case("AnnualReport2019V2"), "annual-report2019-v2");
        assert_eq!(kebab_case("Report"), "report");
    }
}
