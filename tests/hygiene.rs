//! Generated code compiles with prelude names shadowed, under `#![deny(warnings)]` and with
//! the crate reachable only under another name.
#![deny(warnings, unused_qualifications, missing_debug_implementations)]
#![allow(dead_code, non_camel_case_types, unused_macros)]

mod shadowed {
    // Every name generated code might reach for unqualified.
    struct Option;
    struct Some;
    struct None;
    struct Vec;
    struct Box;
    struct String;
    struct Result;
    struct Ok;
    struct Err;
    struct Default;
    struct OnceLock;
    macro_rules! vec {
        () => {
            compile_error!("generated code used an unqualified vec!")
        };
    }

    use ::baobiao::{Count, Form};

    /// A row.
    #[derive(Form, Debug, ::serde::Serialize, ::serde::Deserialize)]
    #[form(columns)]
    pub struct Row {
        #[form(label = "甲")]
        pub a: Count,
        #[form(label = "乙")]
        pub b: Count,
        #[form(label = "合计", total)]
        pub total: Count,
    }

    /// Rows with a check.
    #[derive(Form, Debug, ::serde::Serialize, ::serde::Deserialize)]
    #[form(check(first + second == sum, id = "H-1"), range(min = 0))]
    pub struct Table {
        #[form(label = "一")]
        pub first: Row,
        #[form(label = "二")]
        pub second: Row,
        #[form(label = "和")]
        pub sum: Row,
        #[form(skip)]
        #[serde(skip)]
        pub note: ::std::string::String,
    }

    #[test]
    fn shadowed_names_do_not_leak_into_generated_code() {
        assert_eq!(<Table as Form>::info().cells.len(), 9);
    }
}

mod renamed_crate {
    extern crate baobiao as reports;

    /// A form naming the runtime through `crate = ".."`.
    #[derive(reports::Form, Debug)]
    #[form(crate = "reports", columns)]
    pub struct Pair {
        #[form(label = "甲")]
        pub a: reports::Count,
        #[form(label = "合计", total)]
        pub total: reports::Count,
    }

    #[test]
    fn crate_path_is_respected() {
        use reports::Form;
        assert_eq!(Pair::info().rules.len(), 1);
    }
}
