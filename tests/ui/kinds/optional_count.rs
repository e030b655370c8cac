// A number cell the report may leave out needs the serde attributes that tell absent from blank.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
pub struct Survey {
    #[form(label = "访问量")]
    pub visits: Option<Count>,
}

fn main() {}
