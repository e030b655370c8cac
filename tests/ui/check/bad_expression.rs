use baobiao::{Count, Form};

#[derive(Form)]
#[form(
    columns,
    check(a * 2 == b, id = "A"),
    check(a + b, id = "B"),
    check(a == b, message = "no id"),
    check(a == self.b, id = "C")
)]
pub struct Row {
    #[form(label = "甲")]
    pub a: Count,
    #[form(label = "乙")]
    pub b: Count,
}

fn main() {}
