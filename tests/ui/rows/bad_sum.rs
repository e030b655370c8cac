use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
#[form(columns)]
pub struct Row {
    #[form(label = "名称")]
    pub name: String,
    #[form(label = "甲")]
    pub a: Count,
}

#[derive(Form, Serialize, Deserialize)]
#[form(
    check(sum(rows) == total, id = "S1"),
    check(sum(rows[0].a) == total, id = "S2"),
    check(sum(rows.a) == total, id = "S3")
)]
pub struct Report {
    #[form(label = "各行")]
    pub rows: Vec<Row>,
    #[form(label = "合计")]
    pub total: Count,
}

fn main() {}
