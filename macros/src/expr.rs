//! `check(..)` expressions: Rust syntax over field paths, with `+`, `-` and a comparison.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Token, parenthesized};

use crate::attr::{number, rule_items};
use crate::ctxt::Ctxt;
use crate::model::{Check, Operand, RuleMeta, Sp, Term};
use crate::symbol::RULE_KEYS;

/// Parses `check(<expr>, key = value, ..)`; `None` after a recorded error.
pub fn parse_check(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    span: Span,
) -> syn::Result<Option<Check>> {
    if !meta.input.peek(syn::token::Paren) {
        cx.error_at(
            span,
            "`check` needs an expression, e.g. `check(a + b == total, id = \"T-1\")`",
        );
        return Ok(None);
    }
    let content;
    parenthesized!(content in meta.input);
    let expr: syn::Expr = content.parse()?;
    let mut rule = RuleMeta::default();
    if !content.is_empty() {
        content.parse::<Token![,]>()?;
        rule_items(cx, &content, &mut rule, None, RULE_KEYS)?;
    }
    let Some((lhs, op, rhs)) = comparison(cx, &expr) else {
        return Ok(None);
    };
    Ok(Some(Check {
        span,
        lhs,
        op,
        rhs,
        meta: rule,
    }))
}

type Comparison = (Vec<Term>, Sp<&'static str>, Vec<Term>);

fn comparison(cx: &Ctxt, expr: &syn::Expr) -> Option<Comparison> {
    const EXPECTED: &str =
        "`check` expects a comparison (`==`, `!=`, `<`, `<=`, `>`, `>=`) between sums of fields";
    let syn::Expr::Binary(binary) = expr else {
        cx.error_spanned_by(expr, EXPECTED);
        return None;
    };
    // Passed on as written; the runtime says which comparisons a rule may use.
    let symbol = match binary.op {
        syn::BinOp::Eq(_) => "==",
        syn::BinOp::Ne(_) => "!=",
        syn::BinOp::Lt(_) => "<",
        syn::BinOp::Le(_) => "<=",
        syn::BinOp::Gt(_) => ">",
        syn::BinOp::Ge(_) => ">=",
        _ => {
            cx.error_spanned_by(binary.op, EXPECTED);
            return None;
        }
    };
    let op = Sp::new(symbol, syn::spanned::Spanned::span(&binary.op));
    let mut lhs = Vec::new();
    let mut rhs = Vec::new();
    let ok_left = side(cx, &binary.left, false, &mut lhs);
    let ok_right = side(cx, &binary.right, false, &mut rhs);
    (ok_left && ok_right).then_some((lhs, op, rhs))
}

/// Flattens one side into signed terms; false after a recorded error.
fn side(cx: &Ctxt, expr: &syn::Expr, negative: bool, out: &mut Vec<Term>) -> bool {
    match expr {
        syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::Add(_)) => {
            side(cx, &b.left, negative, out) & side(cx, &b.right, negative, out)
        }
        syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::Sub(_)) => {
            side(cx, &b.left, negative, out) & side(cx, &b.right, !negative, out)
        }
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => {
            if let syn::Expr::Lit(_) = &*u.expr {
                return literal(cx, expr, negative, out);
            }
            side(cx, &u.expr, !negative, out)
        }
        syn::Expr::Paren(p) => side(cx, &p.expr, negative, out),
        syn::Expr::Lit(_) => literal(cx, expr, negative, out),
        syn::Expr::Path(_) | syn::Expr::Field(_) => match path(expr) {
            Some(idents) => {
                out.push(Term {
                    negative,
                    operand: Operand::Path(idents),
                });
                true
            }
            None => {
                cx.error_spanned_by(
                    expr,
                    "expected a field path such as `outcomes.total` (field names of this struct, joined by `.`)",
                );
                false
            }
        },
        _ => {
            cx.error_spanned_by(
                expr,
                "`check` supports field paths, numbers, `+`, `-` and parentheses",
            );
            false
        }
    }
}

fn literal(cx: &Ctxt, expr: &syn::Expr, negative: bool, out: &mut Vec<Term>) -> bool {
    match number(cx, expr) {
        Some(n) => {
            out.push(Term {
                negative,
                operand: Operand::Literal(n),
            });
            true
        }
        None => false,
    }
}

/// `a.b.c` as idents; `None` for anything else (`self.a`, `a.0`, `a::b`).
fn path(expr: &syn::Expr) -> Option<Vec<syn::Ident>> {
    match expr {
        syn::Expr::Path(p) if p.qself.is_none() => {
            let ident = p.path.get_ident()?;
            (ident != "self").then(|| vec![ident.clone()])
        }
        syn::Expr::Field(f) => {
            let mut idents = path(&f.base)?;
            match &f.member {
                syn::Member::Named(ident) => idents.push(ident.clone()),
                syn::Member::Unnamed(_) => return None,
            }
            Some(idents)
        }
        _ => None,
    }
}
