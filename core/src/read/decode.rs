//! Bytes → text: UTF-8, or the encoding a byte-order mark or the page's own `charset`
//! declaration names (GBK and GB18030 included). Nothing is guessed: bytes that are not UTF-8
//! and declare no encoding, or that are not valid in the encoding they declare, are an error.

use encoding_rs::Encoding;

use crate::read::refusal::Refusal;

/// How far into a page a `charset` declaration is looked for (HTML requires it in the first
/// 1024 bytes; some pages are sloppier).
const DECLARATION_WINDOW: usize = 4096;

/// Decodes `bytes`, saying which encoding was used: `None` when they are not UTF-8 and
/// declare no encoding (a BOM or a charset), an error when they are not valid in the one they
/// declare.
pub fn decode(bytes: &[u8]) -> Result<Option<(String, &'static str)>, Refusal> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom..]).map(Some);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Some((text.to_owned(), "UTF-8")));
    }
    declared(bytes)
        .map(|encoding| strict(encoding, bytes))
        .transpose()
}

/// Decodes `bytes` in the encoding named by `label` (`gbk`, `gb18030`, `utf-8`, any WHATWG
/// label), as the user says the file is; a BOM for that encoding is skipped.
pub fn decode_as(bytes: &[u8], label: &str) -> Result<(String, &'static str), Refusal> {
    let encoding =
        Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Refusal::UnknownEncoding {
            label: label.to_owned(),
        })?;
    let bom = match Encoding::for_bom(bytes) {
        Some((found, len)) if found == encoding => len,
        _ => 0,
    };
    strict(encoding, &bytes[bom..])
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<(String, &'static str), Refusal> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| (text.into_owned(), encoding.name()))
        .ok_or(Refusal::NotInEncoding {
            encoding: encoding.name(),
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
    use crate::read::refusal::Refusal;

    #[test]
    fn declared_gbk_is_decoded() {
        let (gbk, _, _) = encoding_rs::GBK.encode("<meta charset=\"gbk\"><td>行政许可</td>");
        let (text, used) = decode(&gbk).unwrap().unwrap();
        assert!(text.contains("行政许可"));
        assert_eq!(used, "GBK");
        let (gb18030, _, _) = encoding_rs::GB18030
            .encode("<meta http-equiv=Content-Type content='text/html; charset=GB18030'>总计");
        assert!(decode(&gb18030).unwrap().unwrap().0.ends_with("总计"));
    }

    #[test]
    fn utf8_and_boms() {
        assert_eq!(decode("规章".as_bytes()).unwrap().unwrap().0, "规章");
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice("规章".as_bytes());
        assert_eq!(decode(&bom).unwrap().unwrap().0, "规章");
    }

    #[test]
    fn an_encoding_named_by_the_user_is_used() {
        let (gbk, _, _) = encoding_rs::GBK.encode("表,行\n规章,0\n");
        assert_eq!(super::decode_as(&gbk, "gbk").unwrap().0, "表,行\n规章,0\n");
        assert_eq!(
            super::decode_as(&gbk, "utf-8").unwrap_err(),
            Refusal::NotInEncoding { encoding: "UTF-8" }
        );
        assert_eq!(
            super::decode_as(&gbk, "klingon").unwrap_err(),
            Refusal::UnknownEncoding {
                label: "klingon".to_owned()
            }
        );
    }

    #[test]
    fn nothing_is_guessed() {
        let (gbk, _, _) = encoding_rs::GBK.encode("行政许可");
        assert_eq!(decode(&gbk), Ok(None));
        let mut lying = b"<meta charset=utf-8>".to_vec();
        lying.extend_from_slice(&[0xc3, 0x28]);
        assert!(decode(&lying).is_err());
    }
}
