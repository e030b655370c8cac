// `#[form(skip)]` on a field serde still reads: the schema would reject the JSON serde needs.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
pub struct Survey {
    #[form(label = "访问量")]
    pub visits: Count,
    #[form(skip)]
    pub note: String,
    #[form(skip)]
    #[serde(skip_serializing)]
    pub draft: String,
    #[form(label = "留言")]
    #[serde(alias = "msgs")]
    pub messages: Count,
}

fn main() {}
