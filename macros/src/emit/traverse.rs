//! The traversal of a checked struct: `CELLS`, `KINDS`, `FIELDS`, `each_cell`, `add_column`,
//! `add_all` and `rules`, generic over the runtime's `Mode`.
//!
//! Read with values, the traversal is the check; read with types alone, it is the record from
//! which the runtime builds the form's table of rule instances. What a rule means (blanks, the
//! operator, exact sums) is the runtime's: generated code only reaches fields and hands sides
//! to the sink, in declaration order (a struct's checks, its ranges, then for each field its
//! `total` and its ranges, then each field's own rules).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{num_tokens, opt_str};
use crate::model::{Check, Container, Field, Number, Operand, Range, RuleMeta, Sp, WhenValue};

/// The items of `impl Component` that traverse the struct.
pub fn component_items(c: &Container<'_>, fields: &[&Field<'_>]) -> TokenStream {
    let cells = sum(fields.iter().map(|f| cells_of(f.ty)));
    let kinds = fields.iter().map(|f| {
        let ty = f.ty;
        quote!(<#ty as __bb::Component>::KINDS)
    });
    let offsets: Vec<TokenStream> = offsets(fields);
    let names = fields.iter().map(|f| ident_name(f.ident));
    let field_table = names.zip(&offsets).map(|(n, o)| quote!((#n, #o)));

    let each_cell = fields.iter().zip(&offsets).map(|(f, at)| {
        let ty = f.ty;
        let reach = reach(f);
        quote_spanned! {ty.span()=>
            <#ty as __bb::Component>::each_cell::<__BbM, __BbV>(#reach, __baobiao_at + #at, __baobiao_visit);
        }
    });
    let add_column = add_column(c, fields, &offsets);
    let add_all = summands(fields, &offsets, quote!(add_all), quote!());
    let rules = rules(c, fields, &offsets);

    quote! {
        const CELLS: usize = #cells;
        const KINDS: u8 = 0u8 #(| #kinds)*;
        const FIELDS: &'static [(&'static str, usize)] = &[#(#field_table),*];

        #[inline]
        fn each_cell<__BbM: __bb::Mode, __BbV: __bb::Visit<__BbM>>(
            __baobiao_this: __BbM::Of<'_, Self>,
            __baobiao_at: usize,
            __baobiao_visit: &mut __BbV,
        ) {
            #(#each_cell)*
        }

        #[inline(always)]
        fn add_column<__BbM: __bb::Mode, __BbA: __bb::Accumulate<__BbM>>(
            __baobiao_this: __BbM::Of<'_, Self>,
            __baobiao_at: usize,
            __baobiao_column: usize,
            __baobiao_acc: &mut __BbA,
            __baobiao_negative: bool,
        ) {
            #add_column
        }

        #[inline(always)]
        fn add_all<__BbM: __bb::Mode, __BbA: __bb::Accumulate<__BbM>>(
            __baobiao_this: __BbM::Of<'_, Self>,
            __baobiao_at: usize,
            __baobiao_acc: &mut __BbA,
            __baobiao_negative: bool,
        ) {
            #add_all
        }

        #[inline]
        #[allow(unused_variables)]
        fn rules<__BbM: __bb::Mode, __BbS: __bb::Sink<__BbM>>(
            __baobiao_this: __BbM::Of<'_, Self>,
            __baobiao_at: usize,
            __baobiao_sink: &mut __BbS,
        ) {
            #rules
        }
    }
}

fn cells_of(ty: &syn::Type) -> TokenStream {
    quote!(<#ty as __bb::Component>::CELLS)
}

fn sum(terms: impl Iterator<Item = TokenStream>) -> TokenStream {
    quote!(0usize #(+ #terms)*)
}

/// The index of each field's first cell among the struct's, as constant expressions.
fn offsets(fields: &[&Field<'_>]) -> Vec<TokenStream> {
    (0..fields.len())
        .map(|i| sum(fields[..i].iter().map(|f| cells_of(f.ty))))
        .collect()
}

/// A field's Rust name as `check` paths write it.
fn ident_name(ident: &syn::Ident) -> String {
    let name = ident.to_string();
    name.strip_prefix("r#").unwrap_or(&name).to_owned()
}

/// The field reached from the traversal's `this`.
fn reach(f: &Field<'_>) -> TokenStream {
    let member = f.ident;
    quote!(<__BbM as __bb::Mode>::reach(__baobiao_this, |__baobiao_s: &Self| &__baobiao_s.#member))
}

fn add_column(c: &Container<'_>, fields: &[&Field<'_>], offsets: &[TokenStream]) -> TokenStream {
    if c.columns.is_none() {
        return summands(
            fields,
            offsets,
            quote!(add_column),
            quote!(__baobiao_column,),
        );
    }
    // A row: a const table gives the field of each column; one jump per level.
    let ident = c.ident;
    let mut ends = offsets.to_vec();
    ends.push(quote!(<#ident as __bb::Component>::CELLS));
    let arms = fields.iter().zip(offsets).enumerate().map(|(i, (f, at))| {
        let ty = f.ty;
        let index = u8::try_from(i).unwrap_or(u8::MAX);
        let reach = reach(f);
        quote! {
            __bb::Some(#index) => <#ty as __bb::Component>::add_column::<__BbM, __BbA>(
                #reach,
                __baobiao_at + #at,
                __baobiao_column - (#at),
                __baobiao_acc,
                __baobiao_negative,
            ),
        }
    });
    quote! {
        const __BAOBIAO_FIELD_OF: [u8; <#ident as __bb::Component>::CELLS] =
            __bb::field_of::<{ <#ident as __bb::Component>::CELLS }>(&[#(#ends),*]);
        match __BAOBIAO_FIELD_OF.get(__baobiao_column).copied() {
            #(#arms)*
            _ => {}
        }
    }
}

/// A struct's contribution to a sum: its `total` field if it has one (a subtotal stands for its
/// group), else every field.
fn summands(
    fields: &[&Field<'_>],
    offsets: &[TokenStream],
    method: TokenStream,
    column: TokenStream,
) -> TokenStream {
    let total = fields.iter().position(|f| f.total.is_some());
    let parts: Vec<usize> = match total {
        Some(total) => vec![total],
        None => (0..fields.len()).collect(),
    };
    let calls = parts.into_iter().map(|i| {
        let (ty, at) = (fields[i].ty, &offsets[i]);
        let reach = reach(fields[i]);
        quote! {
            <#ty as __bb::Component>::#method::<__BbM, __BbA>(
                #reach, __baobiao_at + #at, #column __baobiao_acc, __baobiao_negative,
            );
        }
    });
    quote!(#(#calls)*)
}

/// The body of `rules`.
fn rules(c: &Container<'_>, fields: &[&Field<'_>], offsets: &[TokenStream]) -> TokenStream {
    let mut body = Vec::new();
    for (k, check) in c.checks.iter().enumerate() {
        body.push(check_code(c, fields, offsets, k, check));
    }
    for (k, range) in c.ranges.iter().enumerate() {
        let site = site(c, quote!(Range(#k as u16)));
        let bounds = bounds(range);
        let gate = gate(&range.meta);
        body.push(quote! {
            {
                const __BAOBIAO_BOUNDS: __bb::Bounds = #bounds;
                __baobiao_sink.range::<Self>(#site, __baobiao_this, __baobiao_at, &__BAOBIAO_BOUNDS, #gate);
            }
        });
    }
    for (i, field) in fields.iter().enumerate() {
        if field.total.is_some() {
            body.push(total_code(c, fields, offsets, i));
        }
        for (k, range) in field.ranges.iter().enumerate() {
            let site = site(c, quote!(FieldRange(#i as u16, #k as u16)));
            let (ty, at) = (field.ty, &offsets[i]);
            let reach = reach(field);
            let bounds = bounds(range);
            let gate = gate(&range.meta);
            body.push(quote! {
                {
                    const __BAOBIAO_BOUNDS: __bb::Bounds = #bounds;
                    __baobiao_sink.range::<#ty>(#site, #reach, __baobiao_at + #at, &__BAOBIAO_BOUNDS, #gate);
                }
            });
        }
    }
    for (field, at) in fields.iter().zip(offsets) {
        let ty = field.ty;
        let reach = reach(field);
        body.push(quote! {
            <#ty as __bb::Component>::rules::<__BbM, __BbS>(#reach, __baobiao_at + #at, __baobiao_sink);
        });
    }
    quote!(#(#body)*)
}

/// How a rule's condition stands, read where the rule is declared: `Gate::Open` without one.
fn gate(meta: &RuleMeta) -> TokenStream {
    let Some(when) = &meta.when else {
        return quote!(__bb::Gate::Open);
    };
    let path = &when.path;
    let wanted = match &when.wanted {
        WhenValue::Flag(flag) => quote!(#flag),
        WhenValue::Option(option) => quote!(#option),
        WhenValue::Number(number) => num_tokens(&number.value),
    };
    quote_spanned! {when.span=>
        <__BbM as __bb::Mode>::gate(__baobiao_this, |__baobiao_s: &Self| &__baobiao_s #(.#path)*, &#wanted)
    }
}

fn site(c: &Container<'_>, rule: TokenStream) -> TokenStream {
    let name = c.ident.to_string();
    quote!(__bb::Site {
        declared_in: ::core::concat!(::core::module_path!(), "::", #name),
        rule: __bb::SiteRule::#rule,
    })
}

fn total_code(
    c: &Container<'_>,
    fields: &[&Field<'_>],
    offsets: &[TokenStream],
    index: usize,
) -> TokenStream {
    let total = fields[index];
    let (ty, at) = (total.ty, &offsets[index]);
    let total_reach = reach(total);
    let site = site(c, quote!(Total(#index as u16)));
    let gate = total
        .total
        .as_ref()
        .map_or_else(|| quote!(__bb::Gate::Open), |t| gate(&t.meta));
    let rounded = total
        .total
        .as_ref()
        .is_some_and(|t| t.meta.decimals.is_some());
    let siblings: Vec<usize> = (0..fields.len()).filter(|&i| i != index).collect();
    let rows = siblings.iter().map(|&i| {
        let (sty, sat) = (fields[i].ty, &offsets[i]);
        let sreach = reach(fields[i]);
        quote!(<#sty as __bb::Component>::add_column::<__BbM, _>(#sreach, __baobiao_at + #sat, __baobiao_c, &mut __baobiao_rhs, false);)
    });
    let cells = siblings.iter().map(|&i| {
        let (sty, sat) = (fields[i].ty, &offsets[i]);
        let sreach = reach(fields[i]);
        quote!(<#sty as __bb::Component>::add_all::<__BbM, _>(#sreach, __baobiao_at + #sat, &mut __baobiao_rhs, false);)
    });
    quote! {
        let __baobiao_gate = #gate;
        if __bb::Shape::is_row(<#ty as __bb::Component>::SHAPE) {
            for __baobiao_c in 0..<#ty as __bb::Component>::CELLS {
                let mut __baobiao_lhs: __BbS::Side = __bb::Default::default();
                let mut __baobiao_rhs: __BbS::Side = __bb::Default::default();
                <#ty as __bb::Component>::add_column::<__BbM, _>(#total_reach, __baobiao_at + #at, __baobiao_c, &mut __baobiao_lhs, false);
                #(#rows)*
                __baobiao_sink.compare(#site, __baobiao_at, __bb::Some(__baobiao_c), __baobiao_lhs, __bb::Op::Eq, __baobiao_rhs, __baobiao_gate, #rounded);
            }
        } else {
            let mut __baobiao_lhs: __BbS::Side = __bb::Default::default();
            let mut __baobiao_rhs: __BbS::Side = __bb::Default::default();
            <#ty as __bb::Component>::add_all::<__BbM, _>(#total_reach, __baobiao_at + #at, &mut __baobiao_lhs, false);
            #(#cells)*
            __baobiao_sink.compare(#site, __baobiao_at, __bb::None, __baobiao_lhs, __bb::Op::Eq, __baobiao_rhs, __baobiao_gate, #rounded);
        }
    }
}

fn check_code(
    c: &Container<'_>,
    fields: &[&Field<'_>],
    offsets: &[TokenStream],
    index: usize,
    check: &Check,
) -> TokenStream {
    let ident = c.ident;
    let operands: Vec<&Operand> = check
        .terms()
        .map(|t| &t.operand)
        .filter(|o| !matches!(o, Operand::Literal(_)))
        .collect();
    let widths = operands.iter().map(|operand| match operand {
        Operand::Rows { rows, column } => {
            let span = rows_span(rows, column.as_ref());
            let column = opt_str(column.as_ref().map(ToString::to_string).as_ref());
            quote_spanned!(span=> __bb::rows_width::<#ident, _>(|__baobiao_s| &__baobiao_s #(.#rows)*, #column))
        }
        other => {
            let path = other.path().unwrap_or_default();
            quote!(__bb::cells_of::<#ident, _>(|__baobiao_s| &__baobiao_s #(.#path)*))
        }
    });
    let shapes = operands.iter().map(|operand| match operand {
        Operand::Rows { rows, column } => {
            let span = rows_span(rows, column.as_ref());
            let column = opt_str(column.as_ref().map(ToString::to_string).as_ref());
            quote_spanned!(span=> __bb::rows_shape::<#ident, _>(|__baobiao_s| &__baobiao_s #(.#rows)*, #column))
        }
        other => {
            let path = other.path().unwrap_or_default();
            quote!(__bb::shape_of::<#ident, _>(|__baobiao_s| &__baobiao_s #(.#path)*))
        }
    });
    let side = |terms: &[crate::model::Term], acc: TokenStream| {
        let parts = terms.iter().map(|t| {
            let negative = t.negative;
            let (path, column) = match &t.operand {
                Operand::Literal(n) => {
                    let num = num_tokens(&n.value);
                    return quote!(__bb::Accumulate::<__BbM>::constant(&mut #acc, #num, #negative););
                }
                Operand::Path(path) => (path, quote!(__baobiao_c)),
                Operand::Rows { rows, column } => {
                    // The rows' cells start at the field; the column is one of the row type's.
                    let span = rows_span(rows, column.as_ref());
                    let column = opt_str(column.as_ref().map(ToString::to_string).as_ref());
                    let base = quote_spanned!(span=> const { __bb::rows_column_offset::<#ident, _>(|__baobiao_s| &__baobiao_s #(.#rows)*, #column) });
                    (rows, quote!(#base + __baobiao_c))
                }
            };
            {
                {
                    let at = path_offset(ident, fields, offsets, path);
                    let add = |into: TokenStream, negative: bool| {
                        quote! {
                            __bb::add_column_of::<__BbM, Self, _, _>(
                                __baobiao_this,
                                |__baobiao_s: &Self| &__baobiao_s #(.#path)*,
                                __baobiao_at + #at,
                                #column,
                                &mut #into,
                                #negative,
                            );
                        }
                    };
                    match &t.factor {
                        None => add(acc.clone(), negative),
                        // Summed apart, then multiplied into the side, exactly.
                        Some(factor) => {
                            let part = add(quote!(__baobiao_part), false);
                            let factor = num_tokens(&factor.value);
                            quote! {
                                {
                                    let mut __baobiao_part: __BbS::Side = __bb::Default::default();
                                    #part
                                    __bb::Accumulate::<__BbM>::scaled(&mut #acc, __baobiao_part, #factor, #negative);
                                }
                            }
                        }
                    }
                }
            }
        });
        quote!(#(#parts)*)
    };
    let site = site(c, quote!(Check(#index as u16)));
    let rounded = check.meta.decimals.is_some();
    // Evaluated at compile time: an operator the runtime does not know is an error here.
    let symbol = check.op.value;
    let op = quote_spanned!(check.op.span=> const { __bb::Op::from_symbol(#symbol) });
    // One instance, or one per operand of `each(..)`, in the order written.
    let instances = check.instances().into_iter().map(|(lhs, rhs)| {
        let lhs = side(lhs, quote!(__baobiao_lhs));
        let rhs = side(rhs, quote!(__baobiao_rhs));
        quote! {
            for __baobiao_c in 0..__BAOBIAO_WIDTH {
                let mut __baobiao_lhs: __BbS::Side = __bb::Default::default();
                let mut __baobiao_rhs: __BbS::Side = __bb::Default::default();
                #lhs
                #rhs
                let __baobiao_column = if __BAOBIAO_ROWS { __bb::Some(__baobiao_c) } else { __bb::None };
                __baobiao_sink.compare(#site, __baobiao_at, __baobiao_column, __baobiao_lhs, #op, __baobiao_rhs, __baobiao_gate, #rounded);
            }
        }
    });
    let gate = gate(&check.meta);
    quote! {
        {
            let __baobiao_gate = #gate;
            const __BAOBIAO_WIDTH: usize = __bb::widest(&[#(#widths),*]);
            const __BAOBIAO_ROWS: bool = __bb::any_row(&[#(#shapes),*]);
            #(#instances)*
        }
    }
}

/// Where an error about `sum(rows[..].column)` points: at the column, else at the rows.
pub fn rows_span(rows: &[syn::Ident], column: Option<&syn::Ident>) -> proc_macro2::Span {
    column.map_or_else(|| rows[0].span(), syn::Ident::span)
}

/// The index of the first cell of `path` among the struct's cells, as a constant expression:
/// the field's offset, then each further field's offset within the type before it.
fn path_offset(
    ident: &syn::Ident,
    fields: &[&Field<'_>],
    offsets: &[TokenStream],
    path: &[syn::Ident],
) -> TokenStream {
    let first = fields
        .iter()
        .position(|f| *f.ident == path[0])
        .map_or_else(|| quote!(0usize), |i| offsets[i].clone());
    let rest = (1..path.len()).map(|k| {
        let before = &path[..k];
        let name = ident_name(&path[k]);
        quote!(__bb::field_offset::<#ident, _>(|__baobiao_s| &__baobiao_s #(.#before)*, #name))
    });
    // A `const` block: the lookups run at compile time, never per check.
    quote!(const { #first #(+ #rest)* })
}

fn bounds(range: &Range) -> TokenStream {
    let bound = |n: &Option<Sp<Number>>| match n {
        Some(n) => {
            let num = num_tokens(&n.value);
            quote!(__bb::Some(#num))
        }
        None => quote!(__bb::None),
    };
    let (min, max) = (bound(&range.min), bound(&range.max));
    quote!(__bb::Bounds::new(#min, #max))
}
