// A field of a type the form cannot draw or check: the error lists the kinds a field may have.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
pub struct Survey {
    #[form(label = "访问量")]
    pub visits: Count,
    #[form(label = "满意度")]
    pub satisfaction: f32,
}

fn main() {}
