//! What the derive's `JsonSchema` implementations call: a struct's schema from its fields'
//! subschemas ([`object`]), a cell's ([`cell`]), and the form's rules and layout added to the
//! outermost one. Reached by generated code through `__private`.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value, json};

use crate::model::cell::{Cell, CellValue, Mark, ValueKind};
use crate::model::form::Form;

std::thread_local! {
    /// How deep the derived `json_schema` calls on this thread are nested: the outermost one
    /// is the form a schema is made for, and carries the rules and layout.
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Marks one derived `json_schema` call as under way (see [`Nesting::is_root`]).
#[derive(Debug)]
pub struct Nesting {
    root: bool,
}

impl Nesting {
    /// Enters a derived `json_schema` call.
    pub fn enter() -> Nesting {
        DEPTH.with(|depth| {
            let level = depth.get();
            depth.set(level + 1);
            Nesting { root: level == 0 }
        })
    }

    /// True for the outermost call: the schema of the form itself.
    pub fn is_root(&self) -> bool {
        self.root
    }
}

impl Drop for Nesting {
    fn drop(&mut self) {
        DEPTH.with(|depth| depth.set(depth.get().saturating_sub(1)));
    }
}

/// Adds the form's rules (`x-baobiao-rules`, and `x-baobiao-period-rules` between two
/// reports) and table layout (`x-baobiao-layout`) to its schema.
pub fn add_form_extensions<F: Form>(schema: &mut Schema) {
    let info = F::info();
    let map = schema.ensure_object();
    map.insert(
        "x-baobiao-rules".into(),
        serde_json::to_value(crate::schema::logic::export(info)).unwrap_or(Value::Null),
    );
    // Who reports and the period: what pairs a report with the one before it.
    for (key, pointer) in [
        ("x-baobiao-reporter", &info.reporter),
        ("x-baobiao-period", &info.period),
    ] {
        if let Some(pointer) = pointer {
            map.insert(key.into(), Value::String(pointer.clone()));
        }
    }
    // Rules between two reports only where the form declares some: other tools that know no
    // such rules see no new key.
    if !info.period_rules.is_empty() {
        map.insert(
            "x-baobiao-period-rules".into(),
            serde_json::to_value(crate::schema::logic::export_period(info)).unwrap_or(Value::Null),
        );
    }
    map.insert(
        "x-baobiao-layout".into(),
        serde_json::to_value(info.layout()).unwrap_or(Value::Null),
    );
}

/// `format`s schemars gives Rust integer types: not JSON Schema formats, so validators in strict
/// mode reject them; `minimum` and `maximum` already say the same.
const RUST_INTEGER_FORMATS: [&str; 12] = [
    "int8", "int16", "int32", "int64", "int128", "int", "uint8", "uint16", "uint32", "uint64",
    "uint128", "uint",
];

/// The schema of a choice: one of its options' keys, each titled with its label.
pub fn choice_schema(options: &[crate::model::choice::ChoiceOption]) -> Schema {
    let one_of: Vec<Value> = options
        .iter()
        .map(|o| json!({ "const": o.key, "title": o.label }))
        .collect();
    Schema::try_from(json!({ "type": "string", "oneOf": one_of })).unwrap_or_default()
}

/// The schema of a cell of `kind`: its number, `null` for a blank, or a not-applicable mark.
pub fn cell(kind: ValueKind) -> Schema {
    let number = match kind {
        ValueKind::Count => json!({
            "type": "integer",
            "minimum": 0,
            "maximum": u64::MAX,
            "description": "a count: a non-negative integer",
        }),
        ValueKind::SignedCount => json!({
            "type": "integer",
            "minimum": i64::MIN,
            "maximum": i64::MAX,
            "description": "a signed count: an integer",
        }),
        ValueKind::Amount => json!({
            "type": "number",
            "description": "an amount: an exact decimal, written as a JSON number",
        }),
    };
    let marks: Vec<&str> = Mark::ALL.iter().map(|m| m.as_str()).collect();
    let schema = json!({
        "anyOf": [
            number,
            { "type": "null", "description": "a blank cell" },
            { "enum": marks, "description": "a not-applicable mark, kept as written" },
        ],
    });
    Schema::try_from(schema).unwrap_or_default()
}

impl<T: CellValue> JsonSchema for Cell<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed(match T::KIND {
            ValueKind::Count => "Count",
            ValueKind::SignedCount => "SignedCount",
            ValueKind::Amount => "Amount",
        })
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        cell(T::KIND)
    }
}

/// A property of a derived struct, as the derive hands it over.
#[derive(Debug)]
pub struct Property {
    /// The key in JSON (serde renames applied).
    pub key: &'static str,
    /// The field's label: the property's `title`.
    pub label: Option<&'static str>,
    /// Other labels of the field.
    pub aliases: &'static [&'static str],
    /// The field's doc comment: the property's `description`.
    pub doc: Option<&'static str>,
    /// The unit of the field's numbers.
    pub unit: Option<&'static str>,
    /// Whether serde requires the field.
    pub required: bool,
    /// The subschema of the field's type.
    pub schema: Schema,
}

/// What a derived struct declares about itself.
#[derive(Debug)]
pub struct Object {
    /// The struct's label (`#[form(label)]`): the schema's `title`.
    pub label: Option<&'static str>,
    /// The struct's doc comment: the schema's `description`.
    pub doc: Option<&'static str>,
    /// `#[serde(deny_unknown_fields)]`: unknown keys are rejected.
    pub deny_unknown_fields: bool,
}

/// The schema of a derived struct.
pub fn object(object: Object, properties: Vec<Property>) -> Schema {
    let mut map = Map::new();
    map.insert("type".into(), "object".into());
    if let Some(label) = object.label {
        map.insert("title".into(), label.into());
    }
    if let Some(doc) = object.doc {
        map.insert("description".into(), doc.into());
    }
    let required: Vec<Value> = properties
        .iter()
        .filter(|p| p.required)
        .map(|p| p.key.into())
        .collect();
    // JSON objects have no order, and schema tools may sort keys: the declaration's order,
    // which a form drawn from the schema follows, is said apart.
    let order: Vec<Value> = properties.iter().map(|p| p.key.into()).collect();
    let mut props = Map::new();
    for property in properties {
        let mut schema = property.schema;
        let map = schema.ensure_object();
        if map
            .get("format")
            .and_then(Value::as_str)
            .is_some_and(|f| RUST_INTEGER_FORMATS.contains(&f))
        {
            map.remove("format");
        }
        // serde reads a set from an array with repeats (`["a", "a"]` is `{a}`); the schema
        // takes what serde takes.
        map.remove("uniqueItems");
        if let Some(label) = property.label {
            map.insert("title".into(), label.into());
        }
        if let Some(doc) = property.doc {
            map.insert("description".into(), doc.into());
        }
        if !property.aliases.is_empty() {
            map.insert("x-baobiao-aliases".into(), property.aliases.into());
        }
        if let Some(unit) = property.unit {
            map.insert("x-baobiao-unit".into(), unit.into());
        }
        props.insert(property.key.into(), schema.to_value());
    }
    map.insert("properties".into(), props.into());
    map.insert("x-baobiao-order".into(), order.into());
    if !required.is_empty() {
        map.insert("required".into(), required.into());
    }
    if object.deny_unknown_fields {
        map.insert("additionalProperties".into(), false.into());
    }
    Schema::from(map)
}
