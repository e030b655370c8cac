#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications, clippy::needless_borrow)]
const _: () = {
    use ::baobiao::__private as __bb;
    #[automatically_derived]
    impl __bb::Component for Table {
        const SHAPE: __bb::Shape = __bb::Shape::group(
            &[
                <Row as __bb::Component>::SHAPE,
                <Row as __bb::Component>::SHAPE,
                <Row as __bb::Component>::SHAPE,
            ],
        );
        const HAS_RULES: bool = true || <Row as __bb::Component>::HAS_RULES
            || <Row as __bb::Component>::HAS_RULES
            || <Row as __bb::Component>::HAS_RULES;
        const RULE_IDS: &'static [__bb::RuleId] = &{
            const PARTS: &[&[__bb::RuleId]] = &[
                &[
                    __bb::RuleId {
                        id: "T",
                        meaning: "check a + b == sum - 1",
                        path: ::core::concat!(::core::module_path!(), "::", "Table"),
                    },
                ],
                <Row as __bb::Component>::RULE_IDS,
                <Row as __bb::Component>::RULE_IDS,
                <Row as __bb::Component>::RULE_IDS,
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
                        name: "Table",
                        path: ::core::concat!(::core::module_path!(), "::", "Table"),
                        form_name: __bb::None,
                        label: __bb::None,
                        corner: __bb::None,
                        doc: __bb::None,
                        columns: false,
                        table: false,
                        unit_column: false,
                        fields: __bb::vec![
                            < Row as __bb::Component > ::describe(__bb::Field { ident :
                            "a", key : "a", label : __bb::Some("甲"), aliases : & [],
                            doc : __bb::None, unit : __bb::None, unit_unstated : false,
                            total : __bb::None, ranges : __bb::vec![], role :
                            __bb::Role::Part, required : true, plain : false, reporter :
                            false, period : false, previous : __bb::None, }), < Row as
                            __bb::Component > ::describe(__bb::Field { ident : "b", key :
                            "B", label : __bb::Some("乙"), aliases : & ["乙项"], doc :
                            __bb::None, unit : __bb::None, unit_unstated : false, total :
                            __bb::None, ranges : __bb::vec![], role : __bb::Role::Part,
                            required : true, plain : false, reporter : false, period :
                            false, previous : __bb::None, }), < Row as __bb::Component >
                            ::describe(__bb::Field { ident : "sum", key : "sum", label :
                            __bb::Some("和"), aliases : & [], doc : __bb::None, unit :
                            __bb::None, unit_unstated : false, total : __bb::None, ranges
                            : __bb::vec![], role : __bb::Role::Part, required : true,
                            plain : false, reporter : false, period : false, previous :
                            __bb::None, })
                        ],
                        checks: __bb::vec![
                            __bb::CheckDecl { meta : __bb::RuleMeta { id :
                            __bb::Some("T"), severity : __bb::Severity::Error, message :
                            __bb::None, message_en : __bb::None, decimals : __bb::None,
                            when : __bb::None, }, expr : "a + b == sum - 1", lhs :
                            __bb::vec![__bb::TermDecl { negative : false, operand :
                            __bb::OperandDecl::Path(& ["a"]), factor : __bb::None },
                            __bb::TermDecl { negative : false, operand :
                            __bb::OperandDecl::Path(& ["b"]), factor : __bb::None }], op
                            : const { __bb::Op::from_symbol("==") }, rhs :
                            __bb::vec![__bb::TermDecl { negative : false, operand :
                            __bb::OperandDecl::Path(& ["sum"]), factor : __bb::None },
                            __bb::TermDecl { negative : true, operand :
                            __bb::OperandDecl::Literal(__bb::Num::Int(1i128)), factor :
                            __bb::None }] }
                        ],
                        ranges: __bb::vec![
                            __bb::RangeDecl { meta : __bb::RuleMeta { id : __bb::None,
                            severity : __bb::Severity::Error, message : __bb::None,
                            message_en : __bb::None, decimals : __bb::None, when :
                            __bb::None, }, min : __bb::Some(__bb::Num::Int(0i128)), max :
                            __bb::None }
                        ],
                    }),
                ),
            }
        }
        const CELLS: usize = 0usize + <Row as __bb::Component>::CELLS
            + <Row as __bb::Component>::CELLS + <Row as __bb::Component>::CELLS;
        const KINDS: u8 = 0u8 | <Row as __bb::Component>::KINDS
            | <Row as __bb::Component>::KINDS | <Row as __bb::Component>::KINDS;
        const FIELDS: &'static [(&'static str, usize)] = &[
            ("a", 0usize),
            ("b", 0usize + <Row as __bb::Component>::CELLS),
            (
                "sum",
                0usize + <Row as __bb::Component>::CELLS
                    + <Row as __bb::Component>::CELLS,
            ),
        ];
        #[inline]
        fn each_cell<__BbM: __bb::Mode, __BbV: __bb::Visit<__BbM>>(
            __baobiao_this: __BbM::Of<'_, Self>,
            __baobiao_at: usize,
            __baobiao_visit: &mut __BbV,
        ) {
            <Row as __bb::Component>::each_cell::<
                __BbM,
                __BbV,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.a,
                ),
                __baobiao_at + 0usize,
                __baobiao_visit,
            );
            <Row as __bb::Component>::each_cell::<
                __BbM,
                __BbV,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.b,
                ),
                __baobiao_at + 0usize + <Row as __bb::Component>::CELLS,
                __baobiao_visit,
            );
            <Row as __bb::Component>::each_cell::<
                __BbM,
                __BbV,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.sum,
                ),
                __baobiao_at + 0usize + <Row as __bb::Component>::CELLS
                    + <Row as __bb::Component>::CELLS,
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
            <Row as __bb::Component>::add_column::<
                __BbM,
                __BbA,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.a,
                ),
                __baobiao_at + 0usize,
                __baobiao_column,
                __baobiao_acc,
                __baobiao_negative,
            );
            <Row as __bb::Component>::add_column::<
                __BbM,
                __BbA,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.b,
                ),
                __baobiao_at + 0usize + <Row as __bb::Component>::CELLS,
                __baobiao_column,
                __baobiao_acc,
                __baobiao_negative,
            );
            <Row as __bb::Component>::add_column::<
                __BbM,
                __BbA,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.sum,
                ),
                __baobiao_at + 0usize + <Row as __bb::Component>::CELLS
                    + <Row as __bb::Component>::CELLS,
                __baobiao_column,
                __baobiao_acc,
                __baobiao_negative,
            );
        }
        #[inline(always)]
        fn add_all<__BbM: __bb::Mode, __BbA: __bb::Accumulate<__BbM>>(
            __baobiao_this: __BbM::Of<'_, Self>,
            __baobiao_at: usize,
            __baobiao_acc: &mut __BbA,
            __baobiao_negative: bool,
        ) {
            <Row as __bb::Component>::add_all::<
                __BbM,
                __BbA,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.a,
                ),
                __baobiao_at + 0usize,
                __baobiao_acc,
                __baobiao_negative,
            );
            <Row as __bb::Component>::add_all::<
                __BbM,
                __BbA,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.b,
                ),
                __baobiao_at + 0usize + <Row as __bb::Component>::CELLS,
                __baobiao_acc,
                __baobiao_negative,
            );
            <Row as __bb::Component>::add_all::<
                __BbM,
                __BbA,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.sum,
                ),
                __baobiao_at + 0usize + <Row as __bb::Component>::CELLS
                    + <Row as __bb::Component>::CELLS,
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
            {
                let __baobiao_gate = __bb::Gate::Open;
                const __BAOBIAO_WIDTH: usize = __bb::widest(
                    &[
                        __bb::cells_of::<Table, _>(|__baobiao_s| &__baobiao_s.a),
                        __bb::cells_of::<Table, _>(|__baobiao_s| &__baobiao_s.b),
                        __bb::cells_of::<Table, _>(|__baobiao_s| &__baobiao_s.sum),
                    ],
                );
                const __BAOBIAO_ROWS: bool = __bb::any_row(
                    &[
                        __bb::shape_of::<Table, _>(|__baobiao_s| &__baobiao_s.a),
                        __bb::shape_of::<Table, _>(|__baobiao_s| &__baobiao_s.b),
                        __bb::shape_of::<Table, _>(|__baobiao_s| &__baobiao_s.sum),
                    ],
                );
                for __baobiao_c in 0..__BAOBIAO_WIDTH {
                    let mut __baobiao_lhs: __BbS::Side = __bb::Default::default();
                    let mut __baobiao_rhs: __BbS::Side = __bb::Default::default();
                    __bb::add_column_of::<
                        __BbM,
                        Self,
                        _,
                        _,
                    >(
                        __baobiao_this,
                        |__baobiao_s: &Self| &__baobiao_s.a,
                        __baobiao_at + const { 0usize },
                        __baobiao_c,
                        &mut __baobiao_lhs,
                        false,
                    );
                    __bb::add_column_of::<
                        __BbM,
                        Self,
                        _,
                        _,
                    >(
                        __baobiao_this,
                        |__baobiao_s: &Self| &__baobiao_s.b,
                        __baobiao_at
                            + const { 0usize + <Row as __bb::Component>::CELLS },
                        __baobiao_c,
                        &mut __baobiao_lhs,
                        false,
                    );
                    __bb::add_column_of::<
                        __BbM,
                        Self,
                        _,
                        _,
                    >(
                        __baobiao_this,
                        |__baobiao_s: &Self| &__baobiao_s.sum,
                        __baobiao_at
                            + const {
                                0usize + <Row as __bb::Component>::CELLS
                                    + <Row as __bb::Component>::CELLS
                            },
                        __baobiao_c,
                        &mut __baobiao_rhs,
                        false,
                    );
                    __bb::Accumulate::<
                        __BbM,
                    >::constant(&mut __baobiao_rhs, __bb::Num::Int(1i128), true);
                    let __baobiao_column = if __BAOBIAO_ROWS {
                        __bb::Some(__baobiao_c)
                    } else {
                        __bb::None
                    };
                    __baobiao_sink
                        .compare(
                            __bb::Site {
                                declared_in: ::core::concat!(
                                    ::core::module_path!(), "::", "Table"
                                ),
                                rule: __bb::SiteRule::Check(0usize as u16),
                            },
                            __baobiao_at,
                            __baobiao_column,
                            __baobiao_lhs,
                            const { __bb::Op::from_symbol("==") },
                            __baobiao_rhs,
                            __baobiao_gate,
                            false,
                        );
                }
            }
            {
                const __BAOBIAO_BOUNDS: __bb::Bounds = __bb::Bounds::new(
                    __bb::Some(__bb::Num::Int(0i128)),
                    __bb::None,
                );
                __baobiao_sink
                    .range::<
                        Self,
                    >(
                        __bb::Site {
                            declared_in: ::core::concat!(
                                ::core::module_path!(), "::", "Table"
                            ),
                            rule: __bb::SiteRule::Range(0usize as u16),
                        },
                        __baobiao_this,
                        __baobiao_at,
                        &__BAOBIAO_BOUNDS,
                        __bb::Gate::Open,
                    );
            }
            <Row as __bb::Component>::rules::<
                __BbM,
                __BbS,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.a,
                ),
                __baobiao_at + 0usize,
                __baobiao_sink,
            );
            <Row as __bb::Component>::rules::<
                __BbM,
                __BbS,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.b,
                ),
                __baobiao_at + 0usize + <Row as __bb::Component>::CELLS,
                __baobiao_sink,
            );
            <Row as __bb::Component>::rules::<
                __BbM,
                __BbS,
            >(
                <__BbM as __bb::Mode>::reach(
                    __baobiao_this,
                    |__baobiao_s: &Self| &__baobiao_s.sum,
                ),
                __baobiao_at + 0usize + <Row as __bb::Component>::CELLS
                    + <Row as __bb::Component>::CELLS,
                __baobiao_sink,
            );
        }
    }
    #[automatically_derived]
    impl __bb::Form for Table {
        fn info() -> &'static __bb::FormInfo {
            static __BAOBIAO_INFO: __bb::OnceLock<__bb::FormInfo> = __bb::OnceLock::new();
            __bb::form_info::<Self>(&__BAOBIAO_INFO)
        }
    }
    #[automatically_derived]
    impl __bb::schemars::JsonSchema for Table {
        fn schema_name() -> __bb::Cow<'static, str> {
            __bb::Cow::Borrowed("Table")
        }
        fn schema_id() -> __bb::Cow<'static, str> {
            __bb::Cow::Borrowed(::core::concat!(::core::module_path!(), "::", "Table"))
        }
        fn json_schema(
            __baobiao_generator: &mut __bb::schemars::SchemaGenerator,
        ) -> __bb::schemars::Schema {
            let __baobiao_nesting = __bb::Nesting::enter();
            let mut __baobiao_schema = __bb::object(
                __bb::Object {
                    label: __bb::None,
                    doc: __bb::None,
                    deny_unknown_fields: false,
                },
                __bb::vec![
                    __bb::Property { key : "a", label : __bb::Some("甲"), aliases : &
                    [], doc : __bb::None, unit : __bb::None, required : true, schema :
                    __baobiao_generator.subschema_for:: < Row > (), }, __bb::Property {
                    key : "B", label : __bb::Some("乙"), aliases : & ["乙项"], doc :
                    __bb::None, unit : __bb::None, required : true, schema :
                    __baobiao_generator.subschema_for:: < Row > (), }, __bb::Property {
                    key : "sum", label : __bb::Some("和"), aliases : & [], doc :
                    __bb::None, unit : __bb::None, required : true, schema :
                    __baobiao_generator.subschema_for:: < Row > (), }
                ],
            );
            if __baobiao_nesting.is_root() {
                __bb::add_form_extensions::<Self>(&mut __baobiao_schema);
            }
            __baobiao_schema
        }
    }
    const _: usize = <Row as __bb::Component>::CELLS;
    const _: () = __bb::assert_absent_attributes::<Row>(false);
    const _: usize = <Row as __bb::Component>::CELLS;
    const _: () = __bb::assert_absent_attributes::<Row>(false);
    const _: usize = <Row as __bb::Component>::CELLS;
    const _: () = __bb::assert_absent_attributes::<Row>(false);
    const _: () = __bb::assert_elementwise(
        &[
            __bb::shape_of::<Table, _>(|__baobiao_s| &__baobiao_s.a),
            __bb::shape_of::<Table, _>(|__baobiao_s| &__baobiao_s.b),
            __bb::shape_of::<Table, _>(|__baobiao_s| &__baobiao_s.sum),
        ],
    );
    const _: () = __bb::assert_unique(<Table as __bb::Component>::RULE_IDS);
};
