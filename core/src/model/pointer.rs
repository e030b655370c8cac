//! JSON pointers (RFC 6901).

/// `base` with one more reference token, escaped.
pub fn push(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    push_onto(&mut out, token);
    out
}

/// Extends the pointer `at` by one token, in place.
pub fn push_onto(at: &mut String, token: &str) {
    at.push('/');
    if !token.contains(['~', '/']) {
        at.push_str(token);
        return;
    }
    for ch in token.chars() {
        match ch {
            '~' => at.push_str("~0"),
            '/' => at.push_str("~1"),
            _ => at.push(ch),
        }
    }
}

/// The pointer for a path of keys.
pub fn from_keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> String {
    keys.into_iter().fold(String::new(), |acc, k| push(&acc, k))
}

/// The reference tokens of a pointer, unescaped.
pub fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|t| match t.contains('~') {
            true => t.replace("~1", "/").replace("~0", "~"),
            false => t.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_tokens() {
        assert_eq!(super::from_keys(["a/b", "c~d", "e"]), "/a~1b/c~0d/e");
        assert_eq!(super::tokens("/a~1b/c~0d/e"), ["a/b", "c~d", "e"]);
        assert!(super::tokens("").is_empty());
    }
}
