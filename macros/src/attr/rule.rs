//! Values inside attributes: a rule's `key = value` items (id, wording, severity, bounds),
//! numbers, strings; each stored once, a duplicate reported at both places.

use proc_macro2::Span;
use syn::Token;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned;

use super::skip_value;
use crate::ctxt::Ctxt;
use crate::model::{Number, RuleMeta, Severity, Sp};
use crate::suggest;
use crate::symbol::*;

pub type Bounds = (Option<Sp<Number>>, Option<Sp<Number>>);

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
        if name == WHEN && input.peek(syn::token::Paren) && valid.contains(&WHEN) {
            let content;
            syn::parenthesized!(content in input);
            let condition: syn::Expr = content.parse()?;
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
            if let Some(when) = crate::expr::when(cx, &condition, key.span()) {
                if meta.when.is_some() {
                    cx.error_spanned_by(&key, "duplicate `when`; a rule has one condition");
                } else {
                    meta.when = Some(when);
                }
            }
            continue;
        }
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
            let example = if name == WHEN {
                "`when(has_new_media)`".to_owned()
            } else {
                format!("`{name} = ..`")
            };
            cx.error_spanned_by(&key, format!("`{name}` needs a value, e.g. {example}"));
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
            DECIMALS => {
                let places = decimal_places(cx, &value);
                set(cx, &mut meta.decimals, places, span, DECIMALS);
            }
            WHEN => cx.error_spanned_by(
                &key,
                "`when` takes a condition in parentheses, e.g. `when(has_new_media)`",
            ),
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

/// `decimals = 2`: how many places the rule's values were published with, 0 to 26 (the
/// tolerance's last place is two further, within a decimal's 28).
fn decimal_places(cx: &Ctxt, value: &syn::Expr) -> Option<Sp<u32>> {
    let places = match value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(int),
            ..
        }) => int.base10_parse::<u32>().ok().filter(|&p| p <= 26),
        _ => None,
    };
    if places.is_none() {
        cx.error_spanned_by(
            value,
            "`decimals` is how many decimal places the values were published with: an integer from 0 to 26, e.g. `decimals = 2`",
        );
    }
    places.map(|p| Sp::new(p, value.span()))
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

pub(super) fn string_value(
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
pub(super) fn set<T>(
    cx: &Ctxt,
    slot: &mut Option<Sp<T>>,
    value: Option<Sp<T>>,
    key_span: Span,
    key: &str,
) {
    let Some(value) = value else { return };
    match slot {
        Some(first) => duplicate(cx, key_span, first.span, key),
        None => *slot = Some(value),
    }
}

pub(super) fn duplicate(cx: &Ctxt, second: Span, first: Span, key: &str) {
    cx.error_at(second, format!("duplicate `{key}`; remove one of them"));
    cx.error_at(first, format!("first `{key}` is here"));
}
