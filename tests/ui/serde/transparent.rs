// A struct serde reads as its one field: the schema and the rules' pointers would expect an
// object.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Visits {
    #[form(label = "访问量")]
    pub value: Count,
}

#[derive(Form, Serialize, Deserialize)]
#[serde(tag = "type")]
pub struct Tagged {
    #[form(label = "访问量")]
    pub value: Count,
}

#[derive(Form, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct Renamed {
    #[form(label = "访问量")]
    pub site_visits: Count,
}

fn main() {}
