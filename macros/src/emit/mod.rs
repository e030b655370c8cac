//! Phase three: the checked model into code. No validation happens here.

mod dummy;
mod form;
pub(crate) mod schema;
mod traverse;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ctxt::Ctxt;
use crate::model::Number;
use crate::{attr, check};

/// The whole derive: impls, or the errors plus a dummy impl so uses of the type do not cascade.
pub fn derive(input: &syn::DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let model = attr::container(&cx, input);
    if let Some(model) = &model {
        check::container(&cx, input, model);
    }
    let krate = model
        .as_ref()
        .and_then(|m| m.crate_path.clone())
        .unwrap_or_else(|| syn::parse_quote!(::baobiao));
    let body = match (cx.check(), &model) {
        (Ok(()), Some(model)) => form::impls(model),
        (Err(err), model) => {
            let mut out = err.to_compile_error();
            out.extend(dummy::impls(input));
            if let Some(model) = model {
                out.extend(dummy::field_probes(model));
            }
            out
        }
        (Ok(()), None) => unreachable!("no model without an error"),
    };
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, clippy::needless_borrow)]
        const _: () = {
            use #krate::__private as __bb;
            #body
        };
    }
}

/// `__bb::Some(text)` or `__bb::None`.
fn opt_str<T: AsRef<str>>(value: Option<T>) -> TokenStream {
    match value {
        Some(v) => {
            let v = v.as_ref();
            quote!(__bb::Some(#v))
        }
        None => quote!(__bb::None),
    }
}

/// A literal as an exact `Num`, built from its digits (`check` made sure it is representable).
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
        // Only after an error, which `check` reported: the derive emits no impls then.
        None => quote!(__bb::Num::Int(0)),
    }
}
