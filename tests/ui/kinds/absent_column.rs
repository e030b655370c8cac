// Every row has every column: a column cannot be absent.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
#[form(columns)]
pub struct Row {
    #[form(label = "甲")]
    pub a: Count,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "baobiao::present")]
    #[form(label = "乙")]
    pub b: Option<Count>,
}

#[derive(Form, Serialize, Deserialize)]
pub struct Table {
    #[form(label = "一行")]
    pub row: Row,
}

fn main() {
    let _ = Table::info();
}
