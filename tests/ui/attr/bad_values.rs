use baobiao::{Count, Form};

#[derive(Form)]
#[form(columns, range(min = 10, max = 1), check(a == total, id = "X", severity = fatal))]
#[form(check(a <= total, id = "Y", decimals = 30), check(a <= total, id = "Z", decimals = "2"))]
pub struct Row {
    #[form(label = 3)]
    pub a: Count,
    #[form(label = "合计", total(id = "X"))]
    pub total: Count,
    #[form(skip, total)]
    pub other: Count,
}

fn main() {}
