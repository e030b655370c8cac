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
pub struct OtherRow {
    #[form(label = "乙")]
    pub b: Count,
}

// A row cannot be the column-by-column sum of a single cell and of rows of other columns.
#[derive(Form)]
pub struct Table {
    #[form(label = "一")]
    pub one: Row,
    #[form(label = "二")]
    pub two: OtherRow,
    #[form(label = "合计", total)]
    pub total: Row,
}

#[derive(Form)]
pub struct Mixed {
    #[form(label = "数")]
    pub count: Count,
    #[form(label = "合计", total)]
    pub total: Row,
}

#[derive(Form)]
pub struct TextOnly {
    #[form(label = "说明")]
    pub note: String,
    #[form(label = "合计", total)]
    pub total: Count,
}

fn main() {}
