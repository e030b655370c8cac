use baobiao::Form;

#[derive(Form)]
pub enum Kind {
    A,
}

#[derive(Form)]
pub struct Tuple(u64);

#[derive(Form)]
pub struct Generic<T> {
    pub value: T,
}

fn main() {}
