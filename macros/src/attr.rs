//! Phase one: `#[form(..)]`, `#[serde(..)]` and doc attributes into the model, spans kept.
//!
//! Accepted syntax (see the README's attribute reference):
//! - container: `label = ".."`, `corner = ".."`, `columns`, `check(<expr>, id = "..",
//!   message = "..", message_en = "..", severity = error|warning|info)`, `range(min = ..,
//!   max = .., id = .., ..)`, `crate = "path"`;
//! - field: `label = ".."`, `alias = ".."` (repeatable), `total` or `total(id = .., ..)`,
//!   `unit = ".."`, `unstated_unit = ".."`, `range(..)`, one role of `title` (or
//!   `title(pattern = "..")`), `preamble`, `section`, `meta`, and `skip`.
//!
//! Every problem is recorded in the context and parsing goes on, so one compile shows them all.

use proc_macro2::{Span, TokenStream};
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Token, parenthesized};

use crate::ctxt::Ctxt;
use crate::model::{Container, Field, Number, Range, Role, RuleMeta, Severity, Sp, Total};
use crate::suggest;
use crate::symbol::*;

/// Parses the struct; `None` when it is not a struct with named fields.
pub fn container<'a>(cx: &Ctxt, input: &'a syn::DeriveInput) -> Option<Container<'a>> {
    let fields = match &input.data {
        syn::Data::Struct(syn::DataStruct {
            fields: syn::Fields::Named(named),
            ..
        }) => &named.named,
        syn::Data::Struct(data) => {
            cx.error_spanned_by(
                &data.fields,
                "`#[derive(Form)]` needs named fields: a form's cells are found by name",
            );
            return None;
        }
        syn::Data::Enum(data) => {
            cx.error_at(
                data.enum_token.span,
                "`#[derive(Form)]` works on structs, not enums",
            );
            return None;
        }
        syn::Data::Union(data) => {
            cx.error_at(
                data.union_token.span,
                "`#[derive(Form)]` works on structs, not unions",
            );
            return None;
        }
    };
    let mut container = Container {
        ident: &input.ident,
        label: None,
        corner: None,
        columns: None,
        checks: Vec::new(),
        ranges: Vec::new(),
        crate_path: None,
        doc: doc(&input.attrs),
        serde_rename_all: None,
        serde_default: false,
        serde_deny_unknown_fields: false,
        fields: Vec::new(),
    };
    for attr in &input.attrs {
        if attr.path().is_ident(FORM) {
            parse_form_attr(cx, attr, |meta| container_key(cx, &mut container, meta));
        } else if attr.path().is_ident(SERDE) {
            parse_serde(attr, |key, meta| match key.as_str() {
                "rename_all" if meta.input.peek(Token![=]) => {
                    let lit: syn::LitStr = meta.value()?.parse()?;
                    container.serde_rename_all = Some(Sp::new(lit.value(), lit.span()));
                    Ok(true)
                }
                "default" => {
                    container.serde_default = true;
                    Ok(false)
                }
                "deny_unknown_fields" => {
                    container.serde_deny_unknown_fields = true;
                    Ok(false)
                }
                _ => Ok(false),
            });
        }
    }
    if let Some(rule) = &container.serde_rename_all
        && apply_rename_all(&rule.value, "a").is_none()
    {
        cx.error_at(
            rule.span,
            format!("unknown serde `rename_all` rule {:?}", rule.value),
        );
    }
    container.fields = fields.iter().map(|f| field(cx, f)).collect();
    Some(container)
}

fn field<'a>(cx: &Ctxt, field: &'a syn::Field) -> Field<'a> {
    let mut model = Field {
        ident: field.ident.as_ref().expect("named field"),
        ty: &field.ty,
        label: None,
        aliases: Vec::new(),
        total: None,
        unit: None,
        unit_unstated: false,
        ranges: Vec::new(),
        role: None,
        skip: None,
        doc: doc(&field.attrs),
        serde_rename: None,
        serde_default: false,
        serde_reshapes: None,
    };
    for attr in &field.attrs {
        if attr.path().is_ident(FORM) {
            parse_form_attr(cx, attr, |meta| field_key(cx, &mut model, meta));
        } else if attr.path().is_ident(SERDE) {
            parse_serde(attr, |key, meta| match key.as_str() {
                "rename" if meta.input.peek(Token![=]) => {
                    let lit: syn::LitStr = meta.value()?.parse()?;
                    model.serde_rename = Some(Sp::new(lit.value(), lit.span()));
                    Ok(true)
                }
                "default" => {
                    model.serde_default = true;
                    Ok(false)
                }
                "skip" | "skip_serializing" | "skip_deserializing" | "flatten" => {
                    model.serde_reshapes = Some(Sp::new(key.clone(), meta.path.span()));
                    Ok(false)
                }
                _ => Ok(false),
            });
        }
    }
    model
}

/// Runs `each` over the keys of one `#[form(..)]`; a syntax error is recorded, not fatal.
fn parse_form_attr(
    cx: &Ctxt,
    attr: &syn::Attribute,
    mut each: impl FnMut(&ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    if let syn::Meta::Path(path) = &attr.meta {
        cx.error_spanned_by(path, "`#[form]` needs keys, e.g. `#[form(label = \"..\")]`");
        return;
    }
    if let Err(err) = attr.parse_nested_meta(|meta| each(&meta)) {
        cx.syn_error(err);
    }
}

/// Runs `each` over the keys of one `#[serde(..)]`; keys `each` does not take are skipped.
/// serde checks its own attribute, so nothing here is reported.
fn parse_serde(
    attr: &syn::Attribute,
    mut each: impl FnMut(String, &ParseNestedMeta<'_>) -> syn::Result<bool>,
) {
    let _ = attr.parse_nested_meta(|meta| {
        let key = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        if !each(key, &meta)? {
            skip_value(&meta)?;
        }
        Ok(())
    });
}

/// Consumes `= value` or `(..)` after a key that was not understood.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.input.parse::<Token![=]>()?;
        meta.input.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        parenthesized!(content in meta.input);
        content.parse::<TokenStream>()?;
    }
    Ok(())
}

fn key_name(meta: &ParseNestedMeta<'_>) -> String {
    meta.path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_else(|| {
            let segments: Vec<String> = meta
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            segments.join("::")
        })
}

fn unknown_key(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    key: &str,
    valid: &[&str],
    place: &str,
) -> syn::Result<()> {
    cx.error_spanned_by(
        &meta.path,
        format!(
            "unknown {place} attribute `{key}`; {}",
            suggest::hint(key, valid)
        ),
    );
    skip_value(meta)
}

fn container_key(cx: &Ctxt, c: &mut Container<'_>, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    let key = key_name(meta);
    let span = meta.path.span();
    match key.as_str() {
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

fn field_key(cx: &Ctxt, f: &mut Field<'_>, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
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
        // title | title(pattern = "{agency}{year}年{}年度报告")
        TITLE => {
            let mut pattern = None;
            if meta.input.peek(syn::token::Paren) {
                meta.parse_nested_meta(|inner| {
                    if inner.path.is_ident(PATTERN) {
                        pattern = string_value(cx, &inner, PATTERN)?;
                        Ok(())
                    } else {
                        let key = key_name(&inner);
                        unknown_key(cx, &inner, &key, &[PATTERN], "title")
                    }
                })?;
            }
            role(cx, f, Role::Title(pattern), span);
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

type Bounds = (Option<Sp<Number>>, Option<Sp<Number>>);

/// `key = value, ..` inside a rule's parentheses.
pub fn rule_items(
    cx: &Ctxt,
    input: ParseStream<'_>,
    meta: &mut RuleMeta,
    mut bounds: Option<&mut Bounds>,
    valid: &[&str],
) -> syn::Result<()> {
    while !input.is_empty() {
        let key: syn::Ident = syn::ext::IdentExt::parse_any(input)?;
        let name = key.to_string();
        let value: Option<syn::Expr> = if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            Some(input.parse()?)
        } else {
            None
        };
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
        if !valid.contains(&name.as_str()) {
            cx.error_spanned_by(
                &key,
                format!(
                    "unknown rule attribute `{name}`; {}",
                    suggest::hint(&name, valid)
                ),
            );
            continue;
        }
        let Some(value) = value else {
            cx.error_spanned_by(&key, format!("`{name}` needs a value, e.g. `{name} = ..`"));
            continue;
        };
        let span = key.span();
        match name.as_str() {
            ID => set(cx, &mut meta.id, expr_string(cx, &value, ID), span, ID),
            MESSAGE => set(
                cx,
                &mut meta.message,
                expr_string(cx, &value, MESSAGE),
                span,
                MESSAGE,
            ),
            MESSAGE_EN => set(
                cx,
                &mut meta.message_en,
                expr_string(cx, &value, MESSAGE_EN),
                span,
                MESSAGE_EN,
            ),
            SEVERITY => {
                let severity = severity(cx, &value);
                set(cx, &mut meta.severity, severity, span, SEVERITY);
            }
            MIN | MAX => {
                let number = number(cx, &value);
                if let Some(bounds) = bounds.as_deref_mut() {
                    let slot = if name == MIN {
                        &mut bounds.0
                    } else {
                        &mut bounds.1
                    };
                    set(cx, slot, number, span, &name);
                }
            }
            _ => unreachable!("every valid key is handled"),
        }
    }
    Ok(())
}

fn severity(cx: &Ctxt, value: &syn::Expr) -> Option<Sp<Severity>> {
    let name = match value {
        syn::Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
        _ => None,
    };
    let severity = match name.as_deref() {
        Some("error") => Severity::Error,
        Some("warning") => Severity::Warning,
        Some("info") => Severity::Info,
        Some(other) => {
            cx.error_spanned_by(
                value,
                format!(
                    "unknown severity `{other}`; {}",
                    suggest::hint(other, SEVERITIES)
                ),
            );
            return None;
        }
        None => {
            cx.error_spanned_by(value, "`severity` is one of `error`, `warning`, `info`");
            return None;
        }
    };
    Some(Sp::new(severity, value.span()))
}

/// A numeric literal, optionally negative.
pub fn number(cx: &Ctxt, value: &syn::Expr) -> Option<Sp<Number>> {
    let (negative, lit) = match value {
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => (true, &**expr),
        other => (false, other),
    };
    let digits = match lit {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) if i.suffix().is_empty() => i.base10_digits().to_owned(),
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Float(f),
            ..
        }) if f.suffix().is_empty() => f.base10_digits().to_owned(),
        _ => {
            cx.error_spanned_by(value, "expected a number such as `0`, `-8` or `1.5`");
            return None;
        }
    };
    let text = if negative {
        format!("-{digits}")
    } else {
        digits
    };
    let parsed: f64 = text.parse().ok()?;
    Some(Sp::new(
        Number {
            text,
            value: parsed,
        },
        value.span(),
    ))
}

fn string_value(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    key: &str,
) -> syn::Result<Option<Sp<String>>> {
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(
            &meta.path,
            format!("`{key}` needs a value, e.g. `{key} = \"..\"`"),
        );
        skip_value(meta)?;
        return Ok(None);
    }
    let value: syn::Expr = meta.value()?.parse()?;
    Ok(expr_string(cx, &value, key))
}

fn expr_string(cx: &Ctxt, value: &syn::Expr, key: &str) -> Option<Sp<String>> {
    match value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(Sp::new(s.value(), s.span())),
        other => {
            cx.error_spanned_by(
                other,
                format!("`{key}` expects a string literal, e.g. `{key} = \"..\"`"),
            );
            None
        }
    }
}

/// Stores a value, or reports the duplicate at the second key with a note at the first.
fn set<T>(cx: &Ctxt, slot: &mut Option<Sp<T>>, value: Option<Sp<T>>, key_span: Span, key: &str) {
    let Some(value) = value else { return };
    match slot {
        Some(first) => duplicate(cx, key_span, first.span, key),
        None => *slot = Some(value),
    }
}

fn duplicate(cx: &Ctxt, second: Span, first: Span, key: &str) {
    cx.error_at(second, format!("duplicate `{key}`; remove one of them"));
    cx.error_at(first, format!("first `{key}` is here"));
}

fn doc(attrs: &[syn::Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value:
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(s),
                        ..
                    }),
                ..
            }) => Some(s.value().trim().to_owned()),
            _ => None,
        })
        .collect();
    let text = lines.join("\n").trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// serde's `rename_all` rules; `None` for an unknown rule.
pub fn apply_rename_all(rule: &str, ident: &str) -> Option<String> {
    let words: Vec<&str> = ident.split('_').filter(|w| !w.is_empty()).collect();
    let capitalise = |w: &str| {
        let mut chars = w.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default()
    };
    Some(match rule {
        "lowercase" => ident.to_lowercase(),
        "UPPERCASE" => ident.to_uppercase(),
        "PascalCase" => words.iter().map(|w| capitalise(w)).collect(),
        "camelCase" => {
            let pascal: String = words.iter().map(|w| capitalise(w)).collect();
            let mut chars = pascal.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().collect::<String>() + chars.as_str())
                .unwrap_or_default()
        }
        "snake_case" => ident.to_owned(),
        "SCREAMING_SNAKE_CASE" => ident.to_uppercase(),
        "kebab-case" => ident.replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => ident.to_uppercase().replace('_', "-"),
        _ => return None,
    })
}
