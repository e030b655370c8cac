//! A JSON document with its numbers exact: as written, digit for digit, never through `f64`.
//! What the JSON Logic evaluator ([`super::apply`]) reads a report as.

use serde_json::value::RawValue;

use crate::model::num::Num;

/// A JSON value whose numbers are exact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exact {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, exact (`None` for one no exact number holds, such as `1e400`).
    Number(Option<Num>, String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Exact>),
    /// An object, its keys in the order written.
    Object(Vec<(String, Exact)>),
}

/// Why a text is not a JSON document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotJson(pub String);

/// Deepest nesting read: a document deeper than this is refused, not recursed into (each
/// level reads its part of the text again, so the work stays within 64 times the text).
pub const MAX_DEPTH: usize = 64;

impl Exact {
    /// Reads a JSON text, its numbers exact.
    pub fn parse(text: &str) -> Result<Exact, NotJson> {
        let raw: &RawValue = serde_json::from_str(text).map_err(|e| NotJson(e.to_string()))?;
        Exact::of(raw, 0)
    }

    fn of(raw: &RawValue, depth: usize) -> Result<Exact, NotJson> {
        if depth > MAX_DEPTH {
            return Err(NotJson(format!("nested deeper than {MAX_DEPTH}")));
        }
        let text = raw.get().trim();
        let not_json = |e: serde_json::Error| NotJson(e.to_string());
        Ok(match text.as_bytes().first() {
            Some(b'{') => {
                let entries: indexed::Entries<'_> = serde_json::from_str(text).map_err(not_json)?;
                let mut out = Vec::with_capacity(entries.0.len());
                for (key, value) in entries.0 {
                    out.push((key, Exact::of(value, depth + 1)?));
                }
                Exact::Object(out)
            }
            Some(b'[') => {
                let items: Vec<&RawValue> = serde_json::from_str(text).map_err(not_json)?;
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(Exact::of(item, depth + 1)?);
                }
                Exact::Array(out)
            }
            Some(b'"') => Exact::String(serde_json::from_str(text).map_err(not_json)?),
            Some(b't') => Exact::Bool(true),
            Some(b'f') => Exact::Bool(false),
            Some(b'n') => Exact::Null,
            _ => Exact::Number(Num::parse(text), text.to_owned()),
        })
    }

    /// The value at keys `path` (`a.b.c` split), if there is one.
    pub fn at<'a>(&'a self, path: impl IntoIterator<Item = &'a str>) -> Option<&'a Exact> {
        let mut value = self;
        for key in path {
            value = match value {
                Exact::Object(entries) => &entries.iter().find(|(k, _)| k == key)?.1,
                Exact::Array(items) => items.get(key.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(value)
    }
}

/// An object's entries in the order written (serde's map would sort or merge them).
mod indexed {
    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
    use serde_json::value::RawValue;

    pub struct Entries<'a>(pub Vec<(String, &'a RawValue)>);

    impl<'de: 'a, 'a> Deserialize<'de> for Entries<'a> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Entries<'a>(std::marker::PhantomData<&'a ()>);
            impl<'de: 'a, 'a> Visitor<'de> for Entries<'a> {
                type Value = super::indexed::Entries<'a>;
                fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                    f.write_str("a JSON object")
                }
                fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                    let mut out = Vec::new();
                    while let Some((key, value)) = map.next_entry::<String, &'de RawValue>()? {
                        out.push((key, value));
                    }
                    Ok(super::indexed::Entries(out))
                }
            }
            deserializer.deserialize_map(Entries(std::marker::PhantomData))
        }
    }
}
