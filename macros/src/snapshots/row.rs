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
        fn describe(__baobiao_field: __bb::Field) -> __bb::Node {
            __bb::Node {
                field: __baobiao_field,
                kind: __bb::NodeKind::Struct(
                    __bb::Box::new(__bb::StructInfo {
                        name: "Row",
                        label: __bb::Some("申请人情况"),
                        corner: __bb::None,
                        doc: __bb::None,
                        columns: true,
                        fields: __bb::vec![
                            < Count as __bb::Component > ::describe(__bb::Field { ident :
                            "people", key : "people", label : __bb::Some("自然人"),
                            aliases : & [], doc : __bb::None, unit : __bb::None,
                            unit_unstated : false, total : __bb::None, ranges :
                            __bb::vec![], }), < Count as __bb::Component >
                            ::describe(__bb::Field { ident : "total", key : "total",
                            label : __bb::Some("总计"), aliases : & [], doc :
                            __bb::None, unit : __bb::None, unit_unstated : false, total :
                            __bb::Some(__bb::RuleMeta { id : __bb::Some("ROW"), severity
                            : __bb::Severity::Error, message : __bb::None, message_en :
                            __bb::None, }), ranges : __bb::vec![], })
                        ],
                        checks: __bb::vec![],
                        ranges: __bb::vec![],
                    }),
                ),
            }
        }
        #[inline]
        fn collect_slots(&self, __baobiao_out: &mut __bb::Vec<__bb::Slot>) {
            <Count as __bb::Component>::collect_slots(&self.people, __baobiao_out);
            <Count as __bb::Component>::collect_slots(&self.total, __baobiao_out);
        }
        const CELLS: usize = 0usize + <Count as __bb::Component>::CELLS
            + <Count as __bb::Component>::CELLS;
        const INSTANCES: usize = 0usize
            + __bb::Shape::total_width(
                <Count as __bb::Component>::SHAPE,
                <Count as __bb::Component>::CELLS,
            ) + <Count as __bb::Component>::INSTANCES
            + <Count as __bb::Component>::INSTANCES;
        const KINDS: u8 = 0u8 | <Count as __bb::Component>::KINDS
            | <Count as __bb::Component>::KINDS;
        #[inline(always)]
        fn add_column(
            &self,
            __baobiao_column: usize,
            __baobiao_acc: &mut __bb::Acc,
            __baobiao_negative: bool,
        ) {
            const __BAOBIAO_FIELD_OF: [u8; <Row as __bb::Component>::CELLS] = __bb::field_of::<
                { <Row as __bb::Component>::CELLS },
            >(
                &[
                    0usize,
                    0usize + <Count as __bb::Component>::CELLS,
                    0usize + <Count as __bb::Component>::CELLS
                        + <Count as __bb::Component>::CELLS,
                ],
            );
            match __BAOBIAO_FIELD_OF.get(__baobiao_column).copied() {
                __bb::Some(0u8) => {
                    <Count as __bb::Component>::add_column(
                        &self.people,
                        __baobiao_column - (0usize),
                        __baobiao_acc,
                        __baobiao_negative,
                    )
                }
                __bb::Some(1u8) => {
                    <Count as __bb::Component>::add_column(
                        &self.total,
                        __baobiao_column - (0usize + <Count as __bb::Component>::CELLS),
                        __baobiao_acc,
                        __baobiao_negative,
                    )
                }
                _ => {}
            }
        }
        #[inline(always)]
        fn add_all(&self, __baobiao_acc: &mut __bb::Acc, __baobiao_negative: bool) {
            <Count as __bb::Component>::add_all(
                &self.total,
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
            if __bb::Shape::is_row(<Count as __bb::Component>::SHAPE) {
                for __baobiao_c in 0..<Count as __bb::Component>::CELLS {
                    let mut __baobiao_lhs = __bb::Acc::ZERO;
                    let mut __baobiao_rhs = __bb::Acc::ZERO;
                    <Count as __bb::Component>::add_column(
                        &self.total,
                        __baobiao_c,
                        &mut __baobiao_lhs,
                        false,
                    );
                    <Count as __bb::Component>::add_column(
                        &self.people,
                        __baobiao_c,
                        &mut __baobiao_rhs,
                        false,
                    );
                    __bb::Outcome::push_decided(
                        __baobiao_out,
                        __baobiao_k + __baobiao_c,
                        &__baobiao_lhs,
                        &__baobiao_rhs,
                        __bb::Op::Eq,
                        __bb::Some(__bb::Side::Lhs),
                    );
                }
                __baobiao_k += <Count as __bb::Component>::CELLS;
            } else {
                let mut __baobiao_lhs = __bb::Acc::ZERO;
                let mut __baobiao_rhs = __bb::Acc::ZERO;
                <Count as __bb::Component>::add_all(
                    &self.total,
                    &mut __baobiao_lhs,
                    false,
                );
                <Count as __bb::Component>::add_all(
                    &self.people,
                    &mut __baobiao_rhs,
                    false,
                );
                __bb::Outcome::push_decided(
                    __baobiao_out,
                    __baobiao_k,
                    &__baobiao_lhs,
                    &__baobiao_rhs,
                    __bb::Op::Eq,
                    __bb::Some(__bb::Side::Lhs),
                );
                __baobiao_k += 1;
            }
            <Count as __bb::Component>::evaluate(
                &self.people,
                __baobiao_k,
                __baobiao_out,
            );
            __baobiao_k += <Count as __bb::Component>::INSTANCES;
            <Count as __bb::Component>::evaluate(
                &self.total,
                __baobiao_k,
                __baobiao_out,
            );
            __baobiao_k += <Count as __bb::Component>::INSTANCES;
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
            <Count as __bb::Component>::evaluate_range(
                &self.people,
                __baobiao_range,
                __baobiao_base + 0usize,
                __baobiao_out,
            );
            <Count as __bb::Component>::evaluate_range(
                &self.total,
                __baobiao_range,
                __baobiao_base + 0usize + <Count as __bb::Component>::CELLS,
                __baobiao_out,
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
    const _: () = __bb::assert_total(
        <Count as __bb::Component>::SHAPE,
        &[<Count as __bb::Component>::SHAPE],
    );
};
