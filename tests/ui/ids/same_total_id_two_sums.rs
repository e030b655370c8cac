// One total id in two structs that sum different fields: two rules, one id.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
pub struct A {
    #[form(label = "甲")]
    pub a: Count,
    #[form(label = "乙")]
    pub b: Count,
    #[form(label = "合计", total(id = "T"))]
    pub total: Count,
}

#[derive(Form, Serialize, Deserialize)]
pub struct B {
    #[form(label = "丙")]
    pub c: Count,
    #[form(label = "合计", total(id = "T"))]
    pub total: Count,
}

#[derive(Form, Serialize, Deserialize)]
pub struct Top {
    #[form(label = "一")]
    pub a: A,
    #[form(label = "二")]
    pub b: B,
}

fn main() {}
