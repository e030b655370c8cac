//! Rule ids unique across a form, known at compile time.
//!
//! A rule id names one declaration. Each struct lists the ids it declares and, through its
//! fields' types, the ids declared beneath it ([`Component::RULE_IDS`]); the derive asserts in a
//! `const` item that no id is declared by two different structs, so the clash is a compile
//! error naming the id and both structs rather than a panic the first time the form is used.
//! A struct used in several places declares its rules once, and two structs may declare the
//! same rule (the same check on two row types): only one id with two meanings is a clash.
//!
//! [`Component::RULE_IDS`]: crate::model::component::Component::RULE_IDS

use crate::check::const_str;

/// One rule id and the struct that declares it.
#[derive(Clone, Copy, Debug)]
pub struct RuleId {
    /// The id.
    pub id: &'static str,
    /// What the declaration says, in words (`check a + b == c`): the same id may be declared
    /// by two structs only with the same meaning.
    pub meaning: &'static str,
    /// The declaring struct's path (`module::Name`).
    pub path: &'static str,
}

const EMPTY: RuleId = RuleId {
    id: "",
    meaning: "",
    path: "",
};

/// Ids in order of id, then meaning, then struct: one id's declarations side by side.
const fn before(a: RuleId, b: RuleId) -> bool {
    match const_str::compare(a.id, b.id) {
        core::cmp::Ordering::Less => return true,
        core::cmp::Ordering::Greater => return false,
        core::cmp::Ordering::Equal => {}
    }
    match const_str::compare(a.meaning, b.meaning) {
        core::cmp::Ordering::Less => return true,
        core::cmp::Ordering::Greater => return false,
        core::cmp::Ordering::Equal => {}
    }
    matches!(
        const_str::compare(a.path, b.path),
        core::cmp::Ordering::Less
    )
}

const fn same_rule(a: RuleId, b: RuleId) -> bool {
    const_str::eq(a.id, b.id)
        && const_str::eq(a.meaning, b.meaning)
        && const_str::eq(a.path, b.path)
}

/// How many ids `parts` hold together: the length of [`sorted`]'s result.
pub const fn count(parts: &[&[RuleId]]) -> usize {
    let mut n = 0;
    let mut p = 0;
    while p < parts.len() {
        n += parts[p].len();
        p += 1;
    }
    n
}

/// The ids of `parts` in order (by id, meaning, struct), by a bottom-up merge sort: compile-time work
/// grows as n log n, so a form with thousands of rule ids still compiles.
pub const fn sorted<const N: usize>(parts: &[&[RuleId]]) -> [RuleId; N] {
    let mut items = [EMPTY; N];
    let mut n = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            items[n] = parts[p][i];
            n += 1;
            i += 1;
        }
        p += 1;
    }
    let mut scratch = [EMPTY; N];
    let mut width = 1;
    while width < N {
        let mut start = 0;
        while start < N {
            let middle = if start + width < N { start + width } else { N };
            let end = if start + 2 * width < N {
                start + 2 * width
            } else {
                N
            };
            let (mut i, mut j, mut k) = (start, middle, start);
            while k < end {
                if i < middle && (j >= end || !before(items[j], items[i])) {
                    scratch[k] = items[i];
                    i += 1;
                } else {
                    scratch[k] = items[j];
                    j += 1;
                }
                k += 1;
            }
            start = end;
        }
        let mut c = 0;
        while c < N {
            items[c] = scratch[c];
            c += 1;
        }
        width *= 2;
    }
    items
}

/// How many distinct (id, meaning, struct) a [`sorted`] list holds.
pub const fn distinct_len(sorted: &[RuleId]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < sorted.len() {
        if i == 0 || !same_rule(sorted[i - 1], sorted[i]) {
            n += 1;
        }
        i += 1;
    }
    n
}

/// A [`sorted`] list with each (id, meaning, struct) once; `D` is its [`distinct_len`].
pub const fn distinct<const D: usize>(sorted: &[RuleId]) -> [RuleId; D] {
    let mut out = [EMPTY; D];
    let mut n = 0;
    let mut i = 0;
    while i < sorted.len() {
        if i == 0 || !same_rule(sorted[i - 1], sorted[i]) {
            out[n] = sorted[i];
            n += 1;
        }
        i += 1;
    }
    out
}

const MESSAGE_BYTES: usize = 512;

/// `parts` joined into a buffer (cut at [`MESSAGE_BYTES`]), with its length.
const fn join(parts: &[&str]) -> ([u8; MESSAGE_BYTES], usize) {
    let mut buffer = [0u8; MESSAGE_BYTES];
    let mut n = 0;
    let mut p = 0;
    while p < parts.len() {
        let bytes = parts[p].as_bytes();
        let mut i = 0;
        while i < bytes.len() && n < MESSAGE_BYTES {
            buffer[n] = bytes[i];
            n += 1;
            i += 1;
        }
        p += 1;
    }
    (buffer, n)
}

/// Compile-time check behind every derived form: no rule id names two different rules. `ids`
/// is [`sorted`], so one id's declarations stand side by side.
pub const fn assert_unique(ids: &[RuleId]) {
    let mut i = 1;
    while i < ids.len() {
        let (a, b) = (ids[i - 1], ids[i]);
        let same_id = const_str::eq(a.id, b.id);
        let same_meaning = const_str::eq(a.meaning, b.meaning);
        if same_id && !same_meaning {
            let (buffer, len) = join(&[
                "rule id `",
                a.id,
                "` names two rules: `",
                a.meaning,
                "` in `",
                a.path,
                "` and `",
                b.meaning,
                "` in `",
                b.path,
                "`; give each rule its own id",
            ]);
            match core::str::from_utf8(buffer.split_at(len).0) {
                Ok(message) => panic!("{}", message),
                Err(_) => panic!("a rule id names two rules in two structs"),
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: RuleId = RuleId {
        id: "X",
        meaning: "check a <= b",
        path: "m::A",
    };
    const B: RuleId = RuleId {
        id: "X",
        meaning: "check c <= d",
        path: "m::B",
    };
    const Y: RuleId = RuleId {
        id: "Y",
        meaning: "range 0..",
        path: "m::A",
    };
    const A_AGAIN: RuleId = RuleId { path: "m::C", ..A };

    fn table(parts: &[&[RuleId]]) -> Vec<RuleId> {
        let all: Vec<RuleId> = parts.iter().flat_map(|p| p.iter().copied()).collect();
        let mut sorted = all.clone();
        sorted.sort_by(|a, b| (a.id, a.meaning, a.path).cmp(&(b.id, b.meaning, b.path)));
        sorted.dedup_by(|a, b| same_rule(*a, *b));
        sorted
    }

    #[test]
    fn the_same_declaration_met_twice_is_kept_once() {
        let parts: &[&[RuleId]] = &[&[A, Y], &[A], &[Y, B]];
        assert_eq!(count(parts), 5);
        let all = sorted::<5>(parts);
        assert_eq!(distinct_len(&all), 3);
        let ids: Vec<(&str, &str)> = distinct::<3>(&all).iter().map(|r| (r.id, r.path)).collect();
        assert_eq!(ids, [("X", "m::A"), ("X", "m::B"), ("Y", "m::A")]);
        // The same rule declared by a second struct.
        let same = sorted::<4>(&[&[A, Y], &[A_AGAIN, A]]);
        assert_unique(&same);
    }

    #[test]
    fn sorting_agrees_with_the_standard_sort() {
        let mut ids = Vec::new();
        for n in 0..40u32 {
            let id: &'static str = Box::leak(format!("R-{}", (n * 17) % 13).into_boxed_str());
            let path: &'static str = Box::leak(format!("m::S{}", n % 3).into_boxed_str());
            ids.push(RuleId {
                id,
                meaning: "check a <= b",
                path,
            });
        }
        let parts: &[&[RuleId]] = &[&ids[..25], &ids[25..]];
        let ours: Vec<(&str, &str)> = sorted::<40>(parts).iter().map(|r| (r.id, r.path)).collect();
        let mut theirs: Vec<(&str, &str)> = ids.iter().map(|r| (r.id, r.path)).collect();
        theirs.sort();
        assert_eq!(ours, theirs);
        let all = sorted::<40>(parts);
        assert_eq!(distinct_len(&all), table(parts).len());
    }

    #[test]
    #[should_panic(
        expected = "rule id `X` names two rules: `check a <= b` in `m::A` and `check c <= d` in `m::B`"
    )]
    fn one_id_from_two_structs_is_refused() {
        assert_unique(&sorted::<3>(&[&[A, Y, B]]));
    }
}
