//! Phase two: semantic rules over the parsed model, every violation recorded with its span.
//!
//! What needs the types of fields (can a `total` be summed from its siblings, do the operands of
//! a `check` line up) is not decidable here; `emit` turns those into `const` assertions that
//! the compiler evaluates, spanned at the attribute.

use std::collections::HashMap;

use crate::ctxt::Ctxt;
use crate::model::{Container, Field, Operand, Range, Role, Sp};
use crate::suggest;

pub fn container(cx: &Ctxt, input: &syn::DeriveInput, c: &Container<'_>) {
    if !input.generics.params.is_empty() {
        cx.error_spanned_by(
            &input.generics,
            "`#[derive(Form)]` does not support generic structs: a form's cells and rules are fixed",
        );
    }
    labels(cx, c);
    serde_shape(cx, c);
    fields(cx, c);
    roles(cx, c);
    identity(cx, c);
    previous(cx, c);
    checks(cx, c);
    conditions(cx, c);
    rule_ids(cx, c);
    literals(cx, c);
    for range in c
        .ranges
        .iter()
        .chain(c.fields.iter().flat_map(|f| &f.ranges))
    {
        bounds(cx, range);
    }
}

fn labels(cx: &Ctxt, c: &Container<'_>) {
    let labels = c.label.iter().chain(&c.corner).chain(
        c.fields
            .iter()
            .flat_map(|f| f.label.iter().chain(&f.aliases).chain(&f.unit)),
    );
    for label in labels {
        if label.value.trim().is_empty() {
            cx.error_at(label.span, "this text must not be empty");
        }
    }
}

/// serde attributes that would make the JSON differ from what the struct declares, and so from
/// the schema and the rules' pointers.
fn serde_shape(cx: &Ctxt, c: &Container<'_>) {
    for reshape in &c.serde_reshapes {
        if reshape.value == "rename_all" {
            cx.error_at(
                reshape.span,
                "`#[serde(rename_all(..))]` with names for reading and writing apart makes the JSON read differ from the JSON written; the schema and rule pointers have one name per field: use `rename_all = \"..\"`",
            );
            continue;
        }
        cx.error_at(
            reshape.span,
            format!(
                "`#[serde({})]` makes this struct something other than the JSON object of its fields, which the form's schema and rule pointers describe; remove it (a form's parts are objects)",
                reshape.value
            ),
        );
    }
    for field in &c.fields {
        if let Some(second) = &field.serde_second_name {
            cx.error_at(
                second.span,
                format!(
                    "`#[serde({})]` gives this field a second name the form's schema does not know; keep one name (`#[serde(rename = \"..\")]`), and give readers other labels with `#[form(alias = \"..\")]`",
                    second.value
                ),
            );
        }
        if let (Some(skip), false) = (field.skip, field.serde_unread) {
            cx.error_at(
                skip,
                "`#[form(skip)]` leaves this field out of the form and its schema, but serde still reads it; add `#[serde(skip)]` (with a `Default` type) so the JSON and the schema agree",
            );
        }
    }
}

fn fields(cx: &Ctxt, c: &Container<'_>) {
    let mut first_total: Option<&syn::Ident> = None;
    for field in &c.fields {
        if let Some(skip) = field.skip {
            let conflicts = [
                field.total.as_ref().map(|t| ("total", t.span)),
                field.ranges.first().map(|r| ("range", r.span)),
                field.unit.as_ref().map(|u| ("unit", u.span)),
                field.role.as_ref().map(|r| (r.value.name(), r.span)),
            ];
            for (key, span) in conflicts.into_iter().flatten() {
                cx.error_at(
                    span,
                    format!("`{key}` on a `#[form(skip)]` field has no effect; remove one of them"),
                );
                cx.error_at(skip, "`skip` is here");
            }
        } else if let Some(reshape) = &field.serde_reshapes {
            cx.error_at(
                reshape.span,
                format!(
                    "`#[serde({})]` changes where this field sits in JSON; mark it `#[form(skip)]` too",
                    reshape.value
                ),
            );
        }
        if let (Some(total), None) = (&field.total, field.skip) {
            match first_total {
                Some(first) => {
                    cx.error_at(
                        total.span,
                        format!("only one field of a struct can be `total`; `{first}` already is"),
                    );
                }
                None => first_total = Some(field.ident),
            }
            if c.fields.iter().filter(|f| f.skip.is_none()).count() < 2 {
                cx.error_at(total.span, "`total` needs sibling fields to sum");
            }
        }
    }
}

/// One title and one preamble per struct; a title's pattern names fields of the struct.
fn roles(cx: &Ctxt, c: &Container<'_>) {
    let mut firsts: HashMap<&'static str, proc_macro2::Span> = HashMap::new();
    for field in c.fields.iter().filter(|f| f.skip.is_none()) {
        let Some(role) = &field.role else {
            continue;
        };
        if let Role::Title(_) | Role::Preamble = role.value {
            let name = role.value.name();
            if let Some(first) = firsts.insert(name, role.span) {
                cx.error_at(
                    role.span,
                    format!("only one field of a struct can be `{name}`"),
                );
                cx.error_at(first, "the first one is here");
            }
        }
        if let Role::Title(patterns) = &role.value {
            for pattern in patterns {
                title_pattern(cx, c, field, pattern);
            }
        }
    }
}

/// One `reporter` and one `period` per struct.
fn identity(cx: &Ctxt, c: &Container<'_>) {
    let fields = || c.fields.iter().filter(|f| f.skip.is_none());
    for (name, spans) in [
        (
            "reporter",
            fields().filter_map(|f| f.reporter).collect::<Vec<_>>(),
        ),
        ("period", fields().filter_map(|f| f.period).collect()),
    ] {
        for &second in spans.iter().skip(1) {
            cx.error_at(
                second,
                format!("only one field of a struct can be `{name}`"),
            );
            cx.error_at(spans[0], "the first one is here");
        }
    }
}

/// `previous(field)` names another field of the same struct (its type is checked by the
/// compiler: `emit` asserts the two fields have one type).
fn previous(cx: &Ctxt, c: &Container<'_>) {
    let names: Vec<String> = c
        .fields
        .iter()
        .filter(|f| f.skip.is_none())
        .map(|f| f.ident.to_string())
        .collect();
    for field in c.fields.iter().filter(|f| f.skip.is_none()) {
        let Some(previous) = &field.previous else {
            continue;
        };
        let name = previous.counterpart.to_string();
        if !names.contains(&name) {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            cx.error_spanned_by(
                &previous.counterpart,
                format!(
                    "`previous` names a field of this struct, and there is no `{name}`; {}",
                    suggest::hint(&name, &names)
                ),
            );
        }
    }
}

/// `{field}` names another field (its value is read from the title), `{}` is any text, `{{`
/// and `}}` are braces.
fn title_pattern(cx: &Ctxt, c: &Container<'_>, title: &Field<'_>, pattern: &Sp<String>) {
    let names: Vec<String> = c
        .fields
        .iter()
        .filter(|f| f.skip.is_none() && f.ident != title.ident)
        .map(|f| f.ident.to_string())
        .collect();
    let mut rest = pattern.value.as_str();
    while let Some(open) = rest.find(['{', '}']) {
        let (brace, after) = (&rest[open..=open], &rest[open + 1..]);
        if after.starts_with(brace) {
            rest = &after[1..];
            continue;
        }
        if brace == "}" {
            cx.error_at(
                pattern.span,
                "unmatched `}` in the title pattern; write `}}` for a brace",
            );
            return;
        }
        let Some(close) = after.find('}') else {
            cx.error_at(pattern.span, "unclosed `{` in the title pattern");
            return;
        };
        let name = &after[..close];
        if !name.is_empty() && !names.iter().any(|n| n == name) {
            let hint = suggest::hint(name, &names.iter().map(String::as_str).collect::<Vec<_>>());
            cx.error_at(
                pattern.span,
                format!(
                    "the title pattern names no field `{name}` of `{}`; {hint}",
                    c.ident
                ),
            );
        }
        rest = &after[close + 1..];
    }
}

fn checks(cx: &Ctxt, c: &Container<'_>) {
    let names: Vec<String> = c
        .fields
        .iter()
        .filter(|f| f.skip.is_none())
        .map(|f| f.ident.to_string())
        .collect();
    for check in &c.checks {
        if check.meta.id.is_none() {
            cx.error_at(
                check.span,
                "`check` needs a stable `id`, e.g. `check(a == b, id = \"T3-IDENT\")`",
            );
        }
        for term in check.terms() {
            let Some(path) = term.operand.path() else {
                continue;
            };
            let first = &path[0];
            let name = first.to_string();
            if names.contains(&name) {
                continue;
            }
            if c.fields.iter().any(|f| *f.ident == name) {
                cx.error_spanned_by(
                    first,
                    format!("field `{name}` is `#[form(skip)]`; a check cannot read it"),
                );
            } else {
                let hint =
                    suggest::hint(&name, &names.iter().map(String::as_str).collect::<Vec<_>>());
                cx.error_spanned_by(first, format!("no field `{name}` in `{}`; {hint}", c.ident));
            }
        }
    }
}

/// A `when(..)` names a field of the declaring struct (its type is checked by the generated
/// code: a yes/no or choice field).
fn conditions(cx: &Ctxt, c: &Container<'_>) {
    let owned: Vec<String> = c
        .fields
        .iter()
        .filter(|f| f.skip.is_none())
        .map(|f| f.ident.to_string())
        .collect();
    let names: Vec<&str> = owned.iter().map(String::as_str).collect();
    let metas = c.rule_metas();
    for when in metas.filter_map(|m| m.when.as_ref()) {
        let first = &when.path[0];
        let name = first.to_string();
        if !names.contains(&name.as_str()) {
            let hint = suggest::hint(&name, &names);
            cx.error_spanned_by(
                first,
                format!("`when` names no field `{name}` of `{}`; {hint}", c.ident),
            );
        }
    }
}

fn rule_ids(cx: &Ctxt, c: &Container<'_>) {
    let mut seen: HashMap<String, &Sp<String>> = HashMap::new();
    let declared = c.declared_ids();
    let ids = declared.iter().map(|(id, _)| *id);
    for id in ids {
        if let Some(first) = seen.get(&id.value) {
            cx.error_at(
                id.span,
                format!("rule id `{}` is used twice; ids must be unique", id.value),
            );
            cx.error_at(first.span, "first used here");
        } else {
            seen.insert(id.value.clone(), id);
        }
    }
}

fn literals(cx: &Ctxt, c: &Container<'_>) {
    let numbers = c
        .checks
        .iter()
        .flat_map(|ch| ch.terms())
        .filter_map(|t| match &t.operand {
            Operand::Literal(n) => Some(n),
            Operand::Path(_) | Operand::Rows { .. } => None,
        })
        .chain(
            c.ranges
                .iter()
                .chain(c.fields.iter().flat_map(|f| &f.ranges))
                .flat_map(|r| r.min.iter().chain(&r.max)),
        );
    for number in numbers {
        if number.value.mantissa_scale().is_none() {
            cx.error_at(
                number.span,
                format!(
                    "`{}` cannot be held exactly (at most 28 decimal places and 38 digits)",
                    number.value.text
                ),
            );
        }
    }
}

fn bounds(cx: &Ctxt, range: &Range) {
    if let (Some(min), Some(max)) = (&range.min, &range.max)
        && min.value.value > max.value.value
    {
        cx.error_at(
            max.span,
            format!(
                "`max = {}` is below `min = {}`; no value could satisfy this range",
                max.value.text, min.value.text
            ),
        );
    }
}
