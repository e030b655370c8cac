// A form's name is typed on command lines.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
#[form(name = "网站 报表")]
pub struct Survey {
    #[form(label = "访问量")]
    pub visits: Count,
}

fn main() {}
