//! Label normalisation: what makes `（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）`,
//! `(二)部分公开(区分处理的,只计这一情形,不计其他情形)` and the Traditional-character mirror's
//! version compare equal to the declared label, and nothing more.
//!
//! Both sides of a comparison are normalised. The steps follow format-2021.md §7 and
//! report-errors.md §4: full-width forms to ASCII; white space (also inside labels, from PDF and
//! Word wrapping) removed; quotes removed; numbering `1．` `1、` `1)` `(1)` to `1.`; the list
//! separator `、` and `，` made one; Traditional characters of the official labels to Simplified.

/// Traditional → Simplified for every character of the official labels that has a distinct
/// Traditional form (generated once from the labels of both forms with OpenCC `s2t`, then
/// reversed), and a few variants mirrors use.
const TRADITIONAL: &[(char, char)] = &[
    ('萬', '万'),
    ('與', '与'),
    ('業', '业'),
    ('爲', '为'),
    ('為', '为'),
    ('舉', '举'),
    ('於', '于'),
    ('會', '会'),
    ('體', '体'),
    ('關', '关'),
    ('內', '内'),
    ('決', '决'),
    ('況', '况'),
    ('減', '减'),
    ('辦', '办'),
    ('務', '务'),
    ('動', '动'),
    ('區', '区'),
    ('單', '单'),
    ('發', '发'),
    ('後', '后'),
    ('國', '国'),
    ('處', '处'),
    ('復', '复'),
    ('複', '复'),
    ('審', '审'),
    ('對', '对'),
    ('屬', '属'),
    ('應', '应'),
    ('廢', '废'),
    ('開', '开'),
    ('強', '强'),
    ('當', '当'),
    ('總', '总'),
    ('執', '执'),
    ('護', '护'),
    ('報', '报'),
    ('據', '据'),
    ('數', '数'),
    ('無', '无'),
    ('機', '机'),
    ('權', '权'),
    ('條', '条'),
    ('構', '构'),
    ('標', '标'),
    ('沒', '没'),
    ('現', '现'),
    ('確', '确'),
    ('祕', '秘'),
    ('稱', '称'),
    ('穩', '稳'),
    ('類', '类'),
    ('糾', '纠'),
    ('納', '纳'),
    ('組', '组'),
    ('織', '织'),
    ('經', '经'),
    ('結', '结'),
    ('繼', '继'),
    ('續', '续'),
    ('維', '维'),
    ('繳', '缴'),
    ('罰', '罚'),
    ('範', '范'),
    ('獲', '获'),
    ('補', '补'),
    ('規', '规'),
    ('計', '计'),
    ('認', '认'),
    ('議', '议'),
    ('許', '许'),
    ('訟', '讼'),
    ('訪', '访'),
    ('訴', '诉'),
    ('詢', '询'),
    ('請', '请'),
    ('負', '负'),
    ('購', '购'),
    ('費', '费'),
    ('轉', '转'),
    ('過', '过'),
    ('這', '这'),
    ('進', '进'),
    ('採', '采'),
    ('問', '问'),
    ('項', '项'),
    ('題', '题'),
    ('額', '额'),
    ('製', '制'),
    ('資', '资'),
    ('訊', '讯'),
];

/// Words a Traditional mirror replaces rather than converts (`文件` becomes `檔案`).
const TRADITIONAL_WORDS: &[(&str, &str)] = &[("檔案", "文件")];

/// A label in comparable form.
pub fn normalise(label: &str) -> String {
    normalise_within(label, usize::MAX).0
}

/// The beginning of `text` in comparable form, stopping once `max` bytes are written (a
/// paragraph is looked at only for what it starts with), and whether that is all of it. What
/// is written is the beginning of [`normalise`]'s result, unless the stop falls inside a
/// leading item number (`(` and `max` digits), whose `(` the whole result drops.
pub fn normalise_within(label: &str, max: usize) -> (String, bool) {
    // One pass, one string: labels are normalised by the thousand per report.
    let folding = Folding::get();
    // No more room than the result can take: what is kept of a long paragraph stays small.
    let mut out = String::with_capacity(label.len().min(max.saturating_add(4)));
    // Where a word replaced ends: its characters are not taken again.
    let mut skip_to = 0;
    let mut whole = true;
    for (at, ch) in label.char_indices() {
        if at < skip_to {
            continue;
        }
        // Stopped between characters, never inside a word replaced.
        if out.len() >= max {
            whole = false;
            break;
        }
        if ch.is_ascii() {
            if !ch.is_whitespace() && ch != '"' && ch != '\'' {
                out.push(ch);
            }
            continue;
        }
        match folding.fold(ch) {
            c if c.is_whitespace() || c == '\u{a0}' => {}
            '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' => {}
            '、' => out.push(','),
            c => {
                // Words a Traditional mirror replaces rather than converts.
                let word = folding
                    .word_starts
                    .contains(&c)
                    .then(|| {
                        TRADITIONAL_WORDS
                            .iter()
                            .find(|(traditional, _)| label[at..].starts_with(traditional))
                    })
                    .flatten();
                match word {
                    Some((traditional, simplified)) => {
                        out.push_str(simplified);
                        skip_to = at + traditional.len();
                    }
                    None => out.push(c),
                }
            }
        }
    }
    numbering(&mut out);
    (out, whole)
}

/// A normalised row label without the unit a template writes after it (`独立用户访问总量
/// (单位:个)`): rows are found whether or not their label carries its unit.
pub fn without_unit(normalised: &str) -> &str {
    match normalised.rfind("(单位:") {
        Some(at) if at > 0 && normalised.ends_with(')') => &normalised[..at],
        _ => normalised,
    }
}

/// A row label as rows are compared: normalised, without its unit.
pub fn row_label(label: &str) -> String {
    let mut normalised = normalise(label);
    let kept = without_unit(&normalised).len();
    normalised.truncate(kept);
    normalised
}

/// A normalised heading without its ordinal (`一,` `(一)` `1.` `(1)`): how a section's heading
/// is found whether it is numbered, or numbered as the form numbers it. Only a number followed
/// by its separator is an ordinal (`一般` and `十分` are words).
pub fn without_ordinal(normalised: &str) -> &str {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百零〇".contains(c);
    if let Some(rest) = normalised.strip_prefix('(') {
        let digits = rest.len() - rest.trim_start_matches(numeral).len();
        if digits > 0 && rest[digits..].starts_with(')') {
            return &rest[digits + 1..];
        }
        return normalised;
    }
    let digits = normalised.len() - normalised.trim_start_matches(numeral).len();
    match normalised[digits..].chars().next() {
        Some(',' | '.') if digits > 0 => &normalised[digits + 1..],
        _ => normalised,
    }
}

/// How alike two normalised labels are, from 0 to 1: twice their longest common subsequence of
/// characters over their lengths together (`规范性文件` and `行政规范性文件`: 0.83). Labels
/// longer than [`MAX_SIMILAR`] characters are not compared (0).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.is_empty() || b.is_empty() || a.len() > MAX_SIMILAR || b.len() > MAX_SIMILAR {
        return 0.0;
    }
    // One row of the table of common subsequence lengths at a time.
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    for &ca in &a {
        for (j, &cb) in b.iter().enumerate() {
            current[j + 1] = if ca == cb {
                previous[j] + 1
            } else {
                current[j].max(previous[j + 1])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let common = previous[b.len()];
    (2 * common) as f64 / (a.len() + b.len()) as f64
}

/// True when `similarity(a, b) >= threshold`, deciding most pairs without the table of common
/// subsequences: no common subsequence is longer than the shorter label, nor than the
/// characters of one that occur in the other.
pub fn alike(a: &str, b: &str, threshold: f64) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let ratio = |common: usize| (2 * common) as f64 / (la + lb).max(1) as f64;
    if ratio(la.min(lb)) < threshold {
        return false;
    }
    let present = a.chars().filter(|&c| b.contains(c)).count();
    ratio(present) >= threshold && similarity(a, b) >= threshold
}

/// The longest label [`similarity`] compares: a label is a line, not a page.
pub const MAX_SIMILAR: usize = 120;

/// One character as labels compare it: full width folded to ASCII, Traditional simplified.
pub fn fold_char(c: char) -> char {
    Folding::get().fold(c)
}

/// The tables [`fold_char`] looks into, built once.
struct Folding {
    /// Traditional → Simplified, sorted: a binary search per character (a hash of each would
    /// cost more).
    table: Vec<(char, char)>,
    /// A bit per character of the Basic Multilingual Plane, set for those in `table`: most
    /// characters are none of them, told without a search.
    bits: Vec<u64>,
    /// The first characters of [`TRADITIONAL_WORDS`].
    word_starts: Vec<char>,
}

impl Folding {
    fn get() -> &'static Folding {
        static FOLDING: std::sync::OnceLock<Folding> = std::sync::OnceLock::new();
        FOLDING.get_or_init(|| {
            let mut table = TRADITIONAL.to_vec();
            table.sort_unstable();
            table.dedup_by_key(|(t, _)| *t);
            let mut bits = vec![0u64; 0x1_0000 / 64];
            for &(t, _) in &table {
                if let Some(word) = bits.get_mut(t as usize / 64) {
                    *word |= 1 << (t as usize % 64);
                }
            }
            let word_starts = TRADITIONAL_WORDS
                .iter()
                .filter_map(|(word, _)| word.chars().next())
                .collect();
            Folding {
                table,
                bits,
                word_starts,
            }
        })
    }

    fn fold(&self, c: char) -> char {
        let c = fold_width(c);
        if c.is_ascii() { c } else { self.simplified(c) }
    }

    /// The Simplified form of a Traditional character of the labels, else the character.
    fn simplified(&self, ch: char) -> char {
        let code = ch as usize;
        if code < 0x1_0000 && self.bits[code / 64] & (1 << (code % 64)) == 0 {
            return ch;
        }
        match self.table.binary_search_by_key(&ch, |&(t, _)| t) {
            Ok(at) => self.table[at].1,
            Err(_) => ch,
        }
    }
}

/// Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space to ASCII.
fn fold_width(ch: char) -> char {
    match ch {
        '\u{3000}' => ' ',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(ch as u32 - 0xfee0).unwrap_or(ch),
        _ => ch,
    }
}

/// A leading item number written `1、` `1)` `(1)` `1.` becomes `1.` (in place).
fn numbering(text: &mut String) {
    let open = text.starts_with('(') && text[1..].starts_with(|c: char| c.is_ascii_digit());
    let start = usize::from(open);
    let digits = text[start..].len()
        - text[start..]
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits == 0 {
        return;
    }
    let marker = start + digits;
    // `(1)` closes where the digits end; `(2025年…)` is no item number.
    match text.as_bytes().get(marker) {
        Some(b')') if open => {}
        Some(b'.' | b',' | b')') if !open => {}
        _ => return,
    }
    text.replace_range(marker..marker + 1, ".");
    if open {
        text.remove(0);
    }
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn labels_alike_by_their_common_characters() {
        use super::{alike, similarity};
        let close = |a: &str, b: &str| (similarity(a, b) * 100.0).round() as u32;
        assert_eq!(close("规范性文件", "行政规范性文件"), 83);
        assert_eq!(close("其他法律行政止公开", "其他法律行政法规禁止公开"), 86);
        assert_eq!(close("自然人", "自然人"), 100);
        assert!(similarity("行政处罚", "行政强制") < 0.7);
        assert_eq!(similarity(&"字".repeat(500), "字"), 0.0);
        // The bounds decide as the table does.
        for (a, b) in [
            ("规范性文件", "行政规范性文件"),
            ("行政处罚", "行政强制"),
            ("其他法律行政止公开", "其他法律行政法规禁止公开"),
            ("甲", "甲乙丙丁"),
            ("", "甲"),
        ] {
            for threshold in [0.5, 2.0 / 3.0, 0.8] {
                assert_eq!(
                    alike(a, b, threshold),
                    similarity(a, b) >= threshold,
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn a_bracketed_year_is_no_item_number() {
        // Once sliced inside `年`.
        assert_eq!(normalise("(2025年1月23日)"), "(2025年1月23日)");
        assert_eq!(normalise("（3）其他"), "3.其他");
    }

    #[test]
    fn published_variants_meet_the_official_label() {
        let official = normalise("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        for variant in [
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
            "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）",
            "（二） 部分公开（区分处理的，只计这一情形，不计其他情形）",
        ] {
            assert_eq!(normalise(variant), official, "{variant}");
        }
        let r07 = normalise("3.危及“三安全一稳定”");
        for variant in [
            "3.危及\"三安全一稳定\"",
            "3、危及「三安全一稳定」",
            "3． 危及三安全一稳定",
            "(3)危及“三安全一稳定”",
        ] {
            assert_eq!(normalise(variant), r07, "{variant}");
        }
        assert_eq!(
            normalise("1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请"),
            normalise("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
        );
        assert_eq!(normalise("商 业 企\n业"), normalise("商业企业"));
        assert_eq!(
            normalise("第二十条 第（八）项"),
            normalise("第二十条第(八)项")
        );
    }

    #[test]
    fn traditional_mirrors_meet_the_official_label() {
        assert_eq!(normalise("規範性檔案"), normalise("规范性文件"));
        assert_eq!(normalise("行政事業性收費"), normalise("行政事业性收费"));
        assert_eq!(
            normalise("結轉下年度繼續辦理"),
            normalise("结转下年度继续办理")
        );
    }

    #[test]
    fn ordinals_are_told_from_words() {
        use super::without_ordinal as core;
        assert_eq!(core(&normalise("一、总体情况")), "总体情况");
        assert_eq!(core(&normalise("（三）不予公开")), "不予公开");
        assert_eq!(core(&normalise("3、危及三安全一稳定")), "危及三安全一稳定");
        assert_eq!(core(&normalise("总体情况")), "总体情况");
        assert_eq!(core(&normalise("一般公共预算")), "一般公共预算");
        assert_eq!(core(&normalise("十分重要")), "十分重要");
        assert_eq!(core(&normalise("2024年")), "2024年");
    }

    #[test]
    fn different_labels_stay_different() {
        assert_ne!(normalise("（一）予以公开"), normalise("（二）予以公开"));
        assert_ne!(normalise("1.重复申请"), normalise("2.重复申请"));
        assert_ne!(normalise("规章"), normalise("规范性文件"));
        // A number that is not an item number is left alone.
        assert_eq!(normalise("2024年"), "2024年");
    }
}
