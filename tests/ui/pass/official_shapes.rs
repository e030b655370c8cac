// A form with rows, a nested column group, a group of rows, an element-wise total and check,
// literals and ranges: everything the derive accepts compiles without warnings.
#![deny(warnings)]

use baobiao::{Amount, Count, Form};

#[derive(Form, serde::Serialize, serde::Deserialize)]
#[form(columns)]
pub struct Orgs {
    #[form(label = "企业")]
    pub business: Count,
    #[form(label = "其他")]
    pub other: Count,
}

#[derive(Form, serde::Serialize, serde::Deserialize)]
#[form(columns, label = "申请人")]
pub struct Row {
    #[form(label = "个人")]
    pub people: Count,
    #[form(label = "组织")]
    pub orgs: Orgs,
    #[form(label = "总计", total(id = "ROW", severity = warning))]
    pub total: Count,
}

#[derive(Form, serde::Serialize, serde::Deserialize)]
pub struct Group {
    #[form(label = "1.")]
    pub one: Row,
    #[form(label = "2.")]
    pub two: Row,
}

#[derive(Form, serde::Serialize, serde::Deserialize)]
#[form(
    corner = "说明",
    check(a + group.one - 0 == b.total + 1 - 1, id = "C-1", message = "说明", message_en = "note"),
    check(a.people <= b.x.people, id = "C-2", severity = info),
    range(min = 0, max = 1000000, id = "R")
)]
pub struct Table {
    #[form(label = "甲")]
    pub a: Row,
    #[form(label = "组")]
    pub group: Group,
    #[form(label = "乙", alias = "乙项")]
    pub b: Outcome,
    #[form(label = "金额", unit = "万元", range(min = 0))]
    pub fee: Amount,
    #[form(skip)]
    #[serde(skip)]
    pub note: String,
}

#[derive(Form, serde::Serialize, serde::Deserialize)]
pub struct Outcome {
    #[form(label = "x")]
    pub x: Row,
    #[form(label = "y")]
    pub y: Group,
    #[form(label = "合计", total)]
    pub total: Row,
    #[form(label = "people")]
    pub people: Row,
}

fn main() {
    let _ = Table::info();
}
