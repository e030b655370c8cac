//! Bytes → text: UTF-8, or the encoding a byte-order mark or the page's own `charset`
//! declaration names (GBK and GB18030 included). Nothing is guessed: bytes that are not UTF-8
//! and declare no encoding, or that are not valid in the encoding they declare, are an error.

use encoding_rs::Encoding;

/// How far into a page a `charset` declaration is looked for (HTML requires it in the first
/// 1024 bytes; some pages are sloppier).
const DECLARATION_WINDOW: usize = 4096;

/// Decodes `bytes`, saying which encoding was used.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom..]);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), "UTF-8"));
    }
    match declared(bytes) {
        Some(encoding) => strict(encoding, bytes),
        None => Err(
            "the file is neither UTF-8 nor declares its encoding (a BOM or a charset)".to_owned(),
        ),
    }
}

/// Decodes `bytes` in the encoding named by `label` (`gbk`, `gb18030`, `utf-8`, any WHATWG
/// label), as the user says the file is; a BOM for that encoding is skipped.
pub fn decode_as(bytes: &[u8], label: &str) -> Result<(String, &'static str), String> {
    let encoding = Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| format!("unknown encoding {label:?} (gbk, gb18030, utf-8, …)"))?;
    let bom = match Encoding::for_bom(bytes) {
        Some((found, len)) if found == encoding => len,
        _ => 0,
    };
    strict(encoding, &bytes[bom..])
        .map_err(|_| format!("the file is not valid {} throughout", encoding.name()))
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<(String, &'static str), String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| (text.into_owned(), encoding.name()))
        .ok_or_else(|| {
            format!(
                "the file declares {} but is not valid in it",
                encoding.name()
            )
        })
}

/// The encoding a page declares with `charset=…` near its start.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .copied()
        .collect();
    Encoding::for_label(&label)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn declared_gbk_is_decoded() {
        let (gbk, _, _) = encoding_rs::GBK.encode("<meta charset=\"gbk\"><td>行政许可</td>");
        let (text, used) = decode(&gbk).unwrap();
        assert!(text.contains("行政许可"));
        assert_eq!(used, "GBK");
        let (gb18030, _, _) = encoding_rs::GB18030
            .encode("<meta http-equiv=Content-Type content='text/html; charset=GB18030'>总计");
        assert!(decode(&gb18030).unwrap().0.ends_with("总计"));
    }

    #[test]
    fn utf8_and_boms() {
        assert_eq!(decode("规章".as_bytes()).unwrap().0, "规章");
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice("规章".as_bytes());
        assert_eq!(decode(&bom).unwrap().0, "规章");
    }

    #[test]
    fn an_encoding_named_by_the_user_is_used() {
        let (gbk, _, _) = encoding_rs::GBK.encode("表,行\n规章,0\n");
        assert_eq!(super::decode_as(&gbk, "gbk").unwrap().0, "表,行\n规章,0\n");
        assert!(
            super::decode_as(&gbk, "utf-8")
                .unwrap_err()
                .contains("UTF-8")
        );
        assert!(
            super::decode_as(&gbk, "klingon")
                .unwrap_err()
                .contains("unknown encoding")
        );
    }

    #[test]
    fn nothing_is_guessed() {
        let (gbk, _, _) = encoding_rs::GBK.encode("行政许可");
        assert!(decode(&gbk).unwrap_err().contains("declares"));
        let mut lying = b"<meta charset=utf-8>".to_vec();
        lying.extend_from_slice(&[0xc3, 0x28]);
        assert!(decode(&lying).is_err());
    }
}
