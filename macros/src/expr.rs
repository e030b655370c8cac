//! `check(..)` expressions: Rust syntax over field paths, with `+`, `-`, multiplication by a
//! constant and a comparison.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Token, parenthesized};

use crate::attr::{number, rule_items};
use crate::ctxt::Ctxt;
use crate::model::{Check, Each, Operand, RuleMeta, Sp, Term, When, WhenValue};
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
    let Some((lhs, op, rhs, each)) = comparison(cx, &expr) else {
        return Ok(None);
    };
    Ok(Some(Check {
        span,
        lhs,
        op,
        rhs,
        each,
        meta: rule,
    }))
}

type Comparison = (Vec<Term>, Sp<&'static str>, Vec<Term>, Option<Each>);

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
    let (left, right) = (each(cx, &binary.left), each(cx, &binary.right));
    if let (Some(_), Some(_)) = (&left, &right) {
        cx.error_spanned_by(
            expr,
            "`each(..)` may stand on one side of a check, not both",
        );
        return None;
    }
    let mut lhs = Vec::new();
    let mut rhs = Vec::new();
    let mut ok = true;
    let each = match (left, right) {
        (Some(sides), None) => {
            ok &= side(cx, &binary.right, false, &mut rhs);
            sides.map(|sides| {
                lhs = sides.first().map(|s| s.to_vec()).unwrap_or_default();
                Each { left: true, sides }
            })
        }
        (None, Some(sides)) => {
            ok &= side(cx, &binary.left, false, &mut lhs);
            sides.map(|sides| {
                rhs = sides.first().map(|s| s.to_vec()).unwrap_or_default();
                Each { left: false, sides }
            })
        }
        _ => {
            ok &= side(cx, &binary.left, false, &mut lhs);
            ok &= side(cx, &binary.right, false, &mut rhs);
            None
        }
    };
    (ok && !lhs.is_empty() && !rhs.is_empty()).then_some((lhs, op, rhs, each))
}

/// `each(a, b + c, d)`: the operands a check holds one by one. `None` when the side is not
/// `each(..)`; `Some(None)` after a recorded error.
fn each(cx: &Ctxt, expr: &syn::Expr) -> Option<Option<Vec<Vec<Term>>>> {
    let syn::Expr::Call(call) = expr else {
        return None;
    };
    let syn::Expr::Path(func) = &*call.func else {
        return None;
    };
    if !func.path.is_ident("each") {
        return None;
    }
    if call.args.is_empty() {
        cx.error_spanned_by(
            expr,
            "`each(..)` needs operands, e.g. `each(a, b) <= total`",
        );
        return Some(None);
    }
    let mut sides = Vec::new();
    let mut ok = true;
    for arg in &call.args {
        let mut terms = Vec::new();
        ok &= side(cx, arg, false, &mut terms);
        sides.push(terms);
    }
    Some(ok.then_some(sides))
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
        syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::Mul(_)) => {
            product(cx, expr, &b.left, &b.right, negative, out)
        }
        syn::Expr::Lit(_) => literal(cx, expr, negative, out),
        syn::Expr::Call(call) if is_sum(call) => match rows(call) {
            Some((rows, column)) => {
                out.push(Term {
                    negative,
                    operand: Operand::Rows { rows, column },
                    factor: None,
                });
                true
            }
            None => {
                cx.error_spanned_by(expr, sum_expected(call));
                false
            }
        },
        syn::Expr::Path(_) | syn::Expr::Field(_) => match path(expr) {
            Some(idents) => {
                out.push(Term {
                    negative,
                    operand: Operand::Path(idents),
                    factor: None,
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
                "`check` supports field paths, numbers, `+`, `-`, multiplication by a number and parentheses",
            );
            false
        }
    }
}

/// `2 * a`, `a * 0.5`, `3 * (a + b)`: fields multiplied by one constant, every term of the
/// operand taking the factor.
fn product(
    cx: &Ctxt,
    expr: &syn::Expr,
    left: &syn::Expr,
    right: &syn::Expr,
    negative: bool,
    out: &mut Vec<Term>,
) -> bool {
    let is_number = |e: &syn::Expr| match e {
        syn::Expr::Lit(_) => true,
        syn::Expr::Unary(u) => {
            matches!(u.op, syn::UnOp::Neg(_)) && matches!(*u.expr, syn::Expr::Lit(_))
        }
        _ => false,
    };
    let (factor, operand) = match (is_number(left), is_number(right)) {
        (true, false) => (left, right),
        (false, true) => (right, left),
        _ => {
            cx.error_spanned_by(
                expr,
                "`check` multiplies fields by a number only, e.g. `2 * a` or `a * 0.5`",
            );
            return false;
        }
    };
    let Some(factor) = number(cx, factor) else {
        return false;
    };
    let mut terms = Vec::new();
    if !side(cx, operand, negative, &mut terms) {
        return false;
    }
    for term in &mut terms {
        if term.factor.is_some() || matches!(term.operand, Operand::Literal(_)) {
            cx.error_spanned_by(
                operand,
                "multiply each field by one number: write the constant once (`6 * a`, not `2 * (3 * a)`), and constants as one number",
            );
            return false;
        }
        term.factor = Some(factor.clone());
    }
    out.extend(terms);
    true
}

fn literal(cx: &Ctxt, expr: &syn::Expr, negative: bool, out: &mut Vec<Term>) -> bool {
    match number(cx, expr) {
        Some(n) => {
            out.push(Term {
                negative,
                operand: Operand::Literal(n),
                factor: None,
            });
            true
        }
        None => false,
    }
}

/// `when(flag)`, `when(!flag)`, `when(flag == false)`, `when(choice == Choice::Option)`;
/// `None` after a recorded error.
pub fn when(cx: &Ctxt, expr: &syn::Expr, span: Span) -> Option<When> {
    const EXPECTED: &str = "`when(..)` takes a yes/no field (`when(has_new_media)`, `when(!has_new_media)`), a choice field compared with one of its options (`when(site_type == SiteType::Portal)`) or a number cell compared with a number (`when(received == 0)`)";
    let field = |e: &syn::Expr| {
        let found = path(e);
        if found.is_none() {
            cx.error_spanned_by(e, EXPECTED);
        }
        found
    };
    let (path, wanted) = match expr {
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => {
            (field(&u.expr)?, WhenValue::Flag(false))
        }
        syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::Eq(_)) => {
            let wanted = match &*b.right {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Bool(flag),
                    ..
                }) => WhenValue::Flag(flag.value),
                syn::Expr::Path(option) if option.path.segments.len() > 1 => {
                    WhenValue::Option((*b.right).clone())
                }
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Int(_) | syn::Lit::Float(_),
                    ..
                })
                | syn::Expr::Unary(_) => WhenValue::Number(crate::attr::number(cx, &b.right)?),
                other => {
                    cx.error_spanned_by(other, EXPECTED);
                    return None;
                }
            };
            (field(&b.left)?, wanted)
        }
        other => (field(other)?, WhenValue::Flag(true)),
    };
    let name = path
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(".");
    let text = match &wanted {
        WhenValue::Flag(true) => name,
        WhenValue::Flag(false) => format!("!{name}"),
        WhenValue::Option(option) => {
            let option = quote::ToTokens::to_token_stream(option)
                .to_string()
                .replace(' ', "");
            format!("{name} == {option}")
        }
        WhenValue::Number(number) => format!("{name} == {}", number.value.text),
    };
    Some(When {
        span,
        path,
        wanted,
        text,
    })
}

/// What `sum(..)` takes, in the names the author wrote where they are a path.
fn sum_expected(call: &syn::ExprCall) -> String {
    let written = call.args.first().and_then(path);
    let (rows, column) = match written.as_deref() {
        Some([rows]) => (rows.to_string(), None),
        Some([rows @ .., column]) => {
            let rows: Vec<String> = rows.iter().map(ToString::to_string).collect();
            (rows.join("."), Some(column.to_string()))
        }
        _ => ("accounts".to_owned(), Some("followers".to_owned())),
    };
    let column = column.unwrap_or_else(|| "column".to_owned());
    format!(
        "`sum(..)` takes repeated rows with `[..]`: `sum({rows}[..].{column})` is the column `{column}` summed over the rows of the `Vec` field `{rows}`, `sum({rows}[..])` every column"
    )
}

fn is_sum(call: &syn::ExprCall) -> bool {
    matches!(&*call.func, syn::Expr::Path(p) if p.path.is_ident("sum"))
}

/// The rows and column of `sum(a.rows[..].column)` or `sum(a.rows[..])`.
fn rows(call: &syn::ExprCall) -> Option<(Vec<syn::Ident>, Option<syn::Ident>)> {
    let [arg] = call.args.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let all_rows = |e: &syn::Expr| match e {
        syn::Expr::Index(index) if matches!(&*index.index, syn::Expr::Range(r) if r.start.is_none() && r.end.is_none()) => {
            path(&index.expr)
        }
        _ => None,
    };
    match arg {
        syn::Expr::Field(field) => {
            let syn::Member::Named(column) = &field.member else {
                return None;
            };
            Some((all_rows(&field.base)?, Some(column.clone())))
        }
        other => Some((all_rows(other)?, None)),
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
