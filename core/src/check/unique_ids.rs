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

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn same_rule(a: RuleId, b: RuleId) -> bool {
    same(a.id, b.id) && same(a.path, b.path) && same(a.meaning, b.meaning)
}

/// Whether `ids[..end]` or any earlier list already holds `id`.
const fn seen(parts: &[&[RuleId]], part: usize, end: usize, id: RuleId) -> bool {
    let mut p = 0;
    while p <= part {
        let list = parts[p];
        let stop = if p == part { end } else { list.len() };
        let mut i = 0;
        while i < stop {
            if same_rule(list[i], id) {
                return true;
            }
            i += 1;
        }
        p += 1;
    }
    false
}

/// How many distinct ids `parts` hold together: the length of [`distinct`]'s result.
pub const fn distinct_len(parts: &[&[RuleId]]) -> usize {
    let mut n = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            if !seen(parts, p, i, parts[p][i]) {
                n += 1;
            }
            i += 1;
        }
        p += 1;
    }
    n
}

/// The ids of `parts`, each (id, struct) once, in order; `N` is [`distinct_len`] of `parts`.
pub const fn distinct<const N: usize>(parts: &[&[RuleId]]) -> [RuleId; N] {
    let mut out = [RuleId {
        id: "",
        meaning: "",
        path: "",
    }; N];
    let mut n = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            if !seen(parts, p, i, parts[p][i]) {
                out[n] = parts[p][i];
                n += 1;
            }
            i += 1;
        }
        p += 1;
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

/// Compile-time check behind every derived form: no rule id is declared by two structs.
pub const fn assert_unique(ids: &[RuleId]) {
    let mut i = 0;
    while i < ids.len() {
        let mut j = i + 1;
        while j < ids.len() {
            if same(ids[i].id, ids[j].id) && !same(ids[i].meaning, ids[j].meaning) {
                let (buffer, len) = join(&[
                    "rule id `",
                    ids[i].id,
                    "` names two rules: `",
                    ids[i].meaning,
                    "` in `",
                    ids[i].path,
                    "` and `",
                    ids[j].meaning,
                    "` in `",
                    ids[j].path,
                    "`; give each rule its own id",
                ]);
                match core::str::from_utf8(buffer.split_at(len).0) {
                    Ok(message) => panic!("{}", message),
                    Err(_) => panic!("a rule id is declared by two structs"),
                }
            }
            j += 1;
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

    #[test]
    fn the_same_declaration_met_twice_is_kept_once() {
        let parts: &[&[RuleId]] = &[&[A, Y], &[A], &[Y, B]];
        assert_eq!(distinct_len(parts), 3);
        let ids = distinct::<3>(parts);
        let ids: Vec<(&str, &str)> = ids.iter().map(|r| (r.id, r.path)).collect();
        assert_eq!(ids, [("X", "m::A"), ("Y", "m::A"), ("X", "m::B")]);
        assert_unique(&[A, Y, A]);
        // The same rule declared by a second struct.
        assert_unique(&[A, Y, A_AGAIN]);
    }

    #[test]
    #[should_panic(
        expected = "rule id `X` names two rules: `check a <= b` in `m::A` and `check c <= d` in `m::B`"
    )]
    fn one_id_from_two_structs_is_refused() {
        assert_unique(&[A, Y, B]);
    }
}
