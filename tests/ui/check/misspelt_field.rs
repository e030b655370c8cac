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
pub struct Outcomes {
    #[form(label = "一")]
    pub one: Row,
    #[form(label = "合计", total)]
    pub total: Row,
}

// The first path misspells a field of this struct (the derive's error); the second misspells a
// field of `Outcomes` (the compiler's error, at the same build).
#[derive(Form)]
#[form(check(new_recieved == outcomes.total, id = "T-1"), check(new_received == outcomes.totl, id = "T-2"))]
pub struct Table {
    #[form(label = "新收")]
    pub new_received: Row,
    #[form(label = "结果")]
    pub outcomes: Outcomes,
}

fn main() {}
