//! The JSON a reading starts from, reused. Every reading starts from the form's skeleton
//! (every cell blank); copying it makes a string per key and a node per object, and dropping
//! the reading frees them again — a fifth of reading a short text. A reading done with is
//! kept here instead (a few per thread) and set back to the skeleton when the next reading of
//! that form starts: the same keys, found in place, nothing made or freed.

use std::cell::RefCell;

use serde_json::Value;

use crate::model::info::FormInfo;

/// The most readings kept per thread: a batch reads the same few forms over and over.
const KEPT: usize = 4;

thread_local! {
    /// Readings done with, by the form they were read as (its address: only a hint of which
    /// to take, since a taken one is set back to the skeleton whatever it held).
    static SPARE: RefCell<Vec<(usize, Value)>> = const { RefCell::new(Vec::new()) };
}

fn key(info: &FormInfo) -> usize {
    std::ptr::from_ref(info) as usize
}

/// The JSON for a new reading of the form: a copy of `skeleton`, made from a reading of the
/// form done with where there is one.
pub(super) fn take(info: &FormInfo, skeleton: &Value) -> Value {
    let spare = SPARE.with(|spare| {
        let mut spare = spare.borrow_mut();
        let at = spare.iter().position(|(k, _)| *k == key(info))?;
        Some(spare.swap_remove(at).1)
    });
    match spare {
        Some(mut json) => {
            reset(&mut json, skeleton);
            json
        }
        None => skeleton.clone(),
    }
}

/// Keeps the JSON of a reading of the form done with, for the next.
pub(crate) fn give_back(info: &FormInfo, json: Value) {
    SPARE.with(|spare| {
        let mut spare = spare.borrow_mut();
        if spare.len() >= KEPT {
            spare.remove(0);
        }
        spare.push((key(info), json));
    });
}

/// Makes `json` equal to `skeleton`, keeping what they share.
fn reset(json: &mut Value, skeleton: &Value) {
    match (json, skeleton) {
        (Value::Object(map), Value::Object(wanted)) => {
            // Mostly the same keys in the same order: walked side by side, nothing looked up.
            let same_keys =
                map.len() == wanted.len() && map.keys().zip(wanted.keys()).all(|(a, b)| a == b);
            if same_keys {
                for ((_, have), (_, value)) in map.iter_mut().zip(wanted) {
                    reset(have, value);
                }
                return;
            }
            map.retain(|k, _| wanted.contains_key(k));
            for (key, value) in wanted {
                match map.get_mut(key) {
                    Some(have) => reset(have, value),
                    None => {
                        map.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (json, skeleton) => *json = skeleton.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::reset;

    #[test]
    fn a_reading_is_set_back_to_the_skeleton() {
        let skeleton = serde_json::json!({
            "t": {"a": null, "b": {"c": null}, "rows": []},
            "empty": {},
        });
        let mut json = serde_json::json!({
            "t": {"a": 5, "b": {"c": "—", "x": 1}, "rows": [{"n": 1}]},
            "title": "某县2024年报告",
        });
        reset(&mut json, &skeleton);
        assert_eq!(json, skeleton);
        let mut other = serde_json::json!([1, 2]);
        reset(&mut other, &skeleton);
        assert_eq!(other, skeleton);
    }
}
