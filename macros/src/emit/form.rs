//! `Component` and `Form` impls of a checked struct, and the `const` assertions of its rules.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{num_tokens, opt_str};
use crate::model::{Check, Container, Field, Operand, Range, Role, RuleMeta, Severity, WhenValue};

pub fn impls(c: &Container<'_>) -> TokenStream {
    let ident = c.ident;
    let name = ident.to_string();
    let rename_all = c.serde_rename_all.as_ref().map(|r| r.value.as_str());
    let fields: Vec<&Field<'_>> = c.fields.iter().filter(|f| f.skip.is_none()).collect();

    let shape = if c.columns.is_some() {
        let entries = fields.iter().map(|f| {
            let ty = f.ty;
            let name = f.ident.to_string();
            quote_spanned!(ty.span()=> (#name, <#ty as __bb::Component>::SHAPE))
        });
        quote!(__bb::Shape::row(&[#(#entries),*]))
    } else {
        let entries = fields.iter().map(|f| {
            let ty = f.ty;
            quote_spanned!(ty.span()=> <#ty as __bb::Component>::SHAPE)
        });
        quote!(__bb::Shape::group(&[#(#entries),*]))
    };

    let field_nodes = fields
        .iter()
        .map(|f| field_node(f, rename_all, c.serde_default));
    let checks = c.checks.iter().map(check_decl);
    let ranges = c.ranges.iter().map(range_decl);
    let form_name = opt_str(c.name.as_ref().map(|n| &n.value));
    let label = opt_str(c.label.as_ref().map(|l| &l.value));
    let corner = opt_str(c.corner.as_ref().map(|l| &l.value));
    let doc = opt_str(c.doc.as_ref());
    let columns = c.columns.is_some();
    let table = c.table.is_some();
    let unit_column = c.unit_column.is_some();
    let traversal = super::traverse::component_items(c, &fields);
    let schema = super::schema::impls(c, &fields);
    // Each field's cells evaluated on its own, so that a type a field cannot have (repeated
    // rows of a struct that is not a row) is an error at that field.
    let field_cells = fields.iter().map(|f| {
        let ty = f.ty;
        // A cell that may be absent needs the serde attributes that tell absent from blank.
        let absent = f.serde_default && f.serde_present && f.serde_skip_none;
        quote_spanned! {ty.span()=>
            const _: usize = <#ty as __bb::Component>::CELLS;
            const _: () = __bb::assert_absent_attributes::<#ty>(#absent);
        }
    });
    let assertions = field_cells
        .chain(total_assertions(&fields))
        .chain(c.checks.iter().map(|check| check_assertion(ident, check)))
        .chain(condition_assertions(c))
        .chain(previous_assertions(c));
    let rule_ids = rule_ids(c, &fields);

    quote! {
        #[automatically_derived]
        impl __bb::Component for #ident {
            const SHAPE: __bb::Shape = #shape;
            #rule_ids

            fn describe(__baobiao_field: __bb::Field) -> __bb::Node {
                __bb::Node {
                    field: __baobiao_field,
                    kind: __bb::NodeKind::Struct(__bb::Box::new(__bb::StructDecl {
                        name: #name,
                        path: ::core::concat!(::core::module_path!(), "::", #name),
                        form_name: #form_name,
                        label: #label,
                        corner: #corner,
                        doc: #doc,
                        columns: #columns,
                        table: #table,
                        unit_column: #unit_column,
                        fields: __bb::vec![#(#field_nodes),*],
                        checks: __bb::vec![#(#checks),*],
                        ranges: __bb::vec![#(#ranges),*],
                    })),
                }
            }

            #traversal
        }

        #[automatically_derived]
        impl __bb::Form for #ident {
            fn info() -> &'static __bb::FormInfo {
                static __BAOBIAO_INFO: __bb::OnceLock<__bb::FormInfo> = __bb::OnceLock::new();
                __bb::form_info::<Self>(&__BAOBIAO_INFO)
            }
        }

        #schema

        #(#assertions)*

        const _: () = __bb::assert_unique(<#ident as __bb::Component>::RULE_IDS);
    }
}

fn field_node(f: &Field<'_>, rename_all: Option<&str>, container_default: bool) -> TokenStream {
    let ty = f.ty;
    let ident = f.ident.to_string();
    let ident = ident.strip_prefix("r#").unwrap_or(&ident).to_owned();
    let key = f.key(rename_all);
    let label = opt_str(f.label.as_ref().map(|l| &l.value));
    let aliases = f.aliases.iter().map(|a| &a.value);
    let doc = opt_str(f.doc.as_ref());
    let unit = opt_str(f.unit.as_ref().map(|u| &u.value));
    let unit_unstated = f.unit_unstated;
    let total = match &f.total {
        Some(total) => {
            let meta = rule_meta(&total.meta);
            quote!(__bb::Some(#meta))
        }
        None => quote!(__bb::None),
    };
    let ranges = f.ranges.iter().map(range_decl);
    let required = f.required(container_default);
    let plain = f.plain.is_some();
    let reporter = f.reporter.is_some();
    let period = f.period.is_some();
    let previous = match &f.previous {
        Some(previous) => {
            let meta = rule_meta(&previous.meta);
            let counterpart = previous.counterpart.to_string();
            quote!(__bb::Some(__bb::PreviousDecl { counterpart: #counterpart, meta: #meta }))
        }
        None => quote!(__bb::None),
    };
    let role = match f.role.as_ref().map(|r| &r.value) {
        None => quote!(Part),
        Some(Role::Title(patterns)) => {
            let patterns = patterns.iter().map(|p| &p.value);
            quote!(Title { patterns: &[#(#patterns),*] })
        }
        Some(Role::Preamble) => quote!(Preamble),
        Some(Role::Section) => quote!(Section),
        Some(Role::Meta) => quote!(Meta),
    };
    quote_spanned! {ty.span()=>
        <#ty as __bb::Component>::describe(__bb::Field {
            ident: #ident,
            key: #key,
            label: #label,
            aliases: &[#(#aliases),*],
            doc: #doc,
            unit: #unit,
            unit_unstated: #unit_unstated,
            total: #total,
            ranges: __bb::vec![#(#ranges),*],
            role: __bb::Role::#role,
            required: #required,
            plain: #plain,
            reporter: #reporter,
            period: #period,
            previous: #previous,
        })
    }
}

fn rule_meta(meta: &RuleMeta) -> TokenStream {
    let id = opt_str(meta.id.as_ref().map(|i| &i.value));
    let message = opt_str(meta.message.as_ref().map(|m| &m.value));
    let message_en = opt_str(meta.message_en.as_ref().map(|m| &m.value));
    let severity = match meta.severity.as_ref().map(|s| s.value) {
        None | Some(Severity::Error) => quote!(Error),
        Some(Severity::Warning) => quote!(Warning),
        Some(Severity::Info) => quote!(Info),
    };
    let decimals = match &meta.decimals {
        Some(places) => {
            let places = places.value;
            quote!(__bb::Some(#places))
        }
        None => quote!(__bb::None),
    };
    let when = match &meta.when {
        Some(when) => {
            let names = when.path.iter().map(ToString::to_string);
            let text = &when.text;
            let wanted = match &when.wanted {
                WhenValue::Flag(flag) => quote!(__bb::Wanted::Flag(#flag)),
                WhenValue::Option(option) => quote!(__bb::wanted_option(&#option)),
                WhenValue::Number(number) => {
                    let number = num_tokens(&number.value);
                    quote!(__bb::Wanted::Number(#number))
                }
            };
            quote!(__bb::Some(__bb::WhenDecl { path: &[#(#names),*], wanted: #wanted, text: #text }))
        }
        None => quote!(__bb::None),
    };
    quote! {
        __bb::RuleMeta {
            id: #id,
            severity: __bb::Severity::#severity,
            message: #message,
            message_en: #message_en,
            decimals: #decimals,
            when: #when,
        }
    }
}

fn check_decl(check: &Check) -> TokenStream {
    let meta = rule_meta(&check.meta);
    let expr = check.text();
    let terms = |side: &[crate::model::Term]| {
        let terms = side.iter().map(|t| {
            let negative = t.negative;
            let operand = match &t.operand {
                Operand::Path(path) => {
                    let names = path.iter().map(ToString::to_string);
                    quote!(__bb::OperandDecl::Path(&[#(#names),*]))
                }
                Operand::Rows { rows, column } => {
                    let names = rows.iter().map(ToString::to_string);
                    let column = opt_str(column.as_ref().map(ToString::to_string).as_ref());
                    quote!(__bb::OperandDecl::Rows(&[#(#names),*], #column))
                }
                Operand::Literal(n) => {
                    let value = num_tokens(&n.value);
                    quote!(__bb::OperandDecl::Literal(#value))
                }
            };
            let factor = match &t.factor {
                Some(n) => {
                    let value = num_tokens(&n.value);
                    quote!(__bb::Some(#value))
                }
                None => quote!(__bb::None),
            };
            quote!(__bb::TermDecl { negative: #negative, operand: #operand, factor: #factor })
        });
        quote!(__bb::vec![#(#terms),*])
    };
    let lhs = terms(&check.lhs);
    let rhs = terms(&check.rhs);
    // Evaluated at compile time: an operator the runtime does not know is an error here.
    let symbol = check.op.value;
    let op = quote_spanned!(check.op.span=> const { __bb::Op::from_symbol(#symbol) });
    quote! {
        __bb::CheckDecl { meta: #meta, expr: #expr, lhs: #lhs, op: #op, rhs: #rhs }
    }
}

fn range_decl(range: &Range) -> TokenStream {
    let meta = rule_meta(&range.meta);
    let bound = |n: &Option<crate::model::Sp<crate::model::Number>>| match n {
        Some(n) => {
            let value = num_tokens(&n.value);
            quote!(__bb::Some(#value))
        }
        None => quote!(__bb::None),
    };
    let (min, max) = (bound(&range.min), bound(&range.max));
    quote!(__bb::RangeDecl { meta: #meta, min: #min, max: #max })
}

/// `Component::RULE_IDS`: the ids this struct declares and those of its fields' types, sorted,
/// each (id, meaning, struct) once.
fn rule_ids(c: &Container<'_>, fields: &[&Field<'_>]) -> TokenStream {
    let name = c.ident.to_string();
    let own = c.declared_ids().into_iter().map(|(id, meaning)| {
        let id = &id.value;
        quote!(__bb::RuleId {
            id: #id,
            meaning: #meaning,
            path: ::core::concat!(::core::module_path!(), "::", #name),
        })
    });
    let parts = fields.iter().map(|f| {
        let ty = f.ty;
        quote_spanned!(ty.span()=> <#ty as __bb::Component>::RULE_IDS)
    });
    let own_rules = c.rule_metas().next().is_some();
    let has_rules = fields.iter().map(|f| {
        let ty = f.ty;
        quote_spanned!(ty.span()=> <#ty as __bb::Component>::HAS_RULES)
    });
    quote! {
        const HAS_RULES: bool = #own_rules #(|| #has_rules)*;
        const RULE_IDS: &'static [__bb::RuleId] = &{
            const PARTS: &[&[__bb::RuleId]] = &[&[#(#own),*], #(#parts),*];
            // Bounded work (n log n in the ids), long only for forms of thousands of rules.
            #[allow(long_running_const_eval)]
            const SORTED: [__bb::RuleId; __bb::count(PARTS)] =
                __bb::sorted::<{ __bb::count(PARTS) }>(PARTS);
            __bb::distinct::<{ __bb::distinct_len(&SORTED) }>(&SORTED)
        };
    }
}

/// `const` assertions that a `total` can be summed from its siblings; spanned at `total`.
fn total_assertions(fields: &[&Field<'_>]) -> Vec<TokenStream> {
    fields
        .iter()
        .filter_map(|f| f.total.as_ref().map(|t| (f, t)))
        .map(|(f, total)| {
            let ty = f.ty;
            let siblings = fields
                .iter()
                .filter(|s| s.ident != f.ident)
                .map(|s| s.ty)
                .map(|ty| quote!(<#ty as __bb::Component>::SHAPE));
            quote_spanned! {total.span=>
                const _: () = __bb::assert_total(
                    <#ty as __bb::Component>::SHAPE,
                    &[#(#siblings),*],
                );
            }
        })
        .collect()
}

/// `const` assertions that each step of a nested `when(a.b)` path is a field the form sees
/// (the derive checks the first step itself); spanned at the condition.
fn condition_assertions(c: &Container<'_>) -> Vec<TokenStream> {
    let ident = c.ident;
    let metas = c.rule_metas();
    let mut out = Vec::new();
    for when in metas.filter_map(|m| m.when.as_ref()) {
        for k in 1..when.path.len() {
            let before = &when.path[..k];
            let name = when.path[k].to_string();
            out.push(quote_spanned! {when.span=>
                const _: () = __bb::assert_form_field::<#ident, _>(|__baobiao_s| &__baobiao_s #(.#before)*, #name);
            });
        }
    }
    out
}

/// A field and the counterpart `previous` names have one type, so their cells pair one to one;
/// a mismatch is the compiler's error at the counterpart.
fn previous_assertions(c: &Container<'_>) -> Vec<TokenStream> {
    let ident = c.ident;
    c.fields
        .iter()
        .filter(|f| f.skip.is_none())
        .filter_map(|f| {
            let previous = f.previous.as_ref()?;
            let (ty, counterpart) = (f.ty, &previous.counterpart);
            Some(quote_spanned! {counterpart.span()=>
                const _: fn(&#ident) = |__baobiao_s| {
                    let _: &#ty = &__baobiao_s.#counterpart;
                };
            })
        })
        .collect()
}

/// A `const` assertion that a check's operands line up. Each operand is reached through a
/// closure, so a misspelt inner field is the compiler's error at the misspelt token.
fn check_assertion(ident: &syn::Ident, check: &Check) -> TokenStream {
    let operands = check.terms().filter_map(|t| match &t.operand {
        Operand::Path(path) => Some(quote!(
            __bb::shape_of::<#ident, _>(|__baobiao_s| &__baobiao_s #(.#path)*)
        )),
        Operand::Rows { rows, column } => {
            let span = super::traverse::rows_span(rows, column.as_ref());
            let column = opt_str(column.as_ref().map(ToString::to_string).as_ref());
            Some(quote_spanned!(span=>
                __bb::rows_shape::<#ident, _>(|__baobiao_s| &__baobiao_s #(.#rows)*, #column)
            ))
        }
        Operand::Literal(_) => None,
    });
    quote_spanned! {check.span=>
        const _: () = __bb::assert_elementwise(&[#(#operands),*]);
    }
}
