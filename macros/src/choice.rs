//! `#[derive(Choice)]`: a fieldless enum as a choice among labelled options. Each variant's
//! label is `#[form(label = "..")]` (else its name); its key in JSON follows serde's `rename`
//! and `rename_all`, as the user's serde derive does.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ctxt::Ctxt;
use crate::symbol::{CRATE, FORM, LABEL, SERDE};

struct Option_ {
    ident: syn::Ident,
    key: String,
    label: String,
}

/// The whole derive: impls of `Choice`, `Component` and `JsonSchema`, or the errors.
pub fn derive(input: &syn::DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let mut krate: syn::Path = syn::parse_quote!(::baobiao);
    let mut rename_all = None;
    for attr in &input.attrs {
        if attr.path().is_ident(SERDE) {
            let _ = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename_all") {
                    let value: syn::LitStr = meta.value()?.parse()?;
                    rename_all = Some(value.value());
                } else if meta.input.peek(syn::Token![=]) {
                    let _: syn::Expr = meta.value()?.parse()?;
                }
                Ok(())
            });
        } else if attr.path().is_ident(FORM) {
            let parsed = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident(CRATE) {
                    let value: syn::LitStr = meta.value()?.parse()?;
                    krate = value.parse()?;
                    Ok(())
                } else {
                    Err(meta
                        .error("a choice takes `crate = \"..\"` here; labels go on its variants"))
                }
            });
            if let Err(err) = parsed {
                cx.syn_error(err);
            }
        }
    }
    let options = match &input.data {
        syn::Data::Enum(data) => options(&cx, data, rename_all.as_deref()),
        _ => {
            cx.error_spanned_by(
                &input.ident,
                "`#[derive(Choice)]` is for an enum of options without fields, e.g. `enum SiteType { Portal, Department }`",
            );
            Vec::new()
        }
    };
    if let Some(generics) = input.generics.params.first() {
        cx.error_spanned_by(generics, "a choice cannot be generic");
    }
    let body = match cx.check() {
        Ok(()) => impls(&input.ident, &options),
        Err(err) => err.to_compile_error(),
    };
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications)]
        const _: () = {
            use #krate::__private as __bb;
            #body
        };
    }
}

fn options(cx: &Ctxt, data: &syn::DataEnum, rename_all: Option<&str>) -> Vec<Option_> {
    if data.variants.is_empty() {
        cx.error_at(
            data.enum_token.span,
            "a choice needs at least one option (a variant)",
        );
    }
    let mut out: Vec<Option_> = Vec::new();
    for variant in &data.variants {
        if !matches!(variant.fields, syn::Fields::Unit) {
            cx.error_spanned_by(
                &variant.fields,
                "an option of a choice has no fields; write the variant alone",
            );
        }
        let ident = variant.ident.clone();
        let name = ident.to_string();
        let mut key = rename_all
            .and_then(|rule| rename_variant(rule, &name))
            .unwrap_or_else(|| name.clone());
        let mut label = None;
        for attr in &variant.attrs {
            if attr.path().is_ident(SERDE) {
                let _ = attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("rename") && meta.input.peek(syn::Token![=]) {
                        let value: syn::LitStr = meta.value()?.parse()?;
                        key = value.value();
                    } else if meta.input.peek(syn::Token![=]) {
                        let _: syn::Expr = meta.value()?.parse()?;
                    }
                    Ok(())
                });
            } else if attr.path().is_ident(FORM) {
                let parsed = attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident(LABEL) {
                        let value: syn::LitStr = meta.value()?.parse()?;
                        if label.replace(value.value()).is_some() {
                            return Err(meta.error("duplicate `label`; remove one of them"));
                        }
                        Ok(())
                    } else {
                        Err(meta.error("an option takes `label = \"..\"`"))
                    }
                });
                if let Err(err) = parsed {
                    cx.syn_error(err);
                }
            }
        }
        let label = label.unwrap_or_else(|| name.clone());
        if let Some(first) = out.iter().find(|o| o.label == label) {
            cx.error_spanned_by(
                &variant.ident,
                format!(
                    "two options are labelled {label:?} (`{}` and `{name}`): a reader could not tell them apart",
                    first.ident
                ),
            );
        }
        out.push(Option_ { ident, key, label });
    }
    out
}

/// serde's `rename_all` rules as they apply to a variant (`PascalCase` as written).
fn rename_variant(rule: &str, variant: &str) -> Option<String> {
    let snake = || {
        let mut out = String::new();
        for (i, c) in variant.char_indices() {
            if c.is_uppercase() && i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        }
        out
    };
    Some(match rule {
        "lowercase" => variant.to_ascii_lowercase(),
        "UPPERCASE" => variant.to_ascii_uppercase(),
        "PascalCase" => variant.to_owned(),
        "camelCase" => {
            let mut chars = variant.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().collect::<String>() + chars.as_str())
                .unwrap_or_default()
        }
        "snake_case" => snake(),
        "SCREAMING_SNAKE_CASE" => snake().to_ascii_uppercase(),
        "kebab-case" => snake().replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => snake().to_ascii_uppercase().replace('_', "-"),
        _ => return None,
    })
}

fn impls(ident: &syn::Ident, options: &[Option_]) -> TokenStream {
    let name = ident.to_string();
    let identity = crate::emit::schema::identity(&name);
    let entries = options.iter().map(|o| {
        let (key, label) = (&o.key, &o.label);
        quote!(__bb::ChoiceOption { key: #key, label: #label })
    });
    let arms = options.iter().enumerate().map(|(i, o)| {
        let variant = &o.ident;
        quote!(#ident::#variant => #i)
    });
    quote! {
        #[automatically_derived]
        impl __bb::Choice for #ident {
            const OPTIONS: &'static [__bb::ChoiceOption] = &[#(#entries),*];
            fn position(&self) -> usize {
                match self { #(#arms),* }
            }
        }

        #[automatically_derived]
        impl __bb::Component for #ident {
            const SHAPE: __bb::Shape = __bb::Shape::Text;
            const CELLS: usize = 0;
            const KINDS: u8 = 0;
            const FIELDS: &'static [(&'static str, usize)] = &[];
            fn describe(__baobiao_field: __bb::Field) -> __bb::Node {
                __bb::Node {
                    field: __baobiao_field,
                    kind: __bb::NodeKind::Choice(<Self as __bb::Choice>::OPTIONS),
                }
            }
            #[inline(always)]
            fn each_cell<__BbM: __bb::Mode, __BbV: __bb::Visit<__BbM>>(
                _: __BbM::Of<'_, Self>, _: usize, _: &mut __BbV,
            ) {}
            #[inline(always)]
            fn add_column<__BbM: __bb::Mode, __BbA: __bb::Accumulate<__BbM>>(
                _: __BbM::Of<'_, Self>, _: usize, _: usize, _: &mut __BbA, _: bool,
            ) {}
            #[inline(always)]
            fn add_all<__BbM: __bb::Mode, __BbA: __bb::Accumulate<__BbM>>(
                _: __BbM::Of<'_, Self>, _: usize, _: &mut __BbA, _: bool,
            ) {}
            #[inline(always)]
            fn rules<__BbM: __bb::Mode, __BbS: __bb::Sink<__BbM>>(
                _: __BbM::Of<'_, Self>, _: usize, _: &mut __BbS,
            ) {}
        }

        #[automatically_derived]
        impl __bb::schemars::JsonSchema for #ident {
            #identity
            fn json_schema(_: &mut __bb::schemars::SchemaGenerator) -> __bb::schemars::Schema {
                __bb::choice_schema(<Self as __bb::Choice>::OPTIONS)
            }
        }
    }
}
