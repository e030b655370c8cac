//! What the derive emits next to its errors: impls that keep uses of the type compiling, so
//! the user sees the real errors and not a cascade of "trait not implemented".

use proc_macro2::TokenStream;
use quote::quote;

pub fn impls(ident: &syn::Ident) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl __bb::Component for #ident {
            const SHAPE: __bb::Shape = __bb::Shape::Record;
            fn describe(__baobiao_field: __bb::Field) -> __bb::Node {
                __bb::Node { field: __baobiao_field, kind: __bb::NodeKind::Text }
            }
            fn collect_slots(&self, _: &mut __bb::Vec<__bb::Slot>) {}
        }
        #[automatically_derived]
        impl __bb::Form for #ident {
            fn info() -> &'static __bb::FormInfo {
                static __BAOBIAO_INFO: __bb::OnceLock<__bb::FormInfo> = __bb::OnceLock::new();
                __bb::form_info::<Self>(&__BAOBIAO_INFO)
            }
        }
    }
}
