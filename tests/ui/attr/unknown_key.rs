use baobiao::{Count, Form};

#[derive(Form)]
#[form(columns, lable = "表")]
pub struct Row {
    #[form(lable = "甲")]
    pub a: Count,
    #[form(label = "合计", totl)]
    pub total: Count,
}

fn main() {}
