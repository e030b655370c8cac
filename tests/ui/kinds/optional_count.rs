// A number cell is blank as `null` itself: `Option<Count>` is not a kind.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
pub struct Survey {
    #[form(label = "访问量")]
    pub visits: Option<Count>,
}

fn main() {}
