//! Readers' memory bounded by their input: inputs that once took gigabytes are read under an
//! address-space cap (`ulimit -v`) a few times their size, without an allocation failure.

use std::process::Command;

/// Runs `baobiao read FILE` with its address space capped at `cap_kb` kilobytes; returns its
/// standard error.
fn read_capped(file: &std::path::Path, cap_kb: u64) -> String {
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -v {cap_kb}; exec \"$0\" read \"$1\" -o /dev/null"
        ))
        .arg(env!("CARGO_BIN_EXE_baobiao"))
        .arg(file)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bounded");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A drawn table with one line 1.4 million characters wide over a thousand short ones: once a
/// canvas of width × height (gigabytes), now as large as the text.
#[test]
fn a_drawing_with_one_wide_line_takes_memory_as_its_text() {
    let mut lines = vec![format!("┌{}┐", "─".repeat(10))];
    lines.push(format!("│{}│", "x".repeat(1_400_000)));
    for _ in 0..1000 {
        lines.push(format!("│{}│", "y".repeat(10)));
    }
    lines.push(format!("└{}┘", "─".repeat(10)));
    let file = temp("wide-box.txt", &(lines.join("\n") + "\n"));
    let stderr = read_capped(&file, 300_000);
    assert!(!stderr.contains("memory allocation"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Read through to the form's verdict: not a report of the form.
    assert!(stderr.contains("baobiao:"), "{stderr}");
}

/// A CSV of a million lines (once 1.5 GB to read) is refused at once, said in words; the limit
/// is `baobiao::read::MAX_LINES`.
#[test]
fn a_file_of_more_lines_than_any_report_is_refused() {
    let limit = baobiao::read::MAX_LINES;
    let mut text = String::from("表,行,本年新收,上年结转\n");
    for i in 0..=limit {
        text.push_str(&format!("三,第{i}行,1,2\n"));
    }
    let file = temp("many-lines.csv", &text);
    let stderr = read_capped(&file, 300_000);
    assert!(stderr.contains(&format!("上限 {limit} 行")), "{stderr}");
    assert!(!stderr.contains("memory allocation"), "{stderr}");
}

/// A PDF whose one content stream inflates to 300 MB of zeros (300 KB on disk): refused before
/// the parser inflates anything, its memory a few MB; the limit is the reader's 256 MB budget
/// for all of a PDF's streams.
#[test]
fn a_pdf_bomb_is_refused_before_it_is_inflated() {
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile/pdf-bomb.pdf");
    let stderr = read_capped(&file, 100_000);
    assert!(stderr.contains("解压后超过 256 MB"), "{stderr}");
    assert!(!stderr.contains("memory allocation"), "{stderr}");
}
