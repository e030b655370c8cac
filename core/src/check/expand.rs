//! Expansion: every declared rule (a struct's `check`, a field's `total`, a `range`) becomes
//! instances over concrete cells, wherever its struct occurs in the form and for every column
//! when it is element-wise. This is the only place that decides which cells a rule reads; the
//! resulting table ([`FormInfo::instances`](crate::FormInfo::instances)) is what every other
//! part of baobiao reads.
//!
//! Constants arrive as exact [`Num`]s from the derive; nothing is parsed here.

use std::collections::HashMap;

use crate::check::op::Op;
use crate::check::rule::{
    Body, CheckDecl, Instance, Operand, OperandDecl, RangeDecl, RuleDef, RuleKind, RuleMeta, Side,
    Term, TermDecl,
};
use crate::model::cell::ValueKind;
use crate::model::info::{CellInfo, Placed};
use crate::model::node::StructInfo;
use crate::model::num::Num;

/// The rules of the form placed at `root`, and their instances, in declaration order.
pub(crate) fn expand(root: &Placed<'_>, cells: &[CellInfo]) -> (Vec<RuleDef>, Vec<Instance>) {
    let mut expander = Expander {
        cells,
        rules: Vec::new(),
        instances: Vec::new(),
        by_id: HashMap::new(),
    };
    expander.expand(root);
    (expander.rules, expander.instances)
}

impl Placed<'_> {
    fn child(&self, ident: &str) -> Option<&Self> {
        self.children.iter().find(|c| c.node.field.ident == ident)
    }

    fn is_row(&self) -> bool {
        self.node.as_struct().is_some_and(|s| s.columns)
    }

    /// The child declared `total`, if any: it stands for the whole struct in sums around it.
    fn total_child(&self) -> Option<&Self> {
        self.children.iter().find(|c| c.node.field.total.is_some())
    }

    /// The rows this node contributes to a sum: itself if it is a row; else its `total` row if
    /// it has one (a subtotal stands for its group, so nothing is counted twice); else the
    /// rows of its children.
    fn rows(&self) -> Vec<&Self> {
        if self.is_row() {
            return vec![self];
        }
        if let Some(total) = self.total_child() {
            return total.rows();
        }
        self.children
            .iter()
            .filter(|c| c.start < c.end)
            .flat_map(|c| c.rows())
            .collect()
    }

    /// How the expression text names what this node contributes: `withheld.subtotal` when a
    /// subtotal stands for the group.
    fn summand_path(&self, elementwise: bool) -> String {
        if elementwise && self.is_row() {
            return self.node.field.ident.to_owned();
        }
        match self.total_child() {
            Some(total) if self.node.as_struct().is_some() => {
                format!(
                    "{}.{}",
                    self.node.field.ident,
                    total.summand_path(elementwise)
                )
            }
            _ => self.node.field.ident.to_owned(),
        }
    }

    /// The cells this node contributes to a sum of single cells: as [`Placed::rows`], a struct
    /// with a `total` field contributes that field only.
    fn summands(&self) -> Vec<usize> {
        match self.total_child() {
            Some(total) if self.node.as_struct().is_some() => total.summands(),
            _ if self.children.is_empty() => (self.start..self.end).collect(),
            _ => self.children.iter().flat_map(|c| c.summands()).collect(),
        }
    }
}


struct Expander<'c> {
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

impl Expander<'_> {
    fn expand(&mut self, placed: &Placed<'_>) {
        let Some(info) = placed.node.as_struct() else {
            return;
        };
        for check in &info.checks {
            self.expand_check(placed, info, check);
        }
        for range in &info.ranges {
            let id = format!("{}.range", info.name);
            self.expand_range(placed, info.name, id, range);
        }
        for (i, child) in placed.children.iter().enumerate() {
            if let Some(meta) = &child.node.field.total {
                self.expand_total(placed, info, i, meta);
            }
            for range in &child.node.field.ranges {
                let id = format!("{}.{}.range", info.name, child.node.field.ident);
                self.expand_range(child, info.name, id, range);
            }
        }
        for child in &placed.children {
            self.expand(child);
        }
    }

    fn rule(&mut self, declared: Declared) -> usize {
        if let Some(&index) = self.by_id.get(&declared.id) {
            // One rule may be declared on several structs (the same check on two row types);
            // two different rules may not share an id.
            let existing = &self.rules[index];
            assert!(
                existing.kind == declared.kind && existing.expression == declared.expression,
                "rule id `{}` is declared twice: in `{}` as `{}` and in `{}` as `{}`; give each rule its own id",
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

    fn push(&mut self, rule: usize, at: Vec<&'static str>, at_key: String, body: Body) {
        self.rules[rule].instances.push(self.instances.len());
        self.instances.push(Instance {
            rule,
            at,
            at_key,
            body,
        });
    }

    /// Labels and key of column `c` of `row`, for element-wise instances declared on `owner`.
    fn column_at(
        &self,
        owner: &Placed<'_>,
        row: &Placed<'_>,
        c: usize,
    ) -> (Vec<&'static str>, String) {
        let cell = &self.cells[row.start + c];
        let key = format!("{}#{}", owner.pointer, &cell.pointer[row.pointer.len()..]);
        let mut at = owner.labels.clone();
        at.extend_from_slice(cell.column());
        (at, key)
    }

    fn expand_total(
        &mut self,
        parent: &Placed<'_>,
        info: &StructInfo,
        index: usize,
        meta: &RuleMeta,
    ) {
        let total = &parent.children[index];
        let siblings: Vec<&Placed<'_>> = parent
            .children
            .iter()
            .enumerate()
            .filter(|(i, c)| *i != index && c.start < c.end)
            .map(|(_, c)| c)
            .collect();
        let sibling_labels: Vec<&str> = siblings.iter().map(|s| s.node.display_label()).collect();
        let sibling_idents: Vec<String> = siblings
            .iter()
            .map(|s| s.summand_path(total.is_row()))
            .collect();
        let total_label = total.node.display_label();
        let elementwise = total.is_row();
        let (default_zh, default_en) = if elementwise {
            (
                format!("{total_label}等于{}之和（逐列）", sibling_labels.join("、")),
                format!(
                    "{total_label} equals the sum of {}, column by column",
                    sibling_labels.join(", ")
                ),
            )
        } else {
            (
                format!("{total_label}等于{}之和", sibling_labels.join("、")),
                format!(
                    "{total_label} equals the sum of {}",
                    sibling_labels.join(", ")
                ),
            )
        };
        let rule = self.rule(Declared {
            id: meta.id.map_or_else(
                || format!("{}.{}", info.name, total.node.field.ident),
                str::to_owned,
            ),
            kind: RuleKind::Total,
            meta: meta.clone(),
            default_zh,
            default_en,
            expression: format!(
                "{} == {}",
                total.node.field.ident,
                sibling_idents.join(" + ")
            ),
            declared_in: info.name,
        });
        let cell = |i: usize| Term {
            negative: false,
            operand: Operand::Cell(i),
        };
        if elementwise {
            let rows: Vec<&Placed<'_>> = siblings.iter().flat_map(|s| s.rows()).collect();
            for c in 0..total.end - total.start {
                let (at, at_key) = self.column_at(parent, total, c);
                let body = Body::Compare {
                    lhs: vec![cell(total.start + c)],
                    op: Op::Eq,
                    rhs: rows.iter().map(|r| cell(r.start + c)).collect(),
                    result: Some(Side::Lhs),
                };
                self.push(rule, at, at_key, body);
            }
        } else {
            let body = Body::Compare {
                lhs: (total.start..total.end).map(cell).collect(),
                op: Op::Eq,
                rhs: siblings
                    .iter()
                    .flat_map(|s| s.summands())
                    .map(cell)
                    .collect(),
                result: Some(Side::Lhs),
            };
            self.push(rule, parent.labels.clone(), parent.pointer.clone(), body);
        }
    }

    fn expand_check(&mut self, placed: &Placed<'_>, info: &StructInfo, check: &CheckDecl) {
        let rule = self.rule(Declared {
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
        });
        let operand = |term: &TermDecl| -> Option<&Placed<'_>> {
            match term.operand {
                OperandDecl::Path(path) => Some(path.iter().fold(placed, |at, ident| {
                    at.child(ident).unwrap_or_else(|| {
                        panic!(
                            "`{}`: no field `{ident}` (checked at compile time)",
                            check.expr
                        )
                    })
                })),
                OperandDecl::Literal(_) => None,
            }
        };
        let first_row = check
            .lhs
            .iter()
            .chain(&check.rhs)
            .filter_map(operand)
            .find(|p| p.is_row());
        let width = first_row.map_or(1, |r| r.end - r.start);
        for c in 0..width {
            let terms = |side: &[TermDecl]| -> Vec<Term> {
                side.iter()
                    .map(|t| Term {
                        negative: t.negative,
                        operand: match t.operand {
                            OperandDecl::Literal(value) => Operand::Const(value),
                            OperandDecl::Path(_) => {
                                let p = operand(t).expect("a path operand");
                                Operand::Cell(p.start + if p.is_row() { c } else { 0 })
                            }
                        },
                    })
                    .collect()
            };
            let lhs = terms(&check.lhs);
            let rhs = terms(&check.rhs);
            let single =
                |side: &[Term]| side.len() == 1 && matches!(side[0].operand, Operand::Cell(_));
            let result = if single(&lhs) {
                Some(Side::Lhs)
            } else if single(&rhs) {
                Some(Side::Rhs)
            } else {
                None
            };
            let (at, at_key) = match first_row {
                Some(row) => self.column_at(placed, row, c),
                None => (placed.labels.clone(), placed.pointer.clone()),
            };
            let body = Body::Compare {
                lhs,
                op: check.op,
                rhs,
                result,
            };
            self.push(rule, at, at_key, body);
        }
    }

    fn expand_range(
        &mut self,
        placed: &Placed<'_>,
        declared_in: &'static str,
        default_id: String,
        range: &RangeDecl,
    ) {
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
        let rule = self.rule(Declared {
            id: range.meta.id.map_or(default_id, str::to_owned),
            kind: RuleKind::Range,
            meta: range.meta.clone(),
            default_zh: zh,
            default_en: en,
            expression,
            declared_in,
        });
        let (min, max) = (range.min, range.max);
        for index in placed.start..placed.end {
            let cell = &self.cells[index];
            let by_type = guaranteed_by_type(cell.kind, min, max);
            let body = Body::Range {
                cell: index,
                min,
                max,
                by_type,
            };
            self.push(rule, cell.labels.clone(), cell.pointer.clone(), body);
        }
    }
}

/// True when every value of `kind` lies within the bounds (a count is never negative): such an
/// instance is kept as data, for export, and not evaluated.
fn guaranteed_by_type(kind: ValueKind, min: Option<Num>, max: Option<Num>) -> bool {
    match (kind.type_minimum(), min, max) {
        (Some(floor), Some(min), None) => min <= floor,
        _ => false,
    }
}
