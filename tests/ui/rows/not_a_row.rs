use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
pub struct Items {
    #[form(label = "甲")]
    pub a: Count,
}

#[derive(Form, Serialize, Deserialize)]
pub struct Report {
    #[form(label = "各项")]
    pub items: Vec<Items>,
}

fn main() {
    let _ = Report::info();
}
