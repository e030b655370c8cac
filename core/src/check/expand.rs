//! The form's table of rule instances, from the traversal's record.
//!
//! The traversal ([`crate::check::traverse`]) says, for each instance in order, where it is
//! declared, which cells and constants each side reads and with which operator. This module
//! gives each instance its rule (stable id, severity, official wording, expression as
//! declared, all from the declaration in the form's description) and its place in the form
//! (labels and key). It decides no cell: what an instance reads is the traversal's alone.

use std::collections::HashMap;

use crate::check::condition::{Wanted, When, WhenDecl};
use crate::check::rule::{
    Body, CheckDecl, Instance, Operand, RangeDecl, RuleDef, RuleKind, RuleMeta, rounding_tolerance,
};
use crate::check::trace::Traced;
use crate::check::traverse::SiteRule;
use crate::model::info::{CellInfo, Placed};
use crate::model::node::{Node, NodeKind, StructDecl};
use crate::model::num::Num;
use crate::model::pointer;

/// The rules and instances of the form placed at `root`, from the traversal's record.
///
/// Panics if two different declarations share a rule id: a bug in the form that the compiler
/// cannot see, reported the first time the form is used.
pub(crate) fn table(
    root: &Placed<'_>,
    cells: &[CellInfo],
    traced: Vec<Traced>,
) -> (Vec<RuleDef>, Vec<Instance>) {
    let mut occurrences = HashMap::new();
    index_structs(root, &mut occurrences);
    let mut table = Table {
        cells,
        rules: Vec::new(),
        instances: Vec::new(),
        by_id: HashMap::new(),
    };
    for traced in traced {
        match traced.site.rule {
            SiteRule::Check(_) | SiteRule::Total(_) => {
                // Comparisons are placed at the struct that declares them.
                if let Some(&owner) = occurrences.get(&(traced.owner, traced.site.declared_in)) {
                    table.compare_instance(owner, traced);
                }
            }
            // Ranges, at the cell they constrain.
            SiteRule::Range(_) | SiteRule::FieldRange(..) => {
                // The occurrence of the declaring struct that holds the cell: the one starting
                // last at or before it (a struct never contains itself).
                let owner = occurrences
                    .iter()
                    .filter(|((start, path), _)| {
                        *path == traced.site.declared_in && *start <= traced.owner
                    })
                    .max_by_key(|((start, _), _)| *start)
                    .map(|(_, placed)| *placed);
                if let Some(owner) = owner {
                    table.range_instance(owner, traced);
                }
            }
        }
    }
    (table.rules, table.instances)
}

/// Every struct occurrence by its first cell and Rust path (unique: a struct cannot start
/// with itself).
fn index_structs<'p, 'n>(
    placed: &'p Placed<'n>,
    out: &mut HashMap<(usize, &'static str), &'p Placed<'n>>,
) {
    if let Some(info) = placed.node.as_struct() {
        out.entry((placed.start, info.path)).or_insert(placed);
    }
    for child in &placed.children {
        index_structs(child, out);
    }
}

struct Table<'c> {
    cells: &'c [CellInfo],
    rules: Vec<RuleDef>,
    instances: Vec<Instance>,
    by_id: HashMap<String, usize>,
}

/// What a declaration contributes to its [`RuleDef`], before it has instances.
struct Declared {
    id: String,
    kind: RuleKind,
    meta: RuleMeta,
    default_zh: String,
    default_en: String,
    expression: String,
    declared_in: &'static str,
}

impl Table<'_> {
    fn compare_instance(&mut self, owner: &Placed<'_>, mut traced: Traced) {
        let Some(info) = owner.node.as_struct() else {
            return;
        };
        let declared = match traced.site.rule {
            SiteRule::Check(k) => check_rule(info, &info.checks[usize::from(k)]),
            SiteRule::Total(n) => total_rule(info, usize::from(n)),
            SiteRule::Range(_) | SiteRule::FieldRange(..) => return,
        };
        if let Some(places) = declared.meta.decimals {
            // Its instances compare within the rounding of the cells they read.
            let weight = cell_weight(&traced.body);
            if let Body::Compare { tolerance, .. } = &mut traced.body {
                *tolerance = rounding_tolerance(places, weight);
            }
        }
        let when = declared.meta.when.as_ref().map(|w| place_when(owner, w));
        let rule = self.rule(declared);
        let (at, at_key) = match traced.column {
            // An element-wise instance is at the column of the first cell it reads.
            Some(_) => self.column_of(owner, first_cell(&traced.body)),
            None => (owner.labels.clone(), owner.pointer.clone()),
        };
        self.push(rule, at, at_key, traced.body, when);
    }

    fn range_instance(&mut self, owner: &Placed<'_>, traced: Traced) {
        let Some(info) = owner.node.as_struct() else {
            return;
        };
        let (range, default_id) = match traced.site.rule {
            SiteRule::Range(k) => (&info.ranges[usize::from(k)], format!("{}.range", info.name)),
            SiteRule::FieldRange(n, k) => {
                let field = &info.fields[usize::from(n)];
                (
                    &field.field.ranges[usize::from(k)],
                    format!("{}.{}.range", info.name, field.field.ident),
                )
            }
            SiteRule::Check(_) | SiteRule::Total(_) => return,
        };
        let declared = range_rule(info, range, default_id);
        let when = declared.meta.when.as_ref().map(|w| place_when(owner, w));
        let rule = self.rule(declared);
        let cell = &self.cells[traced.owner];
        self.push(
            rule,
            cell.labels.clone(),
            cell.pointer.clone(),
            traced.body,
            when,
        );
    }

    fn rule(&mut self, mut declared: Declared) -> usize {
        // What qualifies a rule is part of what it says: listed with its expression.
        if let Some(places) = declared.meta.decimals {
            declared.expression = format!("{}, decimals = {places}", declared.expression);
        }
        if let Some(when) = &declared.meta.when {
            declared.expression = format!("{}, when({})", declared.expression, when.text);
        }
        if let Some(&index) = self.by_id.get(&declared.id) {
            // One rule may be declared on several structs (the same check on two row types);
            // two different rules may not share an id.
            let existing = &self.rules[index];
            let same_wording = existing.severity == declared.meta.severity
                && declared
                    .meta
                    .message
                    .is_none_or(|m| m == existing.message_zh)
                && declared
                    .meta
                    .message_en
                    .is_none_or(|m| m == existing.message_en);
            assert!(
                existing.kind == declared.kind
                    && existing.expression == declared.expression
                    && same_wording,
                "rule id `{}` is declared twice: in `{}` as `{}` and in `{}` as `{}` (with its own severity or wording); give each rule its own id",
                declared.id,
                existing.declared_in,
                existing.expression,
                declared.declared_in,
                declared.expression,
            );
            return index;
        }
        let index = self.rules.len();
        self.by_id.insert(declared.id.clone(), index);
        self.rules.push(RuleDef {
            id: declared.id,
            kind: declared.kind,
            severity: declared.meta.severity,
            message_zh: declared
                .meta
                .message
                .map_or(declared.default_zh, str::to_owned),
            message_en: declared
                .meta
                .message_en
                .map_or(declared.default_en, str::to_owned),
            expression: declared.expression,
            declared_in: declared.declared_in,
            instances: Vec::new(),
        });
        index
    }

    fn push(
        &mut self,
        rule: usize,
        at: Vec<&'static str>,
        at_key: String,
        body: Body,
        when: Option<When>,
    ) {
        self.rules[rule].instances.push(self.instances.len());
        self.instances.push(Instance {
            rule,
            at,
            at_key,
            body,
            when,
        });
    }

    /// Labels and key of the column of `cell`, for element-wise instances declared on `owner`:
    /// the owner's labels and the cell's column labels; the owner's pointer, `#`, and the cell's
    /// pointer within its row.
    fn column_of(&self, owner: &Placed<'_>, cell: Option<usize>) -> (Vec<&'static str>, String) {
        let mut at = owner.labels.clone();
        let Some(cell) = cell.map(|c| &self.cells[c]) else {
            return (at, owner.pointer.clone());
        };
        at.extend_from_slice(cell.column());
        let within = pointer::from_keys(cell.keys[cell.row_keys..].iter().copied());
        (at, format!("{}#{within}", owner.pointer))
    }
}

/// A rule's condition placed in the struct occurrence that declares it: the field it reads
/// and the value it wants, in JSON.
///
/// Panics if the path does not lead to a yes/no or choice field: the derive's generated code
/// reads the same path and type-checks it, so only a hand-written description can.
fn place_when(owner: &Placed<'_>, decl: &WhenDecl) -> When {
    let mut field = owner;
    for name in decl.path {
        field = field
            .children
            .iter()
            .find(|c| c.node.field.ident == *name)
            .unwrap_or_else(|| panic!("`when({})`: no field `{name}`", decl.text));
    }
    let (value, shown) = match (decl.wanted, &field.node.kind) {
        (Wanted::Flag(flag), NodeKind::Flag) => {
            let words = if flag {
                crate::model::words::YES
            } else {
                crate::model::words::NO
            };
            (serde_json::Value::Bool(flag), words[0].to_owned())
        }
        (Wanted::Option(index), NodeKind::Choice(options)) => options
            .get(index)
            .map(|o| (serde_json::Value::from(o.key), o.label.to_owned()))
            .unwrap_or_else(|| panic!("`when({})`: no such option", decl.text)),
        (Wanted::Number(number), NodeKind::Cell(_)) => (
            number
                .to_string()
                .parse::<serde_json::Number>()
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            number.to_string(),
        ),
        _ => panic!(
            "`when({})` names a field that is not a yes/no, choice or number field",
            decl.text
        ),
    };
    When {
        pointer: field.pointer.clone(),
        keys: pointer::tokens(&field.pointer),
        labels: field.labels.clone(),
        value,
        shown,
        text: decl.text,
    }
}

/// The cells a comparison reads, each weighted by the magnitude of its factor: how many
/// roundings its sides can carry.
fn cell_weight(body: &Body) -> Num {
    let Body::Compare { lhs, rhs, .. } = body else {
        return Num::Int(1);
    };
    lhs.iter()
        .chain(rhs)
        .filter(|t| matches!(t.operand, Operand::Cell(_)))
        .map(|t| match t.factor {
            Some(f) if f < Num::ZERO => f.checked_neg().unwrap_or(f),
            Some(f) => f,
            None => Num::Int(1),
        })
        .fold(Num::ZERO, |sum, w| sum.checked_add(w).unwrap_or(sum))
}

/// The first cell an instance reads, left side first.
fn first_cell(body: &Body) -> Option<usize> {
    match body {
        Body::Compare { lhs, rhs, .. } => lhs.iter().chain(rhs).find_map(|t| match t.operand {
            Operand::Cell(c) => Some(c),
            Operand::Const(_) => None,
        }),
        Body::Range { cell, .. } => Some(*cell),
    }
}

fn check_rule(info: &StructDecl, check: &CheckDecl) -> Declared {
    Declared {
        id: check
            .meta
            .id
            .map_or_else(|| format!("{}.check", info.name), str::to_owned),
        kind: RuleKind::Check,
        meta: check.meta.clone(),
        default_zh: check.expr.to_owned(),
        default_en: check.expr.to_owned(),
        expression: check.expr.to_owned(),
        declared_in: info.name,
    }
}

/// The `total` of field `index`: its wording names the siblings it sums, its expression the
/// paths (a sibling with a `total` of its own is summed by that total, `withheld.subtotal`).
fn total_rule(info: &StructDecl, index: usize) -> Declared {
    let total = &info.fields[index];
    let meta = total.field.total.clone().unwrap_or_default();
    let elementwise = total.as_struct().is_some_and(|s| s.columns);
    let siblings: Vec<&Node> = info
        .fields
        .iter()
        .enumerate()
        .filter(|&(i, f)| i != index && f.is_numeric())
        .map(|(_, f)| f)
        .collect();
    let labels: Vec<&str> = siblings.iter().map(|s| s.display_label()).collect();
    let paths: Vec<String> = siblings
        .iter()
        .map(|s| summand_path(s, elementwise))
        .collect();
    let total_label = total.display_label();
    let (default_zh, default_en) = if elementwise {
        (
            format!("{total_label}等于{}之和（逐列）", labels.join("、")),
            format!(
                "{total_label} equals the sum of {}, column by column",
                labels.join(", ")
            ),
        )
    } else {
        (
            format!("{total_label}等于{}之和", labels.join("、")),
            format!("{total_label} equals the sum of {}", labels.join(", ")),
        )
    };
    Declared {
        id: meta.id.map_or_else(
            || format!("{}.{}", info.name, total.field.ident),
            str::to_owned,
        ),
        kind: RuleKind::Total,
        meta,
        default_zh,
        default_en,
        expression: format!("{} == {}", total.field.ident, paths.join(" + ")),
        declared_in: info.name,
    }
}

/// How an expression names what `node` contributes to a sum: `withheld.subtotal` when a
/// subtotal stands for the group.
fn summand_path(node: &Node, elementwise: bool) -> String {
    let ident = node.field.ident;
    let Some(info) = node.as_struct() else {
        return ident.to_owned();
    };
    if elementwise && info.columns {
        return ident.to_owned();
    }
    match info.fields.iter().find(|f| f.field.total.is_some()) {
        Some(total) => format!("{ident}.{}", summand_path(total, elementwise)),
        None => ident.to_owned(),
    }
}

fn range_rule(info: &StructDecl, range: &RangeDecl, default_id: String) -> Declared {
    let (zh, en) = match (range.min, range.max) {
        (Some(min), Some(max)) => (
            format!("数值应在{min}至{max}之间"),
            format!("the value must be between {min} and {max}"),
        ),
        (Some(min), None) => (
            format!("数值不得小于{min}"),
            format!("the value must not be less than {min}"),
        ),
        (None, Some(max)) => (
            format!("数值不得大于{max}"),
            format!("the value must not be greater than {max}"),
        ),
        (None, None) => (String::new(), String::new()),
    };
    let expression = match (range.min, range.max) {
        (Some(min), Some(max)) => format!("{min} <= value <= {max}"),
        (Some(min), None) => format!("value >= {min}"),
        (None, Some(max)) => format!("value <= {max}"),
        (None, None) => String::new(),
    };
    Declared {
        id: range.meta.id.map_or(default_id, str::to_owned),
        kind: RuleKind::Range,
        meta: range.meta.clone(),
        default_zh: zh,
        default_en: en,
        expression,
        declared_in: info.name,
    }
}
