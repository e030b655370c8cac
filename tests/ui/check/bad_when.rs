// Conditions name a yes/no or choice field of the struct, in one of the forms `when` takes.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
#[form(
    check(posts <= visits, id = "A", when(has_site)),
    check(posts <= visits, id = "B", when(has_sit)),
    check(posts <= visits, id = "D", when(has_site == "yes")),
    range(max = 0, id = "E", when)
)]
pub struct Site {
    #[form(label = "是否有网站")]
    pub has_site: bool,
    #[form(label = "访问量")]
    pub visits: Count,
    #[form(label = "发文量")]
    pub posts: Count,
}

fn main() {}
