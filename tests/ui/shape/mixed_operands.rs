use baobiao::{Count, Form};

#[derive(Form)]
#[form(columns)]
pub struct Row {
    #[form(label = "甲")]
    pub a: Count,
    #[form(label = "合计", total)]
    pub total: Count,
}

#[derive(Form)]
#[form(columns)]
pub struct Wide {
    #[form(label = "甲")]
    pub a: Count,
    #[form(label = "乙")]
    pub b: Count,
}

#[derive(Form)]
#[form(check(row == count, id = "S-1"), check(row == wide, id = "S-2"), check(note == count, id = "S-3"))]
pub struct Table {
    #[form(label = "行")]
    pub row: Row,
    #[form(label = "宽")]
    pub wide: Wide,
    #[form(label = "数")]
    pub count: Count,
    #[form(label = "说明")]
    pub note: String,
}

fn main() {}
