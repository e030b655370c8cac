use baobiao::{Count, Form};

#[derive(Form)]
#[form(
    columns,
    check(a * b == b, id = "A"),
    check(2 * (3 * a) == b, id = "A2"),
    check(a / 2 == b, id = "A3"),
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
