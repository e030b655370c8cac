// One rule id declared by two structs for two different rules: a compile error naming both.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
#[form(check(posts <= visits, id = "S-1"))]
pub struct Site {
    #[form(label = "访问量")]
    pub visits: Count,
    #[form(label = "发文量")]
    pub posts: Count,
}

#[derive(Form, Serialize, Deserialize)]
#[form(check(replies <= messages, id = "S-1"))]
pub struct Mailbox {
    #[form(label = "留言")]
    pub messages: Count,
    #[form(label = "答复")]
    pub replies: Count,
}

#[derive(Form, Serialize, Deserialize)]
pub struct Report {
    #[form(label = "网站")]
    pub site: Site,
    #[form(label = "信箱")]
    pub mailbox: Mailbox,
}

fn main() {}
