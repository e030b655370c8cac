#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications, clippy::needless_borrow)]
const _: () = {
    use ::baobiao::__private as __bb;
    #[automatically_derived]
    impl __bb::Component for Row {
        const SHAPE: __bb::Shape = __bb::Shape::row(
            &[
                ("people", <Count as __bb::Component>::SHAPE),
                ("total", <Count as __bb::Component>::SHAPE),
            ],
        );
        const HAS_RULES: bool = true || <Count as __bb::Component>::HAS_RULES
            || <Count as __bb::Component>::HAS_RULES;
        const RULE_IDS: &'static [__bb::RuleId] = &{
            const PARTS: &[&[__bb::RuleId]] = &[
                &[
                    __bb::RuleId {
                        id: "ROW",
                        meaning: "total total == people",
                        path: ::core::concat!(::core::module_path!(), "::", "Row"),
                    },
                ],
                <Count as __bb::Component>::RULE_IDS,
                <Count as __bb::Component>::RULE_IDS,
            ];
            #[allow(long_running_const_eval)]
            const SORTED: [__bb::RuleId; __bb::count(PARTS)] = __bb::sorted::<
                { __bb::count(PARTS) },
            >(PARTS);
            __bb::distinct::<{ __bb::distinct_len(&SORTED) }>(&SORTED)
        };
        fn describe(__baobiao_field: __bb::Field) -> __bb::Node {
            __bb::Node {
                field: __baobiao_field,
                kind: __bb::NodeKind::Struct(
                    __bb::Box::new(__bb::StructDecl {
                        name: "Row",
                        path: ::core::concat!(::core::module_path!(), "::", "Row"),
                        form_name: __bb::None,
                        label: __bb::Some("申请人情况"),
                        corner: __bb::None,
                        doc: __bb::None,
                        columns: true,
                        table: false,
                        unit_column: false,
                        fields: __bb::vec![
                            < Count as __bb::Component > ::describe(__bb::Field { ident :
                            "people", key : "people", label : __bb::Some("自然人"),
                            aliases : & [], doc : __bb::None, unit : __bb::None,
                            unit_unstated : false, total : __bb::None, ranges :
                            __bb::vec![], role : __bb::Role::Part, required : true, plain
                            : false, reporter : false, period : false, previous :
                            __bb::None, }), < Count as __bb::Component >
                            ::describe(__bb::Field { ident : "total", key : "total",
                            label : __bb::Some("总计"), aliases : & [], doc :
                            __bb::None, unit : __bb::None, unit_unstated : false, total :
                            __bb::Some(__bb::RuleMeta { id : __bb::Some("ROW"), severity
                            : __bb::Severity::Error, message : __bb::None, message_en :
                            __bb::None, decimals : __bb::None, when : __bb::None, }),
                            ranges : __bb::vec![], role : __bb::Role::Part, required :
                            true, plain : false, reporter : false, period : false,
                            previous : __bb::None, })
                        ],
                        checks: __bb::vec![],
                        ranges: __bb::vec![],
                    }),
                ),
            }
        }
        const CELLS: usize = 0usize + <Count as __bb::Component>::CELLS
            + <Count as __bb::Component>::CELLS;
        const KINDS: u8 = 0u8 | <Count as __bb::Component>::KINDS
            | <Count as __bb::Component>::KINDS;
        const FIELDS: &'static [(&'static str, usize)] = &[
            ("people", 0usize),
            ("total", 0usize + <Count as __bb::Component>::CELLS),
        ];
        #[inline]
        fn each_cell<__BbM: __bb::Mode, __BbV: __bb::Visit<__BbM>>(
            __baobiao_this: __BbM::Of<'_, Self>,
            __baobiao_at: usize,
            __baobiao_visit: &mut __BbV,
        ) {
            <Count as __bb::Component>::each_cell::<
                __BbM,
                __BbV,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.people,
                ),
                __baobiao_at + 0usize,
                __baobiao_visit,
            );
            <Count as __bb::Component>::each_cell::<
                __BbM,
                __BbV,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.total,
                ),
                __baobiao_at + 0usize + <Count as __bb::Component>::CELLS,
                __baobiao_visit,
            );
        }
        #[inline(always)]
        fn add_column<__BbM: __bb::Mode, __BbA: __bb::Accumulate<__BbM>>(
            __baobiao_this: __BbM::Of<'_, Self>,
            __baobiao_at: usize,
            __baobiao_column: usize,
            __baobiao_acc: &mut __BbA,
            __baobiao_negative: bool,
        ) {
            const __BAOBIAO_FIELD_OF: [u8; <Row as __bb::Component>::CELLS] = __bb::field_of::<
                { <Row as __bb::Component>::CELLS },
            >(
                &[
                    0usize,
                    0usize + <Count as __bb::Component>::CELLS,
                    <Row as __bb::Component>::CELLS,
                ],
            );
            match __BAOBIAO_FIELD_OF.get(__baobiao_column).copied() {
                __bb::Some(0u8) => {
                    <Count as __bb::Component>::add_column::<
                        __BbM,
                        __BbA,
                    >(
                        <__BbM as __bb::Mode>::reach(
                            __baobiao_this,
                            |__baobiao_s: &Self| &__baobiao_s.people,
                        ),
                        __baobiao_at + 0usize,
                        __baobiao_column - (0usize),
                        __baobiao_acc,
                        __baobiao_negative,
                    )
                }
                __bb::Some(1u8) => {
                    <Count as __bb::Component>::add_column::<
                        __BbM,
                        __BbA,
                    >(
                        <__BbM as __bb::Mode>::reach(
                            __baobiao_this,
                            |__baobiao_s: &Self| &__baobiao_s.total,
                        ),
                        __baobiao_at + 0usize + <Count as __bb::Component>::CELLS,
                        __baobiao_column - (0usize + <Count as __bb::Component>::CELLS),
                        __baobiao_acc,
                        __baobiao_negative,
                    )
                }
                _ => {}
            }
        }
        #[inline(always)]
        fn add_all<__BbM: __bb::Mode, __BbA: __bb::Accumulate<__BbM>>(
            __baobiao_this: __BbM::Of<'_, Self>,
            __baobiao_at: usize,
            __baobiao_acc: &mut __BbA,
            __baobiao_negative: bool,
        ) {
            <Count as __bb::Component>::add_all::<
                __BbM,
                __BbA,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.total,
                ),
                __baobiao_at + 0usize + <Count as __bb::Component>::CELLS,
                __baobiao_acc,
                __baobiao_negative,
            );
        }
        #[inline]
        #[allow(unused_variables)]
        fn rules<__BbM: __bb::Mode, __BbS: __bb::Sink<__BbM>>(
            __baobiao_this: __BbM::Of<'_, Self>,
            __baobiao_at: usize,
            __baobiao_sink: &mut __BbS,
        ) {
            let __baobiao_gate = __bb::Gate::Open;
            if __bb::Shape::is_row(<Count as __bb::Component>::SHAPE) {
                for __baobiao_c in 0..<Count as __bb::Component>::CELLS {
                    let mut __baobiao_lhs: __BbS::Side = __bb::Default::default();
                    let mut __baobiao_rhs: __BbS::Side = __bb::Default::default();
                    <Count as __bb::Component>::add_column::<
                        __BbM,
                        _,
                    >(
                        <__BbM as __bb::Mode>::reach(
                            __baobiao_this,
                            |__baobiao_s: &Self| &__baobiao_s.total,
                        ),
                        __baobiao_at + 0usize + <Count as __bb::Component>::CELLS,
                        __baobiao_c,
                        &mut __baobiao_lhs,
                        false,
                    );
                    <Count as __bb::Component>::add_column::<
                        __BbM,
                        _,
                    >(
                        <__BbM as __bb::Mode>::reach(
                            __baobiao_this,
                            |__baobiao_s: &Self| &__baobiao_s.people,
                        ),
                        __baobiao_at + 0usize,
                        __baobiao_c,
                        &mut __baobiao_rhs,
                        false,
                    );
                    __baobiao_sink
                        .compare(
                            __bb::Site {
                                declared_in: ::core::concat!(
                                    ::core::module_path!(), "::", "Row"
                                ),
                                rule: __bb::SiteRule::Total(1usize as u16),
                            },
                            __baobiao_at,
                            __bb::Some(__baobiao_c),
                            __baobiao_lhs,
                            __bb::Op::Eq,
                            __baobiao_rhs,
                            __baobiao_gate,
                            false,
                        );
                }
            } else {
                let mut __baobiao_lhs: __BbS::Side = __bb::Default::default();
                let mut __baobiao_rhs: __BbS::Side = __bb::Default::default();
                <Count as __bb::Component>::add_all::<
                    __BbM,
                    _,
                >(
                    <__BbM as __bb::Mode>::reach(
                        __baobiao_this,
                        |__baobiao_s: &Self| &__baobiao_s.total,
                    ),
                    __baobiao_at + 0usize + <Count as __bb::Component>::CELLS,
                    &mut __baobiao_lhs,
                    false,
                );
                <Count as __bb::Component>::add_all::<
                    __BbM,
                    _,
                >(
                    <__BbM as __bb::Mode>::reach(
                        __baobiao_this,
                        |__baobiao_s: &Self| &__baobiao_s.people,
                    ),
                    __baobiao_at + 0usize,
                    &mut __baobiao_rhs,
                    false,
                );
                __baobiao_sink
                    .compare(
                        __bb::Site {
                            declared_in: ::core::concat!(
                                ::core::module_path!(), "::", "Row"
                            ),
                            rule: __bb::SiteRule::Total(1usize as u16),
                        },
                        __baobiao_at,
                        __bb::None,
                        __baobiao_lhs,
                        __bb::Op::Eq,
                        __baobiao_rhs,
                        __baobiao_gate,
                        false,
                    );
            }
            <Count as __bb::Component>::rules::<
                __BbM,
                __BbS,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.people,
                ),
                __baobiao_at + 0usize,
                __baobiao_sink,
            );
            <Count as __bb::Component>::rules::<
                __BbM,
                __BbS,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.total,
                ),
                __baobiao_at + 0usize + <Count as __bb::Component>::CELLS,
                __baobiao_sink,
            );
        }
    }
    #[automatically_derived]
    impl __bb::Form for Row {
        fn info() -> &'static __bb::FormInfo {
            static __BAOBIAO_INFO: __bb::OnceLock<__bb::FormInfo> = __bb::OnceLock::new();
            __bb::form_info::<Self>(&__BAOBIAO_INFO)
        }
    }
    #[automatically_derived]
    impl __bb::schemars::JsonSchema for Row {
        fn schema_name() -> __bb::Cow<'static, str> {
            __bb::Cow::Borrowed("Row")
        }
        fn schema_id() -> __bb::Cow<'static, str> {
            __bb::Cow::Borrowed(::core::concat!(::core::module_path!(), "::", "Row"))
        }
        fn json_schema(
            __baobiao_generator: &mut __bb::schemars::SchemaGenerator,
        ) -> __bb::schemars::Schema {
            let __baobiao_nesting = __bb::Nesting::enter();
            let mut __baobiao_schema = __bb::object(
                __bb::Object {
                    label: __bb::Some("申请人情况"),
                    doc: __bb::None,
                    deny_unknown_fields: false,
                },
                __bb::vec![
                    __bb::Property { key : "people", label : __bb::Some("自然人"),
                    aliases : & [], doc : __bb::None, unit : __bb::None, required : true,
                    schema : __baobiao_generator.subschema_for:: < Count > (), },
                    __bb::Property { key : "total", label : __bb::Some("总计"), aliases
                    : & [], doc : __bb::None, unit : __bb::None, required : true, schema
                    : __baobiao_generator.subschema_for:: < Count > (), }
                ],
            );
            if __baobiao_nesting.is_root() {
                __bb::add_form_extensions::<Self>(&mut __baobiao_schema);
            }
            __baobiao_schema
        }
    }
    const _: usize = <Count as __bb::Component>::CELLS;
    const _: () = __bb::assert_absent_attributes::<Count>(false);
    const _: usize = <Count as __bb::Component>::CELLS;
    const _: () = __bb::assert_absent_attributes::<Count>(false);
    const _: () = __bb::assert_total(
        <Count as __bb::Component>::SHAPE,
        &[<Count as __bb::Component>::SHAPE],
    );
    const _: () = __bb::assert_unique(<Row as __bb::Component>::RULE_IDS);
};
