//! Phase one: `#[form(..)]`, `#[serde(..)]` and doc attributes into the model, spans kept.
//!
//! Accepted syntax (see the README's attribute reference):
//! - container: `label = ".."`, `corner = ".."`, `columns`, `check(<expr>, id = "..",
//!   message = "..", message_en = "..", severity = error|warning|info)`, `range(min = ..,
//!   max = .., id = .., ..)`, `crate = "path"`;
//! - field: `label = ".."`, `alias = ".."` (repeatable), `total` or `total(id = .., ..)`,
//!   `unit = ".."`, `unstated_unit = ".."`, `range(..)`, one role of `title` (or
//!   `title(pattern = "..")`), `preamble`, `section`, `meta`, `reporter`, `period`,
//!   `previous(field, id = .., message = .., ..)`, and `skip`.
//!
//! Every problem is recorded in the context and parsing goes on, so one compile shows them all.
//! `keys` takes each key of a struct's or a field's `#[form(..)]`; `rule` the values inside
//! them (a rule's items, numbers, strings).

use proc_macro2::TokenStream;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Token, parenthesized};

mod keys;
mod rule;

pub use rule::{number, rule_items};

use crate::ctxt::Ctxt;
use crate::model::{Container, Field, Sp};
use crate::suggest;
use crate::symbol::*;
use keys::{container_key, field_key};

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
        name: None,
        label: None,
        corner: None,
        columns: None,
        table: None,
        unit_column: None,
        checks: Vec::new(),
        ranges: Vec::new(),
        crate_path: None,
        doc: doc(&input.attrs),
        serde_rename_all: None,
        serde_default: false,
        serde_deny_unknown_fields: false,
        serde_reshapes: Vec::new(),
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
                // `rename_all(serialize = .., deserialize = ..)`: JSON read and written differ.
                "rename_all" | "transparent" | "from" | "try_from" | "into" | "remote" | "tag" => {
                    let reshape = Sp::new(key.clone(), meta.path.span());
                    container.serde_reshapes.push(reshape);
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
        plain: None,
        reporter: None,
        period: None,
        previous: None,
        doc: doc(&field.attrs),
        serde_rename: None,
        serde_default: false,
        serde_present: false,
        serde_skip_none: false,
        serde_reshapes: None,
        serde_unread: false,
        serde_second_name: None,
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
                "rename" | "alias" => {
                    model.serde_second_name = Some(Sp::new(key.clone(), meta.path.span()));
                    Ok(false)
                }
                "default" => {
                    model.serde_default = true;
                    Ok(false)
                }
                // The reading of a cell that may be absent (`model::absent`): the shape stays.
                "deserialize_with" if meta.input.peek(Token![=]) => {
                    let lit: syn::LitStr = meta.value()?.parse()?;
                    let path = lit.value();
                    if matches!(path.as_str(), "baobiao::present" | "::baobiao::present") {
                        model.serde_present = true;
                    } else {
                        model.serde_reshapes = Some(Sp::new(key.clone(), meta.path.span()));
                    }
                    Ok(true)
                }
                "skip_serializing_if" if meta.input.peek(Token![=]) => {
                    let lit: syn::LitStr = meta.value()?.parse()?;
                    model.serde_skip_none = lit.value().replace(' ', "") == "Option::is_none";
                    Ok(true)
                }
                "skip" | "skip_serializing" | "skip_deserializing" | "flatten" | "with"
                | "serialize_with" | "deserialize_with" | "getter" => {
                    model.serde_unread |= key == "skip" || key == "skip_deserializing";
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
pub(super) fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
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

pub(super) fn key_name(meta: &ParseNestedMeta<'_>) -> String {
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

pub(super) fn unknown_key(
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
