// A condition reads a field of the form: not one left out with `#[form(skip)]`.
use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize)]
pub struct Media {
    #[form(skip)]
    #[serde(skip)]
    pub has_account: bool,
    #[form(label = "发文量")]
    pub posts: Count,
}

#[derive(Form, Serialize, Deserialize)]
#[form(range(max = 0, id = "M", when(media.has_account)))]
pub struct Site {
    #[form(label = "新媒体")]
    pub media: Media,
}

fn main() {}
