//! Cell values as published → cells of the form, keeping what was written.
//!
//! A number may carry thousands separators (`1,234`, `1，234`), full-width digits, a sign where
//! the form allows one, and a unit (`251000元`, `25.1万元`, `2件`, `98.5%`). An amount is
//! converted to the column's unit exactly (元 ↔ 万元 ↔ 亿元); any number may carry the column's
//! own unit (`4.50天` where the template says 天); a count takes a counting unit (件, 个, 项, 条)
//! but no fraction. A blank stays blank, a mark (`/`, `-`, `—`, `——`, `无`) stays that mark. Anything
//! else is an error that says what the cell holds; nothing is guessed.

use rust_decimal::Decimal;

use crate::model::cell::{Mark, ValueKind};
use crate::model::choice::chosen;
use crate::model::date::Date;
use crate::model::layout::{LayoutCell, LeafKind};
use crate::model::words::yes_no;

/// A cell read from a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadCell {
    /// A number, in the column's unit.
    Number(Decimal),
    /// Nothing written.
    Blank,
    /// A not-applicable mark.
    Mark(Mark),
}

impl ReadCell {
    /// The cell as it stands in a form's JSON: a number, `null`, or the mark.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            // A whole number as itself; any other as the nearest f64 (its exact value is kept
            // apart, see `ReadForm::numbers`).
            ReadCell::Number(n) => match whole_u64(n) {
                Some(whole) => serde_json::Value::from(whole),
                // Always a float, so that the exact decimal is written in its place.
                None => n
                    .to_string()
                    .parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(serde_json::Value::Null, serde_json::Value::Number),
            },
            ReadCell::Blank => serde_json::Value::Null,
            ReadCell::Mark(m) => serde_json::Value::String(m.as_str().to_owned()),
        }
    }
}

/// True when a number read is a whole `u64` as written (no decimal places, no sign): what
/// stands in a reading's JSON exactly as itself.
pub fn is_whole_u64(n: &Decimal) -> bool {
    whole_u64(n).is_some()
}

/// A number that is a whole `u64` as written (no decimal places, no sign), as that `u64`.
fn whole_u64(n: &Decimal) -> Option<u64> {
    (n.scale() == 0 && !n.is_sign_negative()).then(|| u64::try_from(n.mantissa()).ok())?
}

/// Units of money, as multiples of 元.
const MONEY: &[(&str, i64)] = &[("亿元", 100_000_000), ("万元", 10_000), ("元", 1)];

/// The units of money a cell or a header may state.
pub const MONEY_UNITS: &[&str] = &["亿元", "万元", "元"];

/// A cell's text with `unit` written after it, when it is a bare number: how a number under a
/// header that states its unit (`采购总金额（元）`) is read. Other text is returned as it is.
pub fn in_unit<'t>(text: &'t str, unit: &str) -> std::borrow::Cow<'t, str> {
    let bare = !MONEY.iter().any(|(u, _)| text.trim().ends_with(u))
        && matches!(read(text, ValueKind::Amount, None), Ok(ReadCell::Number(_)));
    if bare {
        std::borrow::Cow::Owned(format!("{}{unit}", text.trim()))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Units that count things.
const COUNTING: &[&str] = &["件", "个", "項", "项", "条", "宗", "次", "人"];

/// Why a cell's text is not a value of its column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueProblem {
    /// The text as written.
    pub text: String,
    /// What is wrong with it.
    pub problem: Problem,
}

/// What is wrong with a cell's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// It carries a unit of money the column cannot take (the column's unit, if any).
    Unit(&'static str, Option<String>),
    /// It is not a number.
    NotANumber,
    /// It is too large.
    TooLarge,
    /// It has more significant digits than a decimal holds (28): reading it would round it.
    TooPrecise,
    /// It is a fraction where a count must be whole.
    NotWhole,
    /// It is negative where a count cannot be.
    Negative,
    /// It carries no unit where the template states none (`unstated_unit`): the unit the
    /// form holds the column in.
    NoUnit(&'static str),
    /// It is not a yes or a no.
    NotYesNo,
    /// It names or marks what is not one of the options (the options).
    NotAnOption(Vec<&'static str>),
    /// It chooses several options where one is to be chosen.
    ManyChosen,
    /// It is not a date.
    NotADate,
}

impl ValueProblem {
    /// The problem in words.
    pub fn message(&self, lang: crate::model::lang::Lang) -> String {
        let text = &self.text;
        let zh = lang == crate::model::lang::Lang::Zh;
        match &self.problem {
            Problem::Unit(u, unit) if zh => format!(
                "“{text}”带单位{u}，而该列{}",
                unit.as_ref()
                    .map_or("没有单位".to_owned(), |t| format!("单位为{t}"))
            ),
            Problem::Unit(u, unit) => format!(
                "{text:?} carries the unit {u}, but the column has {}",
                unit.as_ref()
                    .map_or("no unit".to_owned(), |t| format!("the unit {t}"))
            ),
            Problem::NotANumber if zh => format!("“{text}”不是数字"),
            Problem::NotANumber => format!("{text:?} is not a number"),
            Problem::TooLarge if zh => format!("“{text}”过大"),
            Problem::TooLarge => format!("{text:?} is too large"),
            Problem::TooPrecise if zh => {
                format!("“{text}”的有效数字超过28位，无法不经舍入地读取")
            }
            Problem::TooPrecise => format!(
                "{text:?} has more significant digits (28) than can be read without rounding"
            ),
            Problem::NotWhole if zh => format!("“{text}”不是整数，而件数必须是整数"),
            Problem::NotWhole => format!("{text:?} is not a whole number, as a count must be"),
            Problem::Negative if zh => format!("“{text}”为负数，而件数不能为负"),
            Problem::Negative => format!("{text:?} is negative; a count cannot be"),
            Problem::NoUnit(unit) if zh => format!(
                "“{text}”没有单位，模板也未规定该列单位：请写作{text}元或{text}万元（按{unit}读取）"
            ),
            Problem::NoUnit(unit) => format!(
                "{text:?} carries no unit, and the template states none for this column: write it as {text}元 or {text}万元 (read in {unit})"
            ),
            Problem::NotYesNo if zh => format!("“{text}”不是“是”或“否”"),
            Problem::NotYesNo => format!("{text:?} is not a yes (是) or a no (否)"),
            Problem::NotAnOption(options) if zh => {
                format!("“{text}”不是可选项之一（{}）", options.join("、"))
            }
            Problem::NotAnOption(options) => {
                format!(
                    "{text:?} is not one of the options ({})",
                    options.join(", ")
                )
            }
            Problem::ManyChosen if zh => format!("“{text}”选了多项，而此处只能选一项"),
            Problem::ManyChosen => format!("{text:?} chooses several options where one is chosen"),
            Problem::NotADate if zh => format!("“{text}”不是日期"),
            Problem::NotADate => format!("{text:?} is not a date"),
        }
    }
}

/// Reads `text` as a cell of `kind` in `unit` (the column's declared unit, e.g. `万元`).
pub fn parse(text: &str, kind: ValueKind, unit: Option<&str>) -> Result<ReadCell, ValueProblem> {
    read(text, kind, unit).map_err(|problem| ValueProblem {
        text: text.to_owned(),
        problem,
    })
}

/// Reads `text` as a cell of the form's column `cell`: as [`parse`], and where the template
/// states no unit (`unstated_unit`), a number other than 0 must carry its own (`251000元`,
/// `25.1万元`) to be read, as a bare one could be in either.
pub fn parse_cell(
    text: &str,
    cell: &crate::model::info::CellInfo,
) -> Result<ReadCell, ValueProblem> {
    let read = parse(text, cell.kind, cell.unit)?;
    match (&read, cell.unit) {
        (ReadCell::Number(n), Some(unit))
            if cell.unit_unstated
                && !n.is_zero()
                && !MONEY.iter().any(|(u, _)| text.trim().ends_with(u)) =>
        {
            Err(ValueProblem {
                text: text.to_owned(),
                problem: Problem::NoUnit(unit),
            })
        }
        _ => Ok(read),
    }
}

fn read(text: &str, kind: ValueKind, unit: Option<&str>) -> Result<ReadCell, Problem> {
    // Only the outside is trimmed: white space inside (`12 3`) may be two cells run together,
    // which is not ours to join.
    let outside = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    // Most values are bare digits (`0`, `13988`): read as they are, whatever the column's unit
    // (a bare number is in it) — the rest of this function reads them the same, slower.
    if (1..=18).contains(&outside.len()) && outside.bytes().all(|b| b.is_ascii_digit()) {
        let whole: u64 = outside.parse().map_err(|_| Problem::NotANumber)?;
        return Ok(ReadCell::Number(Decimal::from(whole)));
    }
    let full_width = |c: char| {
        matches!(
            c,
            '\u{ff10}'..='\u{ff19}' | '\u{ff0e}' | '\u{ff0c}' | '\u{ff0d}'
        )
    };
    let trimmed: std::borrow::Cow<'_, str> = if outside.contains(full_width) {
        outside
            .chars()
            .map(|c| match c {
                c if full_width(c) => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                c => c,
            })
            .collect::<String>()
            .into()
    } else {
        outside.into()
    };
    if trimmed.is_empty() {
        return Ok(ReadCell::Blank);
    }
    if let Some(mark) = Mark::parse(text).or_else(|| Mark::parse(&trimmed)) {
        return Ok(ReadCell::Mark(mark));
    }
    // The column's own unit written after the number (`98.5%`, `4.50天`), when it is not
    // money (money converts, below).
    let own_unit = unit
        .filter(|u| !u.is_empty() && !MONEY.iter().any(|(m, _)| m == u))
        .and_then(|u| trimmed.strip_suffix(u));
    // A trailing unit.
    let (digits, factor) = match MONEY.iter().find(|(u, _)| trimmed.ends_with(u)) {
        _ if own_unit.is_some() => (own_unit.unwrap_or_default(), Decimal::ONE),
        Some((u, per_yuan)) => {
            let Some(target) = unit.and_then(|t| MONEY.iter().find(|(m, _)| *m == t)) else {
                return Err(Problem::Unit(u, unit.map(str::to_owned)));
            };
            let factor = Decimal::from(*per_yuan) / Decimal::from(target.1);
            (&trimmed[..trimmed.len() - u.len()], factor)
        }
        None => match COUNTING.iter().find(|u| trimmed.ends_with(*u)) {
            Some(u) if kind != ValueKind::Amount => {
                (&trimmed[..trimmed.len() - u.len()], Decimal::ONE)
            }
            _ => (&*trimmed, Decimal::ONE),
        },
    };
    // A space may part the number from its unit (`0 万元`, as a spreadsheet's number format
    // prints it).
    let digits = if digits.len() < trimmed.len() {
        digits.trim_end()
    } else {
        digits
    };
    let plain = thousands(digits).ok_or(Problem::NotANumber)?;
    let written = plain.parse::<Decimal>().map_err(|_| Problem::NotANumber)?;
    // A decimal holds 28 significant digits: more are rounded by the parse, which would read
    // another number than the one written.
    let places = plain.split_once('.').map_or(0, |(_, f)| f.len());
    if written.scale() as usize != places {
        return Err(Problem::TooPrecise);
    }
    // Digits are kept as written; a converted amount keeps only the digits it needs.
    let number = if factor == Decimal::ONE {
        written
    } else {
        written
            .checked_mul(factor)
            .ok_or(Problem::TooLarge)?
            .normalize()
    };
    match kind {
        ValueKind::Count | ValueKind::SignedCount if number.fract() != Decimal::ZERO => {
            Err(Problem::NotWhole)
        }
        ValueKind::Count if number.is_sign_negative() && !number.is_zero() => {
            Err(Problem::Negative)
        }
        _ => Ok(ReadCell::Number(number)),
    }
}

/// True when `text` reads as a value of some kind (a number with or without a unit, a blank, a
/// mark): what tells a row's values from its labels.
pub fn looks_like_value(text: &str) -> bool {
    // Labels far outnumber values; one without a digit is a value only as a blank or a mark,
    // which is decided without building an error message.
    if !text
        .chars()
        .any(|c| c.is_ascii_digit() || ('\u{ff10}'..='\u{ff19}').contains(&c))
    {
        let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
        return trimmed.is_empty() || Mark::parse(text).is_some() || Mark::parse(trimmed).is_some();
    }
    read(text, ValueKind::Amount, Some("元")).is_ok()
        || read(text, ValueKind::SignedCount, None).is_ok()
}

/// Reads `text` as the single value `cell` holds other than a number of the form's rules: its
/// JSON (`true`, `"portal"`, `["search", "barrier_free"]`, `"2025-01-15"`, text, a year).
/// Blank is `null` where the form may leave the value out, empty text for required text, and
/// `null` otherwise (which the form then refuses, saying where).
pub fn parse_leaf(text: &str, cell: &LayoutCell) -> Result<serde_json::Value, ValueProblem> {
    use serde_json::Value;
    let trimmed = text.trim();
    let problem = |problem| ValueProblem {
        text: text.to_owned(),
        problem,
    };
    let labels = || cell.options.iter().map(|o| o.label).collect::<Vec<_>>();
    if trimmed.is_empty() && cell.kind != LeafKind::Choices {
        return Ok(match cell.kind {
            LeafKind::Text if !cell.optional => Value::String(String::new()),
            _ => Value::Null,
        });
    }
    match cell.kind {
        LeafKind::Text => Ok(Value::String(text.to_owned())),
        LeafKind::Integer => trimmed
            .parse::<u64>()
            .map(Value::from)
            .map_err(|_| problem(Problem::NotANumber)),
        LeafKind::Flag => yes_no(trimmed)
            .map(Value::Bool)
            .ok_or_else(|| problem(Problem::NotYesNo)),
        LeafKind::Choice => match chosen(trimmed, cell.options).as_deref() {
            Some([]) => Ok(Value::Null),
            Some([one]) => Ok(Value::String(cell.options[*one].key.to_owned())),
            Some(_) => Err(problem(Problem::ManyChosen)),
            None => Err(problem(Problem::NotAnOption(labels()))),
        },
        LeafKind::Choices => match chosen(trimmed, cell.options) {
            Some(mut chosen) => {
                chosen.sort_unstable();
                chosen.dedup();
                Ok(Value::Array(
                    chosen
                        .into_iter()
                        .map(|i| Value::String(cell.options[i].key.to_owned()))
                        .collect(),
                ))
            }
            None => Err(problem(Problem::NotAnOption(labels()))),
        },
        LeafKind::Date => Date::parse_published(trimmed)
            .map(|d| Value::String(d.to_string()))
            .ok_or_else(|| problem(Problem::NotADate)),
        // Numbers of the rules are read with their column (`parse_cell`).
        LeafKind::Number(kind) => read(text, kind, cell.unit)
            .map(|read| read.to_json())
            .map_err(problem),
    }
}

/// True when `text` was meant as a number but is not one (`12x`, `96OO`, `22.4o`): it starts
/// with a digit or a sign and holds nothing but ASCII (full-width forms folded) — no label of a
/// Chinese form does. Such a cell is a value that does not read, not a row's label.
pub fn looks_like_broken_number(text: &str) -> bool {
    let fold = |c: char| match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        c => c,
    };
    let mut folded = text.trim().chars().map(fold);
    folded
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.'))
        && folded.all(|c| c.is_ascii())
}

/// Removes thousands separators, only where they separate groups of three digits.
fn thousands(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !text.contains(',') {
        return Some(text.into());
    }
    let (int, frac) = text
        .split_once('.')
        .map_or((text, None), |(i, f)| (i, Some(f)));
    let (sign, int) = int.strip_prefix('-').map_or(("", int), |rest| ("-", rest));
    let groups: Vec<&str> = int.split(',').collect();
    let well_formed = !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
    if !well_formed {
        return None;
    }
    let mut out = format!("{sign}{}", groups.concat());
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    Some(out.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, kind: ValueKind, unit: Option<&str>) -> Result<ReadCell, String> {
        parse(text, kind, unit).map_err(|p| p.message(crate::model::lang::Lang::En))
    }

    fn num(text: &str) -> ReadCell {
        ReadCell::Number(text.parse().unwrap())
    }

    #[test]
    fn numbers_meant_but_broken_are_not_labels() {
        for broken in ["12x", "96OO", "22.4o", "１２ｘ", "-3a"] {
            assert!(looks_like_broken_number(broken), "{broken}");
            assert!(!looks_like_value(broken), "{broken}");
        }
        for label in [
            "1.属于国家秘密",
            "（一）予以公开",
            "自然人",
            "2024年",
            "x12",
        ] {
            assert!(!looks_like_broken_number(label), "{label}");
        }
    }

    #[test]
    fn numbers_as_written() {
        assert_eq!(read("12", ValueKind::Count, None), Ok(num("12")));
        assert_eq!(read(" 1,234 ", ValueKind::Count, None), Ok(num("1234")));
        assert_eq!(
            read("1，234，567", ValueKind::Count, None),
            Ok(num("1234567"))
        );
        assert_eq!(read("１２", ValueKind::Count, None), Ok(num("12")));
        assert_eq!(read("3件", ValueKind::Count, None), Ok(num("3")));
        assert_eq!(read("-8", ValueKind::SignedCount, None), Ok(num("-8")));
        assert_eq!(
            read("96171.6", ValueKind::Amount, Some("万元")),
            Ok(num("96171.6"))
        );
    }

    #[test]
    fn digits_beyond_a_decimal_are_refused_not_rounded() {
        for text in [
            "0.000000000000000000000000000001",
            "1.00000000000000000000000000001",
        ] {
            assert!(
                read(text, ValueKind::Amount, None)
                    .is_err_and(|e| e.contains("more significant digits")),
                "{text}"
            );
        }
        assert_eq!(
            read("0.0000000000000000000000000001", ValueKind::Amount, None),
            Ok(num("0.0000000000000000000000000001"))
        );
    }

    #[test]
    fn units_are_converted_exactly() {
        assert_eq!(
            read("251000元", ValueKind::Amount, Some("万元")),
            Ok(num("25.1"))
        );
        assert_eq!(
            read("1.5亿元", ValueKind::Amount, Some("万元")),
            Ok(num("15000"))
        );
        assert_eq!(
            read("25.1万元", ValueKind::Amount, Some("元")),
            Ok(num("251000"))
        );
        assert_eq!(
            read("0.01元", ValueKind::Amount, Some("万元")),
            Ok(num("0.000001"))
        );
        // A space before the unit, as a spreadsheet's number format prints it.
        assert_eq!(
            read("96171.60 万元", ValueKind::Amount, Some("万元")),
            Ok(num("96171.60"))
        );
        assert!(
            read("251000元", ValueKind::Amount, None)
                .unwrap_err()
                .contains("no unit")
        );
    }

    #[test]
    fn a_number_may_carry_its_columns_own_unit() {
        let n = |text, kind, unit| {
            read(text, kind, Some(unit)).map(|c| match c {
                ReadCell::Number(n) => n.to_string(),
                other => format!("{other:?}"),
            })
        };
        assert_eq!(n("98.5%", ValueKind::Amount, "%").unwrap(), "98.5");
        assert_eq!(n("4.50天", ValueKind::Amount, "天").unwrap(), "4.50");
        assert_eq!(n("1,203人次", ValueKind::Count, "人次").unwrap(), "1203");
        // Another unit is not the column's.
        assert!(n("4.50天", ValueKind::Amount, "%").is_err());
        assert!(n("98.5%", ValueKind::Amount, "天").is_err());
    }

    #[test]
    fn blanks_and_marks_are_kept() {
        assert_eq!(read("", ValueKind::Count, None), Ok(ReadCell::Blank));
        assert_eq!(read("\u{a0}", ValueKind::Count, None), Ok(ReadCell::Blank));
        assert_eq!(
            read("/", ValueKind::Count, None),
            Ok(ReadCell::Mark(Mark::Slash))
        );
        assert_eq!(
            read("—", ValueKind::Count, None),
            Ok(ReadCell::Mark(Mark::EmDash))
        );
        assert_eq!(
            read("-", ValueKind::Count, None),
            Ok(ReadCell::Mark(Mark::Hyphen))
        );
        assert_eq!(
            read("无", ValueKind::Count, None),
            Ok(ReadCell::Mark(Mark::Wu))
        );
        assert_eq!(read("0", ValueKind::Count, None), Ok(num("0")));
        assert_ne!(
            read("0", ValueKind::Count, None),
            read("", ValueKind::Count, None)
        );
    }

    #[test]
    fn a_column_whose_template_states_no_unit_needs_the_cells_unit() {
        let cell = crate::model::info::CellInfo {
            pointer: "/amount".to_owned(),
            keys: vec!["amount"],
            labels: vec!["采购总金额"],
            row_labels: 0,
            row_keys: 0,
            kind: ValueKind::Amount,
            unit: Some("元"),
            unit_unstated: true,
            rows: None,
        };
        let number = |text: &str| match parse_cell(text, &cell) {
            Ok(ReadCell::Number(n)) => Ok(n.to_string()),
            Ok(other) => Ok(format!("{other:?}")),
            Err(e) => Err(e),
        };
        assert_eq!(number("251000元").unwrap(), "251000");
        assert_eq!(number("25.1万元").unwrap(), "251000");
        assert_eq!(number("0").unwrap(), "0", "0 is 0 in any unit");
        assert!(matches!(
            number("251000").unwrap_err().problem,
            Problem::NoUnit(_)
        ));
        assert_eq!(in_unit("251000", "元"), "251000元");
        assert_eq!(in_unit("25.1万元", "元"), "25.1万元");
        assert_eq!(in_unit("—", "元"), "—");
    }

    #[test]
    fn nothing_is_guessed() {
        assert!(
            read("270020130", ValueKind::Count, None).is_ok(),
            "a run of digits is one number"
        );
        assert!(
            read("12 3", ValueKind::Count, None)
                .unwrap_err()
                .contains("not a number")
        );
        assert!(
            read("1,23", ValueKind::Count, None)
                .unwrap_err()
                .contains("not a number")
        );
        assert!(read("abc", ValueKind::Count, None).is_err());
        assert!(
            read("1.5", ValueKind::Count, None)
                .unwrap_err()
                .contains("whole number")
        );
        assert!(
            read("-3", ValueKind::Count, None)
                .unwrap_err()
                .contains("negative")
        );
        assert!(read("约10", ValueKind::Count, None).is_err());
    }

    #[test]
    fn json_keeps_digits() {
        assert_eq!(num("25.10"), ReadCell::Number(Decimal::new(2510, 2)));
        assert_eq!(
            read("96171.60", ValueKind::Amount, Some("万元")).unwrap(),
            ReadCell::Number(Decimal::new(9617160, 2))
        );
        assert_eq!(ReadCell::Blank.to_json(), serde_json::Value::Null);
        assert_eq!(ReadCell::Mark(Mark::Slash).to_json(), "/");
    }
}
