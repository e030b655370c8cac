// A choice is an enum of options without fields.
use baobiao::Choice;
use serde::{Deserialize, Serialize};

#[derive(Choice, Serialize, Deserialize)]
pub struct NotAnEnum {
    pub value: u32,
}

#[derive(Choice, Serialize, Deserialize)]
pub enum WithFields {
    #[form(label = "门户网站")]
    Portal,
    #[form(label = "部门网站")]
    Department(String),
}

#[derive(Choice, Serialize, Deserialize)]
pub enum Empty {}

fn main() {}
