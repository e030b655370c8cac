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
        fn describe(__baobiao_field: __bb::Field) -> __bb::Node {
            __bb::Node {
                field: __baobiao_field,
                kind: __bb::NodeKind::Struct(
                    __bb::Box::new(__bb::StructInfo {
                        name: "Table",
                        label: __bb::None,
                        corner: __bb::None,
                        doc: __bb::None,
                        columns: false,
                        fields: __bb::vec![
                            < Row as __bb::Component > ::describe(__bb::Field { ident :
                            "a", key : "a", label : __bb::Some("甲"), aliases : & [],
                            doc : __bb::None, unit : __bb::None, unit_unstated : false,
                            total : __bb::None, ranges : __bb::vec![], }), < Row as
                            __bb::Component > ::describe(__bb::Field { ident : "b", key :
                            "B", label : __bb::Some("乙"), aliases : & ["乙项"], doc :
                            __bb::None, unit : __bb::None, unit_unstated : false, total :
                            __bb::None, ranges : __bb::vec![], }), < Row as
                            __bb::Component > ::describe(__bb::Field { ident : "sum", key
                            : "sum", label : __bb::Some("和"), aliases : & [], doc :
                            __bb::None, unit : __bb::None, unit_unstated : false, total :
                            __bb::None, ranges : __bb::vec![], })
                        ],
                        checks: __bb::vec![
                            __bb::CheckDecl { meta : __bb::RuleMeta { id :
                            __bb::Some("T"), severity : __bb::Severity::Error, message :
                            __bb::None, message_en : __bb::None, }, expr :
                            "a + b == sum - 1", lhs : __bb::vec![__bb::TermDecl {
                            negative : false, operand : __bb::OperandDecl::Path(& ["a"])
                            }, __bb::TermDecl { negative : false, operand :
                            __bb::OperandDecl::Path(& ["b"]) }], op : __bb::Op::Eq, rhs :
                            __bb::vec![__bb::TermDecl { negative : false, operand :
                            __bb::OperandDecl::Path(& ["sum"]) }, __bb::TermDecl {
                            negative : true, operand : __bb::OperandDecl::Literal("1") }]
                            }
                        ],
                        ranges: __bb::vec![
                            __bb::RangeDecl { meta : __bb::RuleMeta { id : __bb::None,
                            severity : __bb::Severity::Error, message : __bb::None,
                            message_en : __bb::None, }, min : __bb::Some("0"), max :
                            __bb::None }
                        ],
                    }),
                ),
            }
        }
        #[inline]
        fn collect_slots(&self, __baobiao_out: &mut __bb::Vec<__bb::Slot>) {
            <Row as __bb::Component>::collect_slots(&self.a, __baobiao_out);
            <Row as __bb::Component>::collect_slots(&self.b, __baobiao_out);
            <Row as __bb::Component>::collect_slots(&self.sum, __baobiao_out);
        }
        const CELLS: usize = 0usize + <Row as __bb::Component>::CELLS
            + <Row as __bb::Component>::CELLS + <Row as __bb::Component>::CELLS;
        const INSTANCES: usize = 0usize
            + __bb::widest(
                &[
                    __bb::cells_of::<Table, _>(|__baobiao_s| &__baobiao_s.a),
                    __bb::cells_of::<Table, _>(|__baobiao_s| &__baobiao_s.b),
                    __bb::cells_of::<Table, _>(|__baobiao_s| &__baobiao_s.sum),
                ],
            ) + 0usize + <Row as __bb::Component>::CELLS
            + <Row as __bb::Component>::CELLS + <Row as __bb::Component>::CELLS
            + <Row as __bb::Component>::INSTANCES + <Row as __bb::Component>::INSTANCES
            + <Row as __bb::Component>::INSTANCES;
        const KINDS: u8 = 0u8 | <Row as __bb::Component>::KINDS
            | <Row as __bb::Component>::KINDS | <Row as __bb::Component>::KINDS;
        #[inline(always)]
        fn add_column(
            &self,
            __baobiao_column: usize,
            __baobiao_acc: &mut __bb::Acc,
            __baobiao_negative: bool,
        ) {
            <Row as __bb::Component>::add_column(
                &self.a,
                __baobiao_column,
                __baobiao_acc,
                __baobiao_negative,
            );
            <Row as __bb::Component>::add_column(
                &self.b,
                __baobiao_column,
                __baobiao_acc,
                __baobiao_negative,
            );
            <Row as __bb::Component>::add_column(
                &self.sum,
                __baobiao_column,
                __baobiao_acc,
                __baobiao_negative,
            );
        }
        #[inline(always)]
        fn add_all(&self, __baobiao_acc: &mut __bb::Acc, __baobiao_negative: bool) {
            <Row as __bb::Component>::add_all(
                &self.a,
                __baobiao_acc,
                __baobiao_negative,
            );
            <Row as __bb::Component>::add_all(
                &self.b,
                __baobiao_acc,
                __baobiao_negative,
            );
            <Row as __bb::Component>::add_all(
                &self.sum,
                __baobiao_acc,
                __baobiao_negative,
            );
        }
        #[inline]
        #[allow(unused_mut, unused_assignments, unused_variables)]
        fn evaluate(
            &self,
            __baobiao_base: usize,
            __baobiao_out: &mut __bb::Vec<__bb::Outcome>,
        ) {
            let mut __baobiao_k: usize = __baobiao_base;
            {
                const __BAOBIAO_WIDTH: usize = __bb::widest(
                    &[
                        __bb::cells_of::<Table, _>(|__baobiao_s| &__baobiao_s.a),
                        __bb::cells_of::<Table, _>(|__baobiao_s| &__baobiao_s.b),
                        __bb::cells_of::<Table, _>(|__baobiao_s| &__baobiao_s.sum),
                    ],
                );
                for __baobiao_c in 0..__BAOBIAO_WIDTH {
                    let mut __baobiao_lhs = __bb::Acc::ZERO;
                    let mut __baobiao_rhs = __bb::Acc::ZERO;
                    __bb::Component::add_column(
                        &self.a,
                        __baobiao_c,
                        &mut __baobiao_lhs,
                        false,
                    );
                    __bb::Component::add_column(
                        &self.b,
                        __baobiao_c,
                        &mut __baobiao_lhs,
                        false,
                    );
                    __bb::Component::add_column(
                        &self.sum,
                        __baobiao_c,
                        &mut __baobiao_rhs,
                        false,
                    );
                    __baobiao_rhs.add_num(__bb::Num::Int(1i128), true);
                    __bb::Outcome::push_decided(
                        __baobiao_out,
                        __baobiao_k + __baobiao_c,
                        &__baobiao_lhs,
                        &__baobiao_rhs,
                        __bb::Op::Eq,
                        __bb::None,
                    );
                }
                __baobiao_k += __BAOBIAO_WIDTH;
            }
            {
                const __BAOBIAO_RANGE: __bb::RangeSpec = __bb::RangeSpec::new(
                    __bb::Some(__bb::Num::Int(0i128)),
                    __bb::None,
                );
                <Table as __bb::Component>::evaluate_range(
                    self,
                    &__BAOBIAO_RANGE,
                    __baobiao_k,
                    __baobiao_out,
                );
            }
            __baobiao_k
                += 0usize + <Row as __bb::Component>::CELLS
                    + <Row as __bb::Component>::CELLS + <Row as __bb::Component>::CELLS;
            <Row as __bb::Component>::evaluate(&self.a, __baobiao_k, __baobiao_out);
            __baobiao_k += <Row as __bb::Component>::INSTANCES;
            <Row as __bb::Component>::evaluate(&self.b, __baobiao_k, __baobiao_out);
            __baobiao_k += <Row as __bb::Component>::INSTANCES;
            <Row as __bb::Component>::evaluate(&self.sum, __baobiao_k, __baobiao_out);
            __baobiao_k += <Row as __bb::Component>::INSTANCES;
        }
        #[allow(unused_variables)]
        fn evaluate_range(
            &self,
            __baobiao_range: &__bb::RangeSpec,
            __baobiao_base: usize,
            __baobiao_out: &mut __bb::Vec<__bb::Outcome>,
        ) {
            if __baobiao_range.guaranteed_for_all(<Self as __bb::Component>::KINDS) {
                return;
            }
            <Row as __bb::Component>::evaluate_range(
                &self.a,
                __baobiao_range,
                __baobiao_base + 0usize,
                __baobiao_out,
            );
            <Row as __bb::Component>::evaluate_range(
                &self.b,
                __baobiao_range,
                __baobiao_base + 0usize + <Row as __bb::Component>::CELLS,
                __baobiao_out,
            );
            <Row as __bb::Component>::evaluate_range(
                &self.sum,
                __baobiao_range,
                __baobiao_base + 0usize + <Row as __bb::Component>::CELLS
                    + <Row as __bb::Component>::CELLS,
                __baobiao_out,
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
    const _: () = __bb::assert_elementwise(
        &[
            __bb::shape_of::<Table, _>(|__baobiao_s| &__baobiao_s.a),
            __bb::shape_of::<Table, _>(|__baobiao_s| &__baobiao_s.b),
            __bb::shape_of::<Table, _>(|__baobiao_s| &__baobiao_s.sum),
        ],
    );
};
