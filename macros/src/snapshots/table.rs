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
                            __bb::OperandDecl::Path(& ["b"]) }], op : const {
                            __bb::Op::from_symbol("==") }, rhs :
                            __bb::vec![__bb::TermDecl { negative : false, operand :
                            __bb::OperandDecl::Path(& ["sum"]) }, __bb::TermDecl {
                            negative : true, operand :
                            __bb::OperandDecl::Literal(__bb::Num::Int(1i128)) }] }
                        ],
                        ranges: __bb::vec![
                            __bb::RangeDecl { meta : __bb::RuleMeta { id : __bb::None,
                            severity : __bb::Severity::Error, message : __bb::None,
                            message_en : __bb::None, }, min :
                            __bb::Some(__bb::Num::Int(0i128)), max : __bb::None }
                        ],
                    }),
                ),
            }
        }
        #[inline]
        fn write_cells(&self, __baobiao_out: &mut __bb::Cells) {
            <Row as __bb::Component>::write_cells(&self.a, __baobiao_out);
            <Row as __bb::Component>::write_cells(&self.b, __baobiao_out);
            <Row as __bb::Component>::write_cells(&self.sum, __baobiao_out);
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
