//! A JSON Logic evaluator for the rules baobiao exports, exact: numbers as [`Num`], no
//! floating point. It takes the operations the export writes (`if`, `==`, `===`, `!=`, `!`,
//! `in`, `var` (with a default), `+`, `-`, `*`, `<`, `<=` (also between), `>`, `>=`, `and`,
//! `or`, and over repeated rows `all` and `reduce`) with JSON
//! Logic's meaning, and refuses any other. `baobiao check --schema` checks a report with it
//! against a form it has only as an exported schema; the tests hold it to the compiled check.

use serde_json::Value;

use crate::model::num::Num;
use crate::schema::exact::Exact;

/// Why an expression could not be evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogicError(pub String);

/// What an expression evaluates to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A value of the document, or a literal.
    Value(Exact),
    /// A number computed.
    Number(Num),
}

impl Outcome {
    fn truthy(&self) -> bool {
        match self {
            Outcome::Number(n) => *n != Num::ZERO,
            Outcome::Value(v) => match v {
                Exact::Null => false,
                Exact::Bool(b) => *b,
                Exact::Number(n, _) => n.is_none_or(|n| n != Num::ZERO),
                Exact::String(s) => !s.is_empty(),
                Exact::Array(items) => !items.is_empty(),
                Exact::Object(_) => true,
            },
        }
    }

    fn number(&self, op: &str) -> Result<Num, LogicError> {
        match self {
            Outcome::Number(n) | Outcome::Value(Exact::Number(Some(n), _)) => Ok(*n),
            other => Err(LogicError(format!(
                "`{op}` needs numbers, not {}",
                other.describe()
            ))),
        }
    }

    /// The outcome as a string, when it is one (`"pass"`).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Outcome::Value(Exact::String(s)) => Some(s),
            _ => None,
        }
    }

    fn describe(&self) -> String {
        match self {
            Outcome::Number(n) => n.to_string(),
            Outcome::Value(Exact::Number(_, text)) => text.clone(),
            Outcome::Value(Exact::String(s)) => format!("{s:?}"),
            Outcome::Value(Exact::Null) => "null".into(),
            Outcome::Value(Exact::Bool(b)) => b.to_string(),
            Outcome::Value(Exact::Array(_)) => "an array".into(),
            Outcome::Value(Exact::Object(_)) => "an object".into(),
        }
    }

    /// Strict equality (`===`): same type and value.
    fn same(&self, other: &Outcome) -> bool {
        match (self.as_number(), other.as_number()) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.literal() == other.literal(),
            _ => false,
        }
    }

    fn as_number(&self) -> Option<Num> {
        match self {
            Outcome::Number(n) | Outcome::Value(Exact::Number(Some(n), _)) => Some(*n),
            _ => None,
        }
    }

    fn literal(&self) -> Option<&Exact> {
        match self {
            Outcome::Value(v) => Some(v),
            Outcome::Number(_) => None,
        }
    }
}

/// Nesting of expressions evaluated: deeper is refused.
const MAX_DEPTH: usize = 64;

/// Evaluates `logic` over `data`.
pub fn apply(logic: &Value, data: &Exact) -> Result<Outcome, LogicError> {
    eval(logic, data, 0)
}

fn literal(value: &Value) -> Result<Exact, LogicError> {
    Exact::parse(&value.to_string()).map_err(|e| LogicError(e.0))
}

fn eval(logic: &Value, data: &Exact, depth: usize) -> Result<Outcome, LogicError> {
    if depth > MAX_DEPTH {
        return Err(LogicError(format!(
            "expressions nested deeper than {MAX_DEPTH}"
        )));
    }
    let Value::Object(map) = logic else {
        return match logic {
            Value::Array(items) => {
                let values = items
                    .iter()
                    .map(|i| eval(i, data, depth + 1).map(|o| to_exact(&o)))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Outcome::Value(Exact::Array(values)))
            }
            other => literal(other).map(Outcome::Value),
        };
    };
    let (op, args) = match map.iter().next() {
        Some(entry) if map.len() == 1 => entry,
        _ => return Err(LogicError("an operation is an object of one key".into())),
    };
    let args: Vec<&Value> = match args {
        Value::Array(items) => items.iter().collect(),
        one => vec![one],
    };
    let arg = |i: usize| -> Result<Outcome, LogicError> {
        let value = args
            .get(i)
            .ok_or_else(|| LogicError(format!("`{op}` needs {} arguments", i + 1)))?;
        eval(value, data, depth + 1)
    };
    let numbers = || -> Result<Vec<Num>, LogicError> {
        (0..args.len()).map(|i| arg(i)?.number(op)).collect()
    };
    let overflow = || LogicError(format!("`{op}`: beyond exact arithmetic"));
    Ok(match op.as_str() {
        "var" => {
            let path = match args.first() {
                Some(Value::String(path)) => path.clone(),
                Some(other) => return Err(LogicError(format!("`var` takes a path, not {other}"))),
                None => String::new(),
            };
            let found = if path.is_empty() {
                Some(data)
            } else {
                data.at(path.split('.'))
            };
            // `{"var": [path, default]}`: the default where the path has no value.
            match (found, args.get(1)) {
                (None | Some(Exact::Null), Some(default)) => eval(default, data, depth + 1)?,
                (found, _) => Outcome::Value(found.cloned().unwrap_or(Exact::Null)),
            }
        }
        // Over an array: `all` (false for none, as JSON Logic says) and `reduce`, each item
        // (and the accumulator) the data of the expression applied to it.
        "all" => {
            let items = array(op, arg(0)?)?;
            let test = args
                .get(1)
                .ok_or_else(|| LogicError("`all` needs a test".into()))?;
            let mut all = !items.is_empty();
            for item in &items {
                if !eval(test, item, depth + 1)?.truthy() {
                    all = false;
                    break;
                }
            }
            Outcome::Value(Exact::Bool(all))
        }
        "reduce" => {
            let items = array(op, arg(0)?)?;
            let (Some(step), Some(_)) = (args.get(1), args.get(2)) else {
                return Err(LogicError(
                    "`reduce` needs an array, a step and a start".into(),
                ));
            };
            let mut accumulator = to_exact(&arg(2)?);
            for item in items {
                let scope = Exact::Object(vec![
                    ("current".to_owned(), item),
                    ("accumulator".to_owned(), accumulator),
                ]);
                accumulator = to_exact(&eval(step, &scope, depth + 1)?);
            }
            Outcome::Value(accumulator)
        }
        "if" => {
            let mut i = 0;
            while i + 1 < args.len() {
                if arg(i)?.truthy() {
                    return arg(i + 1);
                }
                i += 2;
            }
            if i < args.len() {
                arg(i)?
            } else {
                Outcome::Value(Exact::Null)
            }
        }
        "and" | "or" => {
            let mut last = Outcome::Value(Exact::Bool(op == "and"));
            for i in 0..args.len() {
                last = arg(i)?;
                if last.truthy() != (op == "and") {
                    break;
                }
            }
            last
        }
        "!" => Outcome::Value(Exact::Bool(!arg(0)?.truthy())),
        "===" | "!==" => {
            let same = arg(0)?.same(&arg(1)?);
            Outcome::Value(Exact::Bool(same == (op == "===")))
        }
        // The export compares numbers with these; anything else is refused, not guessed.
        "==" | "!=" => {
            let (a, b) = (arg(0)?.number(op)?, arg(1)?.number(op)?);
            Outcome::Value(Exact::Bool((a == b) == (op == "==")))
        }
        "<" | "<=" | ">" | ">=" => {
            let n = numbers()?;
            let holds = |a: Num, b: Num| match op.as_str() {
                "<" => a < b,
                "<=" => a <= b,
                ">" => a > b,
                _ => a >= b,
            };
            let result = match n.as_slice() {
                [a, b] => holds(*a, *b),
                [a, b, c] if op == "<" || op == "<=" => holds(*a, *b) && holds(*b, *c),
                _ => {
                    return Err(LogicError(format!(
                        "`{op}` takes two numbers (three for between)"
                    )));
                }
            };
            Outcome::Value(Exact::Bool(result))
        }
        "in" => {
            let needle = arg(0)?;
            match arg(1)? {
                Outcome::Value(Exact::Array(items)) => Outcome::Value(Exact::Bool(
                    items
                        .iter()
                        .any(|i| needle.same(&Outcome::Value(i.clone()))),
                )),
                Outcome::Value(Exact::String(haystack)) => match needle {
                    Outcome::Value(Exact::String(s)) => {
                        Outcome::Value(Exact::Bool(haystack.contains(&s)))
                    }
                    _ => Outcome::Value(Exact::Bool(false)),
                },
                _ => return Err(LogicError("`in` looks in an array or a string".into())),
            }
        }
        "+" => Outcome::Number(
            numbers()?
                .into_iter()
                .try_fold(Num::ZERO, |sum, n| sum.checked_add(n))
                .ok_or_else(overflow)?,
        ),
        "*" => Outcome::Number(
            numbers()?
                .into_iter()
                .try_fold(Num::Int(1), |product, n| product.checked_mul(n))
                .ok_or_else(overflow)?,
        ),
        "-" => match numbers()?.as_slice() {
            [a] => Outcome::Number(a.checked_neg().ok_or_else(overflow)?),
            [a, b] => Outcome::Number(a.checked_sub(*b).ok_or_else(overflow)?),
            _ => return Err(LogicError("`-` takes one or two numbers".into())),
        },
        other => {
            return Err(LogicError(format!(
                "operation `{other}` is not one baobiao exports"
            )));
        }
    })
}

/// The items of an array argument of `op` (none for `null`).
fn array(op: &str, outcome: Outcome) -> Result<Vec<Exact>, LogicError> {
    match outcome {
        Outcome::Value(Exact::Array(items)) => Ok(items),
        Outcome::Value(Exact::Null) => Ok(Vec::new()),
        other => Err(LogicError(format!(
            "`{op}` works over an array, not {}",
            other.describe()
        ))),
    }
}

fn to_exact(outcome: &Outcome) -> Exact {
    match outcome {
        Outcome::Value(v) => v.clone(),
        Outcome::Number(n) => Exact::Number(Some(*n), n.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(logic: Value, data: &str) -> Result<Outcome, LogicError> {
        apply(&logic, &Exact::parse(data).unwrap())
    }

    #[test]
    fn numbers_are_exact() {
        let sum = json!({"==": [{"+": [{"var": "a"}, {"var": "b"}]}, {"var": "c"}]});
        let data = r#"{"a": 0.1, "b": 0.2, "c": 0.3}"#;
        assert_eq!(run(sum, data).unwrap(), Outcome::Value(Exact::Bool(true)));
        let edge = json!({"<=": [-0.01, {"-": [{"var": "a"}, {"var": "b"}]}, 0.01]});
        let data = r#"{"a": 0.30, "b": 0.29}"#;
        assert_eq!(run(edge, data).unwrap(), Outcome::Value(Exact::Bool(true)));
        let big = r#"{"a": 12345678901234567890123}"#;
        let doubled = run(json!({"*": [2, {"var": "a"}]}), big).unwrap();
        assert_eq!(
            doubled.as_number().map(|n| n.to_string()).as_deref(),
            Some("24691357802469135780246")
        );
    }

    #[test]
    fn blanks_marks_and_conditions_read_as_the_export_means() {
        let blank = json!({"in": [{"var": "a.b"}, [null, "/"]]});
        assert_eq!(
            run(blank.clone(), r#"{"a": {"b": "/"}}"#).unwrap(),
            Outcome::Value(Exact::Bool(true))
        );
        assert_eq!(
            run(blank, r#"{"a": {}}"#).unwrap(),
            Outcome::Value(Exact::Bool(true))
        );
        let strict = json!({"===": [{"var": "f"}, null]});
        assert_eq!(
            run(strict, r#"{"f": false}"#).unwrap(),
            Outcome::Value(Exact::Bool(false))
        );
        let choose = json!({"if": [{"var": "f"}, "pass", "fail"]});
        assert_eq!(run(choose, r#"{"f": 0}"#).unwrap().as_str(), Some("fail"));
    }

    #[test]
    fn what_it_cannot_decide_is_an_error_not_a_guess() {
        assert!(run(json!({"cat": ["a", "b"]}), "{}").is_err());
        assert!(run(json!({"+": [{"var": "a"}, 1]}), r#"{"a": "x"}"#).is_err());
        assert!(run(json!({"+": [{"var": "a"}, 1]}), r#"{"a": 1e400}"#).is_err());
        let mut deep = json!(1);
        for _ in 0..100 {
            deep = json!({"+": [deep]});
        }
        assert!(run(deep, "{}").is_err());
        let nested = "[".repeat(100) + &"]".repeat(100);
        assert!(Exact::parse(&nested).is_err());
    }
}
