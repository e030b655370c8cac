//! Reading published reports into the forms.

mod common;

use baobiao::Form;
use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::read::SourceKind;
use common::sidecar::{data, read_table_3_and_4, table_3_and_4};

#[test]
fn the_xiangtan_text_reads_to_the_hand_transcription() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/xiangtan-county-police-2024.txt"
    );
    let read = common::read_as::<AnnualReport>(std::fs::read(path).unwrap(), SourceKind::Text);
    assert_eq!(read.diagnostics, vec![], "{:#?}", read.diagnostics);
    let expected = common::bundled_json();
    for cell in &AnnualReport::info().cells {
        assert_eq!(
            read.json.pointer(&cell.pointer),
            expected.pointer(&cell.pointer),
            "{}",
            cell.pointer
        );
    }
    let form: AnnualReport = serde_json::from_value(read.json.clone()).expect("a 2021 form");
    let bundled: AnnualReport = serde_json::from_value(expected).unwrap();
    assert_eq!(form, bundled);
}

#[test]
fn the_2019_shanghai_page_is_read_as_the_2019_form() {
    use baobiao::forms::annual_report_2019::AnnualReport2019;
    let html = std::fs::read(data("shanghai-gov-office-2019.html")).unwrap();
    let as_2019 = common::read_as::<AnnualReport2019>(html.clone(), SourceKind::Html);
    let as_2021 = common::read_as::<AnnualReport>(html, SourceKind::Html);
    assert!(as_2019.diagnostics.len() < as_2021.diagnostics.len());
    // Everything is read: the procurement amount, written `251000元` in a column the template
    // gives no unit, is normalised to the form's 元.
    assert_eq!(as_2019.diagnostics, vec![]);
    assert_eq!(
        as_2019
            .json
            .pointer("/active_disclosure/article_20_9/central_procurement/amount"),
        Some(&serde_json::json!(251000))
    );
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data("shanghai-gov-office-2019.meta.json")).unwrap(),
    )
    .unwrap();
    let ours = read_table_3_and_4(AnnualReport2019::info(), &as_2019.json);
    assert_eq!(ours, table_3_and_4(&meta));
}

#[test]
fn the_cli_checks_the_published_text() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args([
            "check",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples/reports/xiangtan-county-police-2024.txt"
            ),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["reading"]["form"], "annual-report-2021");
    assert_eq!(json["reading"]["diagnostics"], serde_json::json!([]));
}

#[test]
fn a_report_whose_tables_cannot_be_found_cannot_pass() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("collapsed.txt");
    std::fs::write(
        &path,
        "某局2024年政府信息公开工作年度报告\n一、总体情况 二、主动公开 270020130\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("未找到"), "{stdout}");
    assert!(!stdout.contains("结论：通过"), "{stdout}");
}

#[test]
fn a_gbk_page_reads_like_its_utf8_original() {
    let html = std::fs::read_to_string(data("pingtan-2024-page.html")).unwrap();
    let declared = html.replacen("charset=\"utf-8\"", "charset=\"gbk\"", 1);
    assert_ne!(declared, html, "the page declares its charset");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&declared);
    assert!(!unmappable);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("pingtan-2024-gbk.html");
    std::fs::write(&path, &gbk).unwrap();
    let run = |file: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
            .args(["read", file.to_str().unwrap()])
            .output()
            .unwrap()
    };
    let original = run(&data("pingtan-2024-page.html"));
    let converted = run(&path);
    assert_eq!(
        converted.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    assert_eq!(converted.stdout, original.stdout);
}

/// The hostile corpus: each input is refused or read, within bounds, with a message that says
/// what is wrong, and exit code 2; never a panic. (Time and memory are bounded by the limits
/// the messages name; the 50 MB page is refused before it is parsed.)
#[test]
fn hostile_inputs_are_refused_or_read_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = |name: &str| {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/hostile")
                .join(name),
        )
        .unwrap()
    };
    let mut huge = b"<html><body><table><tr><td>".to_vec();
    huge.resize(50 * 1024 * 1024, b'x');
    // (file, bytes, what the message must say)
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.html", Vec::new(), "not found"),
        ("empty.txt", Vec::new(), "not found"),
        (
            "binary.txt",
            (0..=255u8).cycle().take(4096).collect(),
            "not valid UTF-8",
        ),
        (
            "invalid-utf8.txt",
            [&b"\xe6\xb9\x98\xe6\xbd\xad\n\xff\xfe"[..]].concat(),
            ":2:1",
        ),
        (
            "undeclared-gbk.html",
            encoding_rs::GBK
                .encode("<table><tr><td>规章</td></tr></table>")
                .0
                .into_owned(),
            "not valid UTF-8",
        ),
        ("huge.html", huge, "larger than"),
        (
            "wide-spans.html",
            format!(
                "<table><tr>{}</tr></table>",
                "<td colspan=99999>1</td>".repeat(10_000)
            )
            .into_bytes(),
            "not found",
        ),
        (
            "10000-columns.html",
            format!("<table><tr>{}</tr></table>", "<td>1</td>".repeat(10_000)).into_bytes(),
            "not found",
        ),
        (
            "deep.html",
            format!(
                "{}<table><tr><td>x</td></tr></table>",
                "<div>".repeat(10_000)
            )
            .into_bytes(),
            "deeper than",
        ),
        ("bomb.xlsx", fixture("bomb.xlsx"), "zip bomb"),
        ("bomb.docx", fixture("bomb.docx"), "zip bomb"),
        (
            "not-a-zip.xlsx",
            b"PK\x03\x04 truncated".to_vec(),
            "not a ZIP package",
        ),
        ("not-a-zip.docx", b"hello".to_vec(), "not a ZIP package"),
        // Kinds of files reports come in that are not read: said as such.
        (
            "report.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(),
            "cannot open the PDF",
        ),
        (
            "report.txt",
            b"%PDF-1.4\n\xff\xfe".to_vec(),
            "cannot open the PDF",
        ),
        (
            "report.doc",
            [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0].to_vec(),
            "save it as DOCX or XLSX",
        ),
    ];
    for (name, bytes, says) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
            .args(["check", path.to_str().unwrap(), "--lang", "en"])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {said}");
        assert!(!said.contains("panicked"), "{name}: {said}");
        assert!(said.contains(says), "{name} should say {says:?}: {said}");
    }
}

/// The bundled report as Markdown, its table 3 lines passed through `edit`.
fn markdown_with_table_3(edit: impl Fn(&str) -> String) -> String {
    use baobiao::render;
    let form = common::bundled();
    let checked = form.check();
    let markdown =
        render::markdown::document(&render::document(&form, Some(&checked), baobiao::Lang::Zh));
    let mut in_table_3 = false;
    markdown
        .lines()
        .map(|line| {
            if line.starts_with("| （本列数据的勾稽关系") {
                in_table_3 = true;
            } else if !line.starts_with('|') {
                in_table_3 = false;
            }
            if in_table_3 && !line.starts_with("| ---") {
                edit(line)
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Cells 1 (自然人) and 7 (总计) of a pipe row change places.
fn exchange_first_and_last(line: &str) -> String {
    let inner = line.trim_start_matches("| ").trim_end_matches(" |");
    let mut cells: Vec<&str> = inner.split(" | ").collect();
    let last = cells.len() - 1;
    cells.swap(1, last);
    format!("| {} |", cells.join(" | "))
}

#[test]
fn columns_are_found_by_their_headers_not_their_order() {
    let swapped = markdown_with_table_3(exchange_first_and_last);
    assert!(swapped.contains("| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 / 总计 |"));
    let read = common::read_as::<AnnualReport>(swapped, SourceKind::Text);
    assert_eq!(read.diagnostics.len(), 1, "{:#?}", read.diagnostics);
    assert!(
        read.diagnostics[0]
            .problem
            .message(baobiao::Lang::En)
            .contains("read by their headers")
    );
    let form: AnnualReport = serde_json::from_value(read.json).unwrap();
    assert_eq!(form, common::bundled());

    // Two headers say 总计 and none 自然人: the headers contradict the order without naming
    // every column, so the rows are not read, and it says why.
    let contradicting =
        markdown_with_table_3(|line| line.replacen("申请人情况 / 自然人", "申请人情况 / 总计", 1));
    let read = common::read_as::<AnnualReport>(contradicting, SourceKind::Text);
    assert!(
        read.diagnostics
            .iter()
            .any(|d| d.problem.message(baobiao::Lang::En).contains("not read")),
        "{:#?}",
        read.diagnostics
    );
    assert_eq!(
        read.json
            .pointer("/applications/new_received/natural_persons"),
        Some(&serde_json::Value::Null)
    );
}

#[test]
fn a_gbk_csv_is_read_when_its_encoding_is_named() {
    use baobiao::render;
    let form = common::bundled();
    let csv = render::csv::document(&render::document(&form, None, baobiao::Lang::Zh));
    // As Excel saves it in GBK: without the UTF-8 byte-order mark.
    let csv = csv.trim_start_matches('\u{feff}');
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(csv);
    assert!(!unmappable);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("excel-gbk.csv");
    std::fs::write(&path, &gbk).unwrap();
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
            .args(["read", path.to_str().unwrap()])
            .args(extra)
            .output()
            .unwrap()
    };
    // Not UTF-8 and nothing declared: refused, saying how to name the encoding.
    let refused = run(&[]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--encoding gbk"));
    let read = run(&["--encoding", "gbk"]);
    assert_eq!(
        read.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let out: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(out["diagnostics"], serde_json::json!([]));
    assert_eq!(out["report"], common::bundled_json());
}

/// A cell meant as a number that is not one (`12x`, `1２O`) is a value that does not read, at
/// its place: its row is found, its other cells read, and only that cell stays blank.
#[test]
fn a_broken_number_is_said_at_its_cell_and_its_row_still_read() {
    for broken in ["12x", "1２O"] {
        let markdown = markdown_with_table_3(|line| {
            line.replace(
                "| 一、本年新收政府信息公开申请数量 | 12 |",
                &format!("| 一、本年新收政府信息公开申请数量 | {broken} |"),
            )
        });
        assert!(markdown.contains(broken));
        let read = common::read_as::<AnnualReport>(markdown, SourceKind::Text);
        let at = "/applications/new_received/natural_persons";
        assert_eq!(read.diagnostics.len(), 1, "{:#?}", read.diagnostics);
        let diagnostic = &read.diagnostics[0];
        assert_eq!(diagnostic.pointer.as_deref(), Some(at));
        assert!(matches!(
            diagnostic.position,
            Some(baobiao::Position::Line(_))
        ));
        assert!(
            diagnostic
                .describe(baobiao::Lang::Zh)
                .contains(&format!("“{broken}”不是数字")),
            "{diagnostic}"
        );
        assert_eq!(read.json.pointer(at), Some(&serde_json::Value::Null));
        assert_eq!(
            read.json.pointer("/applications/new_received/total"),
            Some(&serde_json::json!(12))
        );
    }
}

/// The bundled report rendered as HTML, with `edit` applied.
fn bundled_html(edit: impl Fn(&str) -> String) -> Vec<u8> {
    let form = common::bundled();
    let checked = form.check();
    let document = baobiao::render::document(&form, Some(&checked), baobiao::Lang::Zh);
    edit(&baobiao::render::html::page(&document)).into_bytes()
}

fn read_html(bytes: Vec<u8>) -> baobiao::read::Reading<AnnualReport> {
    let options = baobiao::read::Options {
        kind: Some(SourceKind::Html),
        ..Default::default()
    };
    baobiao::read::report::<AnnualReport>(bytes, &options).unwrap()
}

/// A row label or a section heading written otherwise than the form's (a typo, a variant
/// agencies print) is read as the one label it is alike to, and said; alike to none, or to
/// two, it is not guessed.
#[test]
fn labels_and_headings_written_otherwise_are_read_and_said() {
    let bundled = common::bundled();
    // A typo in a row label.
    let read = read_html(bundled_html(|p| {
        p.replacen("行政规范性文件", "行政规范姓文件", 1)
    }));
    let said = common::said(&read.diagnostics);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("行名“行政规范姓文件”与表格的“行政规范性文件”不同"),
        "{said:?}"
    );
    assert!(read.is_complete());
    assert_eq!(read.form, bundled);
    // The shorter name agencies print (`规范性文件` for 行政规范性文件) is the form's declared
    // alias: read as the row, nothing to say.
    let read = read_html(bundled_html(|p| {
        p.replacen("行政规范性文件", "规范性文件", 1)
    }));
    assert_eq!(read.diagnostics, vec![]);
    assert_eq!(read.form, bundled);
    // A section heading agencies print otherwise.
    let read = read_html(bundled_html(|p| {
        p.replacen(
            "五、存在的主要问题及改进情况",
            "五、存在的主要问题及整改措施",
            1,
        )
    }));
    let said = common::said(&read.diagnostics);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("标题“五、存在的主要问题及整改措施”"),
        "{said:?}"
    );
    assert_eq!(read.form, bundled);
    // Not alike enough: not guessed, the row is missing.
    let read = read_html(bundled_html(|p| {
        p.replacen("行政规范性文件", "规章文件", 1)
    }));
    assert!(!read.is_complete());
    // A heading numbered as another section is not that section.
    let read = read_html(bundled_html(|p| {
        p.replacen(
            "五、存在的主要问题及改进情况",
            "四、存在的主要问题及整改措施",
            1,
        )
    }));
    assert!(!read.is_complete());
}

/// A row with values that is no row of the form (`行政奖励` beside 行政处罚 and 行政强制) is
/// said, its values not read; the rest reads as before.
#[test]
fn a_row_the_form_does_not_have_is_said() {
    let form = common::bundled();
    let document = baobiao::render::document(&form, None, baobiao::Lang::Zh);
    let csv = baobiao::render::csv::document(&document);
    let line = csv
        .lines()
        .find(|l| l.contains(",行政强制,"))
        .unwrap()
        .to_owned();
    let extra = line.replace("行政强制", "行政奖励");
    let csv = csv.replacen(&line, &format!("{line}\r\n{extra}"), 1);
    let options = baobiao::read::Options {
        kind: Some(SourceKind::Csv),
        ..Default::default()
    };
    let read = baobiao::read::report::<AnnualReport>(csv.into_bytes(), &options).unwrap();
    let said = common::said(&read.diagnostics);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("行“行政奖励”不是表格中的行，其数值未读取"),
        "{said:?}"
    );
    assert_eq!(read.form, form);
}

/// A year written as no number (`年度：某年`) is said at its line, not only as the form's
/// missing field.
#[test]
fn a_year_that_is_no_number_is_said_where_it_stands() {
    // The page draws the year in its title only; a line of its own gives it here.
    let page = bundled_html(|p| {
        p.replace("2024", "某年")
            .replacen("</h1>", "</h1>\n<p>报告年度：某年</p>", 1)
    });
    let options = baobiao::read::Options {
        kind: Some(SourceKind::Html),
        ..Default::default()
    };
    let Err(baobiao::read::ReadError::Incomplete { reading, .. }) =
        baobiao::read::report::<AnnualReport>(page, &options)
    else {
        panic!("a report without its year is not a whole form");
    };
    let said = common::said(&reading.diagnostics);
    assert!(
        said.iter()
            .any(|d| d.starts_with("第") && d.contains("/year：“某年”不是数字")),
        "{said:?}"
    );
}

/// A 2021 report printed with table 3 in the 2019 rows (`（六）其他处理` one row, with
/// figures) is read as the mixed variant, every figure as printed, and checked with the rows it
/// has; the same page read as the 2021 form says the three rows of （六） are missing and the
/// one printed is not the form's. A 2021 report cut off before （六） stays the 2021 form.
#[test]
fn a_2021_report_with_table_3_in_the_2019_rows_is_read_as_that_variant() {
    use baobiao::forms::annual_report_2021_mixed::AnnualReport2021WithTable3Of2019;
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::BUNDLED).unwrap()).unwrap();
    // （六） as one row: 2 applications of natural persons, counted in the totals.
    let row = serde_json::json!({"natural_persons": 2, "organisations": {"business": 0,
        "research": 0, "public_interest": 0, "legal_services": 0, "other": 0}, "total": 2});
    json["applications"]["outcomes"]["other_handling"] = row;
    for column in ["natural_persons", "total"] {
        let total = json["applications"]["outcomes"]["total"][column]
            .as_u64()
            .unwrap();
        json["applications"]["outcomes"]["total"][column] = (total + 2).into();
        let received = json["applications"]["new_received"][column]
            .as_u64()
            .unwrap();
        json["applications"]["new_received"][column] = (received + 2).into();
    }
    let form: AnnualReport2021WithTable3Of2019 = serde_json::from_value(json.clone()).unwrap();
    assert!(form.check().is_ok());
    let document = baobiao::render::document(&form, None, baobiao::Lang::Zh);
    let page = baobiao::render::html::page(&document);

    let forms = baobiao::forms::all();
    let options = baobiao::read::Options {
        kind: Some(SourceKind::Html),
        ..Default::default()
    };
    let (entry, reading) = forms
        .read(page.as_bytes().to_vec(), &options, None)
        .unwrap();
    assert_eq!(entry.name(), "annual-report-2021-table3-2019");
    assert_eq!(reading.diagnostics, vec![]);
    assert_eq!(serde_json::to_value(&*reading.form).unwrap(), json);
    assert!(reading.form.check_with(Default::default()).is_ok());

    // As the 2021 form: the rows of （六） are said to be missing, the printed one not its.
    let as_2021 = match forms.read(
        page.as_bytes().to_vec(),
        &options,
        Some("annual-report-2021"),
    ) {
        Ok((_, reading)) => reading.diagnostics,
        Err(baobiao::read::ReadError::Incomplete { reading, .. }) => reading.diagnostics,
        Err(other) => panic!("{other}"),
    };
    let said = common::said(&as_2021);
    assert!(
        said.iter()
            .any(|d| d.contains("/applications/outcomes/other_handling/not_corrected")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|d| d.contains("“（六）其他处理”不是表格中的行")),
        "{said:?}"
    );

    // A 2021 page without （六） at all reads as the 2021 form, its rows said missing.
    let cut: String = page
        .lines()
        .filter(|l| !l.contains("（六）其他处理"))
        .collect::<Vec<_>>()
        .join("\n");
    let (entry, _) = match forms.read(cut.into_bytes(), &options, None) {
        Ok((entry, reading)) => (entry.name().to_owned(), reading.diagnostics),
        Err(baobiao::read::ReadError::Incomplete { form, reading, .. }) => {
            (form.unwrap(), reading.diagnostics)
        }
        Err(other) => panic!("{other}"),
    };
    assert_eq!(entry, "annual-report-2021");
}

/// Table 3 as a PDF-to-text converter writes it: its labels as lines of text (each part of a
/// row's path once, as printed), then a pipe table of the rows' bare values. Read by order,
/// said; with a row of values too many or a label lost, not guessed: said, the rows not read.
#[test]
fn converter_text_with_labels_apart_from_their_values_is_read_by_order() {
    let converted = |drop_label: Option<&str>, extra_row: bool| -> String {
        let mut labels: Vec<String> = Vec::new();
        let mut rows: Vec<String> = Vec::new();
        let markdown = markdown_with_table_3(|line| format!("T3{line}"));
        let mut out = Vec::new();
        // The converter keeps no Markdown separator line.
        for line in markdown.lines().filter(|l| !l.starts_with("| ---")) {
            let Some(row) = line.strip_prefix("T3") else {
                if !labels.is_empty() {
                    out.append(&mut labels);
                    out.append(&mut rows);
                }
                out.push(line.to_owned());
                continue;
            };
            let inner = row.trim_start_matches("| ").trim_end_matches(" |");
            let mut cells = inner.split(" | ");
            let path = cells.next().unwrap();
            if path.starts_with("（本列") {
                // The header's labels float too.
                labels.push(path.to_owned());
                labels.extend(cells.map(|c| c.rsplit(" / ").next().unwrap().to_owned()));
                continue;
            }
            for part in path.split(" / ") {
                if !labels.iter().any(|l| l == part) && Some(part) != drop_label {
                    labels.push(part.to_owned());
                }
            }
            rows.push(format!("| {} |", cells.collect::<Vec<_>>().join(" | ")));
            if extra_row && rows.len() == 3 {
                rows.push("| 1 | 0 | 0 | 0 | 0 | 0 | 1 |".to_owned());
            }
        }
        out.join("\n")
    };
    let options = baobiao::read::Options {
        kind: Some(SourceKind::Text),
        ..Default::default()
    };
    let text = converted(None, false);
    assert!(
        text.contains("1.属于国家秘密\n2.其他法律行政法规禁止公开"),
        "{text}"
    );
    let read = baobiao::read::report::<AnnualReport>(text.into_bytes(), &options).unwrap();
    let said = common::said(&read.diagnostics);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("按顺序读取"), "{said:?}");
    assert!(read.is_complete());
    assert_eq!(read.form, common::bundled());

    // A label lost: 25 rows of values, 24 labels. Said; none of them read.
    let text = converted(Some("2.重复申请"), false);
    let read = baobiao::read::report::<AnnualReport>(text.into_bytes(), &options).unwrap();
    assert!(!read.is_complete());
    let said = common::said(&read.diagnostics);
    assert!(
        said.iter()
            .any(|d| d.contains("25 行没有行名的数值") && d.contains("24 个表格行名")),
        "{said:?}"
    );
    assert_eq!(
        read.form.applications.new_received.natural_persons,
        baobiao::Cell::Blank
    );

    // A row of values too many: not read either.
    let text = converted(None, true);
    let read = baobiao::read::report::<AnnualReport>(text.into_bytes(), &options).unwrap();
    assert!(!read.is_complete());
    assert_eq!(
        read.form.applications.new_received.natural_persons,
        baobiao::Cell::Blank
    );
}
