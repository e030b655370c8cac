//! The keys of `#[form(..)]` on a struct and on a field, each into the model.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::parenthesized;
use syn::spanned::Spanned;

use super::rule::{duplicate, rule_items, set, string_value};
use super::{key_name, unknown_key};
use crate::ctxt::Ctxt;
use crate::model::{Container, Field, Previous, Range, Role, RuleMeta, Sp, Total};
use crate::symbol::*;

pub(super) fn container_key(
    cx: &Ctxt,
    c: &mut Container<'_>,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<()> {
    let key = key_name(meta);
    let span = meta.path.span();
    match key.as_str() {
        // name = "website"
        NAME => {
            let name = string_value(cx, meta, NAME)?;
            if let Some(name) = &name {
                check_form_name(cx, name);
            }
            set(cx, &mut c.name, name, span, NAME)
        }
        // label = "申请人情况"
        LABEL => set(
            cx,
            &mut c.label,
            string_value(cx, meta, LABEL)?,
            span,
            LABEL,
        ),
        // corner = "（本列数据的勾稽关系为：…）"
        CORNER => set(
            cx,
            &mut c.corner,
            string_value(cx, meta, CORNER)?,
            span,
            CORNER,
        ),
        // columns
        COLUMNS => {
            if let Some(first) = c.columns {
                duplicate(cx, span, first, COLUMNS);
            }
            c.columns = Some(span);
        }
        // table: the form is one table
        TABLE => {
            if let Some(first) = c.table {
                duplicate(cx, span, first, TABLE);
            }
            c.table = Some(span);
        }
        // unit_column: label–value blocks draw units in a column of their own
        UNIT_COLUMN => {
            if let Some(first) = c.unit_column {
                duplicate(cx, span, first, UNIT_COLUMN);
            }
            c.unit_column = Some(span);
        }
        // check(a + b == c, id = "..", message = "..", severity = error)
        CHECK => {
            if let Some(check) = crate::expr::parse_check(cx, meta, span)? {
                c.checks.push(check);
            }
        }
        // range(min = 0, max = 100, id = "..")
        RANGE => c.ranges.push(range(cx, meta, span)?),
        // crate = "::baobiao"
        CRATE => {
            if let Some(lit) = string_value(cx, meta, CRATE)? {
                match syn::parse_str::<syn::Path>(&lit.value) {
                    Ok(path) if c.crate_path.is_none() => c.crate_path = Some(path),
                    Ok(_) => cx.error_at(span, "duplicate `crate`"),
                    Err(_) => cx.error_at(
                        lit.span,
                        "`crate` expects a path, e.g. `crate = \"::baobiao\"`",
                    ),
                }
            }
        }
        _ => unknown_key(cx, meta, &key, CONTAINER_KEYS, "container")?,
    }
    Ok(())
}

/// A form's name is typed on command lines: lowercase letters, digits and `-`.
fn check_form_name(cx: &Ctxt, name: &Sp<String>) {
    let typable = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if name.value.is_empty() || !name.value.chars().all(typable) {
        cx.error_at(
            name.span,
            "a form's `name` is what users type to choose it: lowercase ASCII letters, digits and `-` (e.g. `name = \"website-2026\"`)",
        );
    }
}

pub(super) fn field_key(
    cx: &Ctxt,
    f: &mut Field<'_>,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<()> {
    let key = key_name(meta);
    let span = meta.path.span();
    match key.as_str() {
        // label = "自然人"
        LABEL => set(
            cx,
            &mut f.label,
            string_value(cx, meta, LABEL)?,
            span,
            LABEL,
        ),
        // alias = "结转下一年度继续办理" (repeatable)
        ALIAS => f.aliases.extend(string_value(cx, meta, ALIAS)?),
        // unit = "万元"
        UNIT => set(cx, &mut f.unit, string_value(cx, meta, UNIT)?, span, UNIT),
        // unstated_unit = "元": the template states none; read values are normalised to this
        // one and must carry theirs. One unit per field, stated or not.
        UNSTATED_UNIT => {
            let had = f.unit.is_some();
            set(
                cx,
                &mut f.unit,
                string_value(cx, meta, UNSTATED_UNIT)?,
                span,
                UNIT,
            );
            f.unit_unstated |= !had;
        }
        // total | total(id = "..", message = "..", severity = ..)
        TOTAL => {
            let mut rule = RuleMeta::default();
            if meta.input.peek(syn::token::Paren) {
                let content;
                parenthesized!(content in meta.input);
                rule_items(cx, &content, &mut rule, None, RULE_KEYS)?;
            }
            if let Some(first) = &f.total {
                duplicate(cx, span, first.span, TOTAL);
            } else {
                f.total = Some(Total { span, meta: rule });
            }
        }
        // range(min = 0, max = 100, id = "..")
        RANGE => f.ranges.push(range(cx, meta, span)?),
        // title | title(pattern = "{agency}{year}年{}年度报告", pattern = "{year}年{agency}{}")
        TITLE => {
            let mut patterns = Vec::new();
            if meta.input.peek(syn::token::Paren) {
                meta.parse_nested_meta(|inner| {
                    if inner.path.is_ident(PATTERN) {
                        // Repeatable: titles are written more than one way.
                        patterns.extend(string_value(cx, &inner, PATTERN)?);
                        Ok(())
                    } else {
                        let key = key_name(&inner);
                        unknown_key(cx, &inner, &key, &[PATTERN], "title")
                    }
                })?;
            }
            role(cx, f, Role::Title(patterns), span);
        }
        // plain: a choice written as its label, not as check boxes
        PLAIN => {
            if let Some(first) = f.plain {
                duplicate(cx, span, first, PLAIN);
            }
            f.plain = Some(span);
        }
        // reporter: who reports; period: the period reported on
        REPORTER => flag(cx, &mut f.reporter, span, REPORTER),
        PERIOD => flag(cx, &mut f.period, span, PERIOD),
        // previous(carried_forward, id = "T3-CARRY", message = "..")
        PREVIOUS => {
            let content;
            parenthesized!(content in meta.input);
            let counterpart: syn::Ident = content.parse()?;
            if !content.is_empty() {
                content.parse::<syn::Token![,]>()?;
            }
            let mut rule = RuleMeta::default();
            rule_items(cx, &content, &mut rule, None, PREVIOUS_KEYS)?;
            if let Some(first) = &f.previous {
                duplicate(cx, span, first.span, PREVIOUS);
            } else {
                f.previous = Some(Previous {
                    span,
                    counterpart,
                    meta: rule,
                });
            }
        }
        // preamble
        PREAMBLE => role(cx, f, Role::Preamble, span),
        // section
        SECTION => role(cx, f, Role::Section, span),
        // meta
        META => role(cx, f, Role::Meta, span),
        // skip
        SKIP => {
            if let Some(first) = f.skip {
                duplicate(cx, span, first, SKIP);
            }
            f.skip = Some(span);
        }
        _ => unknown_key(cx, meta, &key, FIELD_KEYS, "field")?,
    }
    Ok(())
}

/// A key that is there or not: a second is an error at it.
fn flag(cx: &Ctxt, slot: &mut Option<Span>, span: Span, key: &str) {
    match slot {
        Some(first) => duplicate(cx, span, *first, key),
        None => *slot = Some(span),
    }
}

/// One role per field: a second is an error at it, with a note at the first.
fn role(cx: &Ctxt, f: &mut Field<'_>, role: Role, span: Span) {
    match &f.role {
        Some(first) => {
            cx.error_at(
                span,
                format!(
                    "a field has one role; this one is already `{}`",
                    first.value.name()
                ),
            );
            cx.error_at(first.span, "first role here");
        }
        None => f.role = Some(Sp::new(role, span)),
    }
}

fn range(cx: &Ctxt, meta: &ParseNestedMeta<'_>, span: Span) -> syn::Result<Range> {
    let mut range = Range {
        span,
        min: None,
        max: None,
        meta: RuleMeta::default(),
    };
    if meta.input.peek(syn::token::Paren) {
        let content;
        parenthesized!(content in meta.input);
        let mut bounds = (None, None);
        rule_items(cx, &content, &mut range.meta, Some(&mut bounds), RANGE_KEYS)?;
        (range.min, range.max) = bounds;
    }
    if range.min.is_none() && range.max.is_none() {
        cx.error_at(
            span,
            "`range` needs `min`, `max` or both, e.g. `range(min = 0)`",
        );
    }
    Ok(range)
}
