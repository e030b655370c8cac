//! The compiled check: `CELLS`, `INSTANCES`, `KINDS`, `add_column`, `add_all`, `evaluate` and
//! `evaluate_range` of a checked struct.
//!
//! Instances are numbered exactly as `FormInfo` expands them: the struct's checks, then its
//! ranges, then for each field its `total` and its ranges, then each field's own rules. The
//! runtime's interpreting engine decides the same instances from the same numbering, and the
//! tests compare the two.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Check, Container, Field, Number, Operand, Range};

/// The items of `impl Component` that evaluate rules.
pub fn component_items(c: &Container<'_>, fields: &[&Field<'_>]) -> TokenStream {
    let cells = cells_sum(fields.iter().map(|f| f.ty));
    let total = fields.iter().find(|f| f.total.is_some());

    let add_column = if c.columns.is_some() {
        // A row: a const table gives the field of each column; one jump per level.
        let ident = c.ident;
        let mut offset = quote!(0usize);
        let mut offsets = vec![offset.clone()];
        let arms: Vec<TokenStream> = fields
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let (ty, member) = (f.ty, f.ident);
                let index = u8::try_from(i).unwrap_or(u8::MAX);
                let start = offset.clone();
                offset = quote!(#offset + <#ty as __bb::Component>::CELLS);
                offsets.push(offset.clone());
                quote! {
                    __bb::Some(#index) => <#ty as __bb::Component>::add_column(
                        &self.#member,
                        __baobiao_column - (#start),
                        __baobiao_acc,
                        __baobiao_negative,
                    ),
                }
            })
            .collect();
        quote! {
            const __BAOBIAO_FIELD_OF: [u8; <#ident as __bb::Component>::CELLS] =
                __bb::field_of::<{ <#ident as __bb::Component>::CELLS }>(&[#(#offsets),*]);
            match __BAOBIAO_FIELD_OF.get(__baobiao_column).copied() {
                #(#arms)*
                _ => {}
            }
        }
    } else {
        summands(
            fields,
            total,
            quote!(add_column),
            quote!(__baobiao_column, __baobiao_acc),
        )
    };
    let add_all = summands(fields, total, quote!(add_all), quote!(__baobiao_acc));

    let mut offset = quote!(0usize);
    let range_parts: Vec<TokenStream> = fields
        .iter()
        .map(|f| {
            let (ty, member) = (f.ty, f.ident);
            let part = quote! {
                <#ty as __bb::Component>::evaluate_range(&self.#member, __baobiao_range, __baobiao_base + #offset, __baobiao_out);
            };
            offset = quote!(#offset + <#ty as __bb::Component>::CELLS);
            part
        })
        .collect();

    let (evaluate, instances) = evaluate(c, fields);

    let kinds = fields.iter().map(|f| {
        let ty = f.ty;
        quote!(<#ty as __bb::Component>::KINDS)
    });
    quote! {
        const CELLS: usize = #cells;
        const INSTANCES: usize = #instances;
        const KINDS: u8 = 0u8 #(| #kinds)*;

        #[inline(always)]
        fn add_column(&self, __baobiao_column: usize, __baobiao_acc: &mut __bb::Acc, __baobiao_negative: bool) {
            #add_column
        }

        #[inline(always)]
        fn add_all(&self, __baobiao_acc: &mut __bb::Acc, __baobiao_negative: bool) {
            #add_all
        }

        #[inline]
        #[allow(unused_mut, unused_assignments, unused_variables)]
        fn evaluate(&self, __baobiao_base: usize, __baobiao_out: &mut __bb::Vec<__bb::Outcome>) {
            #evaluate
        }

        #[allow(unused_variables)]
        fn evaluate_range(
            &self,
            __baobiao_range: &__bb::RangeSpec,
            __baobiao_base: usize,
            __baobiao_out: &mut __bb::Vec<__bb::Outcome>,
        ) {
            if __baobiao_range.guaranteed_for_all(<Self as __bb::Component>::KINDS) {
                return;
            }
            #(#range_parts)*
        }
    }
}

fn cells_sum<'a>(types: impl Iterator<Item = &'a syn::Type>) -> TokenStream {
    let terms = types.map(|ty| quote!(<#ty as __bb::Component>::CELLS));
    quote!(0usize #(+ #terms)*)
}

/// A struct's contribution to a sum: its `total` field if it has one (a subtotal stands for its
/// group), else every field.
fn summands(
    fields: &[&Field<'_>],
    total: Option<&&Field<'_>>,
    method: TokenStream,
    acc: TokenStream,
) -> TokenStream {
    let parts = match total {
        Some(total) => vec![total],
        None => fields.iter().collect(),
    };
    let calls = parts.iter().map(|f| {
        let (ty, member) = (f.ty, f.ident);
        quote!(<#ty as __bb::Component>::#method(&self.#member, #acc, __baobiao_negative);)
    });
    quote!(#(#calls)*)
}

/// The body of `evaluate` and the `INSTANCES` expression.
fn evaluate(c: &Container<'_>, fields: &[&Field<'_>]) -> (TokenStream, TokenStream) {
    let ident = c.ident;
    let mut body = vec![quote!(let mut __baobiao_k: usize = __baobiao_base;)];
    let mut count = vec![quote!(0usize)];

    for check in &c.checks {
        let (code, width) = check_code(ident, check);
        body.push(code);
        count.push(width);
    }
    let cells = cells_sum(fields.iter().map(|f| f.ty));
    for range in &c.ranges {
        let spec = range_spec(range);
        body.push(quote! {
            {
                const __BAOBIAO_RANGE: __bb::RangeSpec = #spec;
                <#ident as __bb::Component>::evaluate_range(self, &__BAOBIAO_RANGE, __baobiao_k, __baobiao_out);
            }
            __baobiao_k += #cells;
        });
        count.push(cells.clone());
    }
    for field in fields {
        let (ty, member) = (field.ty, field.ident);
        if field.total.is_some() {
            let (code, width) = total_code(field, fields);
            body.push(code);
            count.push(width);
        }
        for range in &field.ranges {
            let spec = range_spec(range);
            body.push(quote! {
                {
                    const __BAOBIAO_RANGE: __bb::RangeSpec = #spec;
                    <#ty as __bb::Component>::evaluate_range(&self.#member, &__BAOBIAO_RANGE, __baobiao_k, __baobiao_out);
                }
                __baobiao_k += <#ty as __bb::Component>::CELLS;
            });
            count.push(quote!(<#ty as __bb::Component>::CELLS));
        }
    }
    for field in fields {
        let (ty, member) = (field.ty, field.ident);
        body.push(quote! {
            <#ty as __bb::Component>::evaluate(&self.#member, __baobiao_k, __baobiao_out);
            __baobiao_k += <#ty as __bb::Component>::INSTANCES;
        });
        count.push(quote!(<#ty as __bb::Component>::INSTANCES));
    }
    (quote!(#(#body)*), quote!(#(#count)+*))
}

fn total_code(total: &Field<'_>, fields: &[&Field<'_>]) -> (TokenStream, TokenStream) {
    let (ty, member) = (total.ty, total.ident);
    let siblings: Vec<&&Field<'_>> = fields.iter().filter(|f| f.ident != total.ident).collect();
    let rows = siblings.iter().map(|s| {
        let (sty, smember) = (s.ty, s.ident);
        quote!(<#sty as __bb::Component>::add_column(&self.#smember, __baobiao_c, &mut __baobiao_rhs, false);)
    });
    let cells = siblings.iter().map(|s| {
        let (sty, smember) = (s.ty, s.ident);
        quote!(<#sty as __bb::Component>::add_all(&self.#smember, &mut __baobiao_rhs, false);)
    });
    let width = quote!(<#ty as __bb::Component>::CELLS);
    let code = quote! {
        if __bb::Shape::is_row(<#ty as __bb::Component>::SHAPE) {
            for __baobiao_c in 0..#width {
                let mut __baobiao_lhs = __bb::Acc::ZERO;
                let mut __baobiao_rhs = __bb::Acc::ZERO;
                <#ty as __bb::Component>::add_column(&self.#member, __baobiao_c, &mut __baobiao_lhs, false);
                #(#rows)*
                __bb::Outcome::push_decided(
                    __baobiao_out,
                    __baobiao_k + __baobiao_c,
                    &__baobiao_lhs,
                    &__baobiao_rhs,
                    __bb::Op::Eq,
                    __bb::Some(__bb::Side::Lhs),
                );
            }
            __baobiao_k += #width;
        } else {
            let mut __baobiao_lhs = __bb::Acc::ZERO;
            let mut __baobiao_rhs = __bb::Acc::ZERO;
            <#ty as __bb::Component>::add_all(&self.#member, &mut __baobiao_lhs, false);
            #(#cells)*
            __bb::Outcome::push_decided(
                    __baobiao_out,
                __baobiao_k,
                &__baobiao_lhs,
                &__baobiao_rhs,
                __bb::Op::Eq,
                __bb::Some(__bb::Side::Lhs),
            );
            __baobiao_k += 1;
        }
    };
    let count = quote!(__bb::Shape::total_width(<#ty as __bb::Component>::SHAPE, <#ty as __bb::Component>::CELLS));
    (code, count)
}

fn check_code(ident: &syn::Ident, check: &Check) -> (TokenStream, TokenStream) {
    let widths = check.terms().filter_map(|t| match &t.operand {
        Operand::Path(path) => {
            Some(quote!(__bb::cells_of::<#ident, _>(|__baobiao_s| &__baobiao_s #(.#path)*)))
        }
        Operand::Literal(_) => None,
    });
    let width = quote!(__bb::widest(&[#(#widths),*]));
    let side = |terms: &[crate::model::Term], acc: TokenStream| {
        let parts = terms.iter().map(|t| {
            let negative = t.negative;
            match &t.operand {
                Operand::Path(path) => quote! {
                    __bb::Component::add_column(&self #(.#path)*, __baobiao_c, &mut #acc, #negative);
                },
                Operand::Literal(n) => {
                    let num = num_tokens(&n.value);
                    quote!(#acc.add_num(#num, #negative);)
                }
            }
        });
        quote!(#(#parts)*)
    };
    let lhs = side(&check.lhs, quote!(__baobiao_lhs));
    let rhs = side(&check.rhs, quote!(__baobiao_rhs));
    let single = |terms: &[crate::model::Term]| {
        terms.len() == 1 && matches!(terms[0].operand, Operand::Path(_))
    };
    let result = if single(&check.lhs) {
        quote!(__bb::Some(__bb::Side::Lhs))
    } else if single(&check.rhs) {
        quote!(__bb::Some(__bb::Side::Rhs))
    } else {
        quote!(__bb::None)
    };
    let op = match check.op {
        crate::model::Op::Eq => quote!(__bb::Op::Eq),
        crate::model::Op::Le => quote!(__bb::Op::Le),
        crate::model::Op::Ge => quote!(__bb::Op::Ge),
    };
    let code = quote! {
        {
            const __BAOBIAO_WIDTH: usize = #width;
            for __baobiao_c in 0..__BAOBIAO_WIDTH {
                let mut __baobiao_lhs = __bb::Acc::ZERO;
                let mut __baobiao_rhs = __bb::Acc::ZERO;
                #lhs
                #rhs
                __bb::Outcome::push_decided(
                    __baobiao_out,
                    __baobiao_k + __baobiao_c,
                    &__baobiao_lhs,
                    &__baobiao_rhs,
                    #op,
                    #result,
                );
            }
            __baobiao_k += __BAOBIAO_WIDTH;
        }
    };
    (code, width)
}

fn range_spec(range: &Range) -> TokenStream {
    let bound = |n: &Option<crate::model::Sp<Number>>| match n {
        Some(n) => {
            let num = num_tokens(&n.value);
            quote!(__bb::Some(#num))
        }
        None => quote!(__bb::None),
    };
    let (min, max) = (bound(&range.min), bound(&range.max));
    quote!(__bb::RangeSpec::new(#min, #max))
}

/// A literal as a `Num`, built exactly from its digits (checked representable in `check`).
fn num_tokens(n: &Number) -> TokenStream {
    match n.mantissa_scale() {
        Some((mantissa, 0)) => quote!(__bb::Num::Int(#mantissa)),
        Some((mantissa, scale)) => {
            let magnitude = mantissa.unsigned_abs();
            let negative = mantissa < 0;
            // `check` rejected literals beyond 96 bits, so the three words hold the mantissa.
            let (lo, mid, hi) = (
                magnitude as u32,
                (magnitude >> 32) as u32,
                (magnitude >> 64) as u32,
            );
            quote!(__bb::Num::Dec(__bb::Decimal::from_parts(#lo, #mid, #hi, #negative, #scale)))
        }
        None => quote!(__bb::Num::Int(0)),
    }
}
