// `when(visits)` on a count: a count is tested against a number, `when(visits == 0)`.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
#[form(check(posts <= visits, id = "C", when(visits)))]
pub struct Site {
    #[form(label = "访问量")]
    pub visits: Count,
    #[form(label = "发文量")]
    pub posts: Count,
}

fn main() {}
