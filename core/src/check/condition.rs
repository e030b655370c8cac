//! Conditions on rules: `when(has_new_media)`, `when(!has_new_media)`,
//! `when(site_type == SiteType::Portal)`, `when(received == 0)`. A rule with a condition
//! applies where the yes/no, choice or number field it names has that value; where the field has another value the rule holds
//! (as an implication does); where the field is blank, whether it applies cannot be told, so
//! it is not assessable. The check reads the field as it traverses the form ([`Gate`]); the
//! table of instances records which field and which value ([`When`]); the JSON Logic export
//! tests the same.

use crate::model::choice::Choice;

/// A condition as declared on a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhenDecl {
    /// The yes/no or choice field, as Rust field names from the declaring struct.
    pub path: &'static [&'static str],
    /// The value that makes the rule apply.
    pub wanted: Wanted,
    /// The condition as written: `!has_new_media`.
    pub text: &'static str,
}

/// The value a condition wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// A yes/no field's value.
    Flag(bool),
    /// A choice field's option, by its index in the choice's options.
    Option(usize),
    /// A number cell's value (a blank or a not-applicable mark is no value).
    Number(crate::model::num::Num),
}

/// A condition placed in a form: the field it reads and the value it wants, as JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct When {
    /// JSON pointer of the field.
    pub pointer: String,
    /// The keys of that pointer.
    pub keys: Vec<String>,
    /// The field's labels.
    pub labels: Vec<&'static str>,
    /// The value in JSON that makes the rule apply (`true`, `"portal"`).
    pub value: serde_json::Value,
    /// That value as the template prints it (`否`, `政府门户网站`, `0`).
    pub shown: String,
    /// The condition as written.
    pub text: &'static str,
}

impl When {
    /// The condition in words: `移动新媒体 › 是否有移动新媒体 = 否（/new_media/has_new_media）`.
    pub fn describe(&self) -> String {
        format!(
            "{} = {}（{}）",
            self.labels.join(" › "),
            self.shown,
            self.pointer
        )
    }
}

/// How a condition stands in a filled form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// The field has the value: the rule applies.
    Open,
    /// The field has another value: the rule holds.
    Closed,
    /// The field is blank: whether the rule applies cannot be told.
    Blank,
}

impl Gate {
    fn of(met: bool) -> Gate {
        if met { Gate::Open } else { Gate::Closed }
    }
}

/// A field a condition can test against a value of type `W`: yes/no fields against a `bool`,
/// choice fields against one of their options.
#[diagnostic::on_unimplemented(
    message = "`when(..)` cannot test `{Self}` against a `{W}`",
    label = "a condition names a yes/no, choice or number field",
    note = "write `when(flag)` or `when(!flag)` for a `bool` or `Option<bool>` field, `when(field == Choice::Option)` for a `#[derive(Choice)]` field or an `Option` of one, and `when(count == 0)` for a number cell"
)]
pub trait Conditional<W> {
    /// How the condition stands for this value.
    fn gate(&self, wanted: &W) -> Gate;
}

impl Conditional<bool> for bool {
    fn gate(&self, wanted: &bool) -> Gate {
        Gate::of(self == wanted)
    }
}

impl Conditional<bool> for Option<bool> {
    fn gate(&self, wanted: &bool) -> Gate {
        self.map_or(Gate::Blank, |v| Gate::of(v == *wanted))
    }
}

impl<E: Choice> Conditional<E> for E {
    fn gate(&self, wanted: &E) -> Gate {
        Gate::of(self.position() == wanted.position())
    }
}

impl<E: Choice> Conditional<E> for Option<E> {
    fn gate(&self, wanted: &E) -> Gate {
        self.as_ref()
            .map_or(Gate::Blank, |v| Gate::of(v.position() == wanted.position()))
    }
}

impl<T: crate::model::cell::CellValue> Conditional<crate::model::num::Num>
    for crate::model::cell::Cell<T>
{
    fn gate(&self, wanted: &crate::model::num::Num) -> Gate {
        self.slot()
            .num()
            .map_or(Gate::Blank, |value| Gate::of(value == *wanted))
    }
}

/// A number cell that may be absent: absent is as blank, nothing being known of it.
impl<T: crate::model::cell::CellValue> Conditional<crate::model::num::Num>
    for Option<crate::model::cell::Cell<T>>
{
    fn gate(&self, wanted: &crate::model::num::Num) -> Gate {
        self.as_ref().map_or(Gate::Blank, |cell| cell.gate(wanted))
    }
}

/// The [`Wanted`] of a choice's option: what the description records.
pub fn wanted_option<E: Choice>(option: &E) -> Wanted {
    Wanted::Option(option.position())
}
