//! What the derive emits next to its errors: impls that keep uses of the type compiling, so
//! the user sees the real errors and not a cascade of "trait not implemented", and probes that
//! let the compiler report misspelt inner fields of `check` paths in the same build.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::model::{Container, Operand};

pub fn impls(input: &syn::DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // `Form` needs `'static`, which a generic struct (itself an error) may not meet: leave it out
    // there rather than add an error the user did not make.
    let form = input.generics.params.is_empty().then(|| {
        quote! {
            #[automatically_derived]
            impl __bb::Form for #ident {
                fn info() -> &'static __bb::FormInfo {
                    static __BAOBIAO_INFO: __bb::OnceLock<__bb::FormInfo> = __bb::OnceLock::new();
                    __bb::form_info::<Self>(&__BAOBIAO_INFO)
                }
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics __bb::schemars::JsonSchema for #ident #ty_generics #where_clause {
            fn schema_name() -> __bb::Cow<'static, str> {
                __bb::Cow::Borrowed(::core::stringify!(#ident))
            }
            fn json_schema(_: &mut __bb::schemars::SchemaGenerator) -> __bb::schemars::Schema {
                __bb::schemars::Schema::default()
            }
        }
        #[automatically_derived]
        impl #impl_generics __bb::Component for #ident #ty_generics #where_clause {
            const SHAPE: __bb::Shape = __bb::Shape::Record;
            const CELLS: usize = 0;
            const KINDS: u8 = 0;
            const FIELDS: &'static [(&'static str, usize)] = &[];
            fn describe(__baobiao_field: __bb::Field) -> __bb::Node {
                __bb::Node { field: __baobiao_field, kind: __bb::NodeKind::Text }
            }
            fn each_cell<M: __bb::Mode, V: __bb::Visit<M>>(_: M::Of<'_, Self>, _: usize, _: &mut V) {}
            fn add_column<M: __bb::Mode, A: __bb::Accumulate<M>>(_: M::Of<'_, Self>, _: usize, _: usize, _: &mut A, _: bool) {}
            fn add_all<M: __bb::Mode, A: __bb::Accumulate<M>>(_: M::Of<'_, Self>, _: usize, _: &mut A, _: bool) {}
            fn rules<M: __bb::Mode, S: __bb::Sink<M>>(_: M::Of<'_, Self>, _: usize, _: &mut S) {}
        }
        #form
    }
}

/// Field accesses for every `check` path that starts at a real field: a misspelt inner field
/// becomes the compiler's own error at the misspelt token.
pub fn field_probes(c: &Container<'_>) -> TokenStream {
    let ident = c.ident;
    if c.fields.is_empty() {
        return TokenStream::new();
    }
    let probes = c
        .checks
        .iter()
        .flat_map(|check| check.terms())
        .filter_map(|term| match &term.operand {
            Operand::Path(path) | Operand::Rows { rows: path, .. }
                if path.len() > 1 && c.fields.iter().any(|f| *f.ident == path[0]) =>
            {
                let span = path[0].span();
                Some(quote_spanned! {span=>
                    let _ = |__baobiao_s: &#ident| { let _ = &__baobiao_s #(.#path)*; };
                })
            }
            _ => None,
        });
    quote! {
        const _: () = { #(#probes)* };
    }
}
