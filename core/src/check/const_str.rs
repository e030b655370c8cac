//! Strings compared in `const` evaluation, where `str`'s own comparisons are not available:
//! operator symbols, field names and rule ids checked at compile time.

use core::cmp::Ordering;

/// `a` against `b`, byte by byte.
pub(crate) const fn compare(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        i += 1;
    }
    if a.len() < b.len() {
        Ordering::Less
    } else if a.len() > b.len() {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

/// `a == b`.
pub(crate) const fn eq(a: &str, b: &str) -> bool {
    matches!(compare(a, b), Ordering::Equal)
}
