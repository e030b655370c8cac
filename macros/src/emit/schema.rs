//! `impl schemars::JsonSchema` of a checked struct: its fields' subschemas, handed to the
//! runtime's `schema::object` with the labels, docs and units of the declaration.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::opt_str;
use crate::model::{Container, Field};

pub fn impls(c: &Container<'_>, fields: &[&Field<'_>]) -> TokenStream {
    let ident = c.ident;
    let name = ident.to_string();
    let rename_all = c.serde_rename_all.as_ref().map(|r| r.value.as_str());
    let properties = fields.iter().map(|f| {
        let ty = f.ty;
        let key = f.key(rename_all);
        let label = opt_str(f.label.as_ref().map(|l| &l.value));
        let aliases = f.aliases.iter().map(|a| &a.value);
        let doc = opt_str(f.doc.as_ref());
        let unit = opt_str(f.unit.as_ref().map(|u| &u.value));
        let required = f.required(c.serde_default);
        quote_spanned! {ty.span()=>
            __bb::Property {
                key: #key,
                label: #label,
                aliases: &[#(#aliases),*],
                doc: #doc,
                unit: #unit,
                required: #required,
                schema: __baobiao_generator.subschema_for::<#ty>(),
            }
        }
    });
    let label = opt_str(c.label.as_ref().map(|l| &l.value));
    let doc = opt_str(c.doc.as_ref());
    let deny = c.serde_deny_unknown_fields;
    let identity = identity(&name);
    quote! {
        #[automatically_derived]
        impl __bb::schemars::JsonSchema for #ident {
            #identity

            fn json_schema(
                __baobiao_generator: &mut __bb::schemars::SchemaGenerator,
            ) -> __bb::schemars::Schema {
                let __baobiao_nesting = __bb::Nesting::enter();
                let mut __baobiao_schema = __bb::object(
                    __bb::Object { label: #label, doc: #doc, deny_unknown_fields: #deny },
                    __bb::vec![#(#properties),*],
                );
                if __baobiao_nesting.is_root() {
                    __bb::add_form_extensions::<Self>(&mut __baobiao_schema);
                }
                __baobiao_schema
            }
        }
    }
}

/// `schema_name` and `schema_id` of a derived type's `JsonSchema`: its Rust name, and its path
/// (two types of one name in two modules are two schemas).
pub fn identity(name: &str) -> TokenStream {
    quote! {
        fn schema_name() -> __bb::Cow<'static, str> {
            __bb::Cow::Borrowed(#name)
        }

        fn schema_id() -> __bb::Cow<'static, str> {
            __bb::Cow::Borrowed(::core::concat!(::core::module_path!(), "::", #name))
        }
    }
}
