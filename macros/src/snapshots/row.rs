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
        fn write_cells(&self, __baobiao_out: &mut __bb::Cells) {
            <Count as __bb::Component>::write_cells(&self.people, __baobiao_out);
            <Count as __bb::Component>::write_cells(&self.total, __baobiao_out);
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
