//! The `Form` derive of baobiao.
//!
//! Three phases, as in serde_derive and garde: [`attr`] parses `#[form(..)]` (and the serde
//! renames that decide JSON pointers) into a [`model`] that keeps every span; [`check`] applies
//! the semantic rules, accumulating errors in a [`ctxt::Ctxt`]; [`emit`] turns the checked model
//! into code that calls the runtime. Logic lives in `baobiao-core`; this crate only wires it.

mod attr;
mod check;
mod ctxt;
mod emit;
mod expr;
mod model;
mod suggest;
mod symbol;

use proc_macro::TokenStream;

/// Derives `baobiao::Form` (and `baobiao::Component`) for a struct with named fields.
///
/// See the `baobiao` crate's README for the attribute reference.
#[proc_macro_derive(Form, attributes(form))]
pub fn derive_form(input: TokenStream) -> TokenStream {
    derive_form_inner(input.into()).into()
}

/// The derive on `proc_macro2` tokens, for tests and snapshots.
fn derive_form_inner(input: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => emit::derive(&input),
        Err(err) => err.into_compile_error(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn inner_entry_point_reports_errors_as_tokens() {
        let out = super::derive_form_inner(quote::quote!(
            enum E {
                A,
            }
        ));
        assert!(out.to_string().contains("compile_error"), "{out}");
    }
}
