use baobiao::{Count, Form};

#[derive(Form)]
#[form(columns)]
pub struct Row {
    #[form(label = "甲", label = "乙")]
    pub a: Count,
    #[form(label = "合计", total, total)]
    pub total: Count,
}

fn main() {}
