use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
#[form(columns)]
pub struct Row {
    #[form(label = "甲")]
    pub a: Count,
    #[form(label = "乙")]
    pub b: Count,
    #[form(label = "合计", total(id = "ROW-TOTAL"))]
    pub total: Count,
}

#[derive(Form, Serialize, Deserialize)]
pub struct Report {
    #[form(label = "各行")]
    pub rows: Vec<Row>,
}

fn main() {
    let _ = Report::info();
}
