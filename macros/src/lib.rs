//! The `Form` derive of baobiao.
//!
//! Three phases, as in serde_derive and garde: `attr` parses `#[form(..)]` (and the serde
//! renames that decide JSON pointers) into a `model` that keeps every span; `check` applies
//! the semantic rules, accumulating errors in a `ctxt::Ctxt`; `emit` turns the checked model
//! into code that calls the runtime. Logic lives in `baobiao-core`; this crate only wires it.

mod attr;
mod check;
mod choice;
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

/// Derives `baobiao::Choice` for an enum of options without fields: each variant an option,
/// labelled `#[form(label = "..")]` as the template prints it, keyed in JSON as serde names it.
///
/// See the `baobiao` crate's README for the field kinds.
#[proc_macro_derive(Choice, attributes(form))]
pub fn derive_choice(input: TokenStream) -> TokenStream {
    match syn::parse::<syn::DeriveInput>(input) {
        Ok(input) => choice::derive(&input).into(),
        Err(err) => err.into_compile_error().into(),
    }
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

/// Expansion snapshots: what the derive writes for a small form, formatted, compared with the
/// file checked in under `snapshots/`. Refresh with `BAOBIAO_BLESS=1 cargo test -p
/// baobiao-macros`.
#[cfg(test)]
mod snapshots {
    fn expand(input: proc_macro2::TokenStream) -> String {
        let tokens = super::derive_form_inner(input);
        let file: syn::File = syn::parse2(tokens).expect("the expansion is valid Rust");
        prettyplease::unparse(&file)
    }

    fn assert_snapshot(name: &str, actual: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("snapshots")
            .join(format!("{name}.rs"));
        if std::env::var_os("BAOBIAO_BLESS").is_some() {
            std::fs::write(&path, actual).expect("write snapshot");
            return;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            expected == actual,
            "expansion of {name} changed; review it and run with BAOBIAO_BLESS=1\n{actual}"
        );
    }

    #[test]
    fn row_with_total_and_table_with_check() {
        let row = expand(quote::quote! {
            #[form(columns, label = "申请人情况")]
            struct Row {
                #[form(label = "自然人")]
                people: Count,
                #[form(label = "总计", total(id = "ROW"))]
                total: Count,
            }
        });
        assert_snapshot("row", &row);
        let table = expand(quote::quote! {
            #[form(check(a + b == sum - 1, id = "T"), range(min = 0))]
            struct Table {
                #[form(label = "甲")]
                a: Row,
                #[serde(rename = "B")]
                #[form(label = "乙", alias = "乙项")]
                b: Row,
                #[form(label = "和")]
                sum: Row,
                #[form(skip)]
                #[serde(skip)]
                note: String,
            }
        });
        assert_snapshot("table", &table);
    }
}
