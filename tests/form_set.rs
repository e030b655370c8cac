//! A developer's own forms as a set: read by name or by best match, checked, drawn and offered
//! on a command line of their own, the way `baobiao` offers the official forms.

use std::process::ExitCode;

use baobiao::read::{Options, ReadError, SourceKind};
use baobiao::set::FormSet;
use baobiao::{CheckOptions, Count, Form, Lang, render};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
#[form(label = "图书馆年度统计表")]
struct Library {
    #[form(label = "馆藏", section)]
    holdings: Holdings,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
struct Holdings {
    #[form(label = "图书")]
    books: Items,
    #[form(label = "期刊")]
    journals: Items,
    #[form(label = "合计", total(id = "LIB-TOTAL"))]
    total: Items,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
#[form(columns)]
struct Items {
    #[form(label = "种数")]
    titles: Count,
    #[form(label = "册数")]
    volumes: Count,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
#[form(label = "博物馆年度统计表")]
struct Museum {
    #[form(label = "参观人次", section)]
    visitors: Visitors,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
#[form(columns)]
struct Visitors {
    #[form(label = "境内")]
    domestic: Count,
    #[form(label = "境外")]
    foreign: Count,
    #[form(label = "总计", total(id = "MUS-TOTAL"))]
    total: Count,
}

fn forms() -> FormSet {
    FormSet::new()
        .with::<Library>("library", "图书馆年度统计表")
        .with::<Museum>("museum", "博物馆年度统计表")
}

fn library() -> Library {
    let items = |titles: u64, volumes: u64| Items {
        titles: titles.into(),
        volumes: volumes.into(),
    };
    Library {
        holdings: Holdings {
            books: items(120, 340),
            journals: items(30, 95),
            total: items(150, 435),
        },
    }
}

fn museum() -> Museum {
    Museum {
        visitors: Visitors {
            domestic: 5000.into(),
            foreign: 120.into(),
            total: 5120.into(),
        },
    }
}

fn page<F: Form + Serialize>(form: &F) -> Vec<u8> {
    render::html::page(&render::document(form, None, Lang::Zh)).into_bytes()
}

fn html() -> Options {
    Options {
        kind: Some(SourceKind::Html),
        ..Options::default()
    }
}

#[test]
fn a_published_report_is_read_as_the_form_it_fits() {
    let set = forms();
    for (bytes, name, json) in [
        (
            page(&library()),
            "library",
            serde_json::to_value(library()).unwrap(),
        ),
        (
            page(&museum()),
            "museum",
            serde_json::to_value(museum()).unwrap(),
        ),
    ] {
        let (entry, reading) = set.read(bytes, &html(), None).unwrap();
        assert_eq!(entry.name(), name);
        assert_eq!(reading.diagnostics, vec![], "{name}");
        assert_eq!(serde_json::to_value(&*reading.form).unwrap(), json);
        assert!(reading.form.check_with(CheckOptions::default()).is_ok());
        // Every cell says where it was read from.
        assert_eq!(reading.positions.len(), entry.info().cells.len(), "{name}");
    }
}

#[test]
fn a_form_named_is_the_one_read_and_an_unknown_name_is_refused() {
    let set = forms();
    // The museum's page read as the library: its section is not found, every cell stays
    // blank, and the reading says it is not whole.
    let (entry, reading) = set.read(page(&museum()), &html(), Some("library")).unwrap();
    assert_eq!(entry.name(), "library");
    assert!(!reading.is_complete());
    assert!(reading.positions.is_empty());
    let err = set.read(page(&museum()), &html(), Some("zoo")).unwrap_err();
    assert!(
        matches!(&err, ReadError::UnknownForm(unknown) if unknown.known == ["library", "museum"])
    );
    assert!(err.message(Lang::En).contains("library, museum"), "{err}");
}

#[test]
fn a_filled_forms_json_is_the_first_form_that_takes_it_unless_named() {
    let set = forms();
    let json = serde_json::to_vec(&museum()).unwrap();
    let (entry, reading) = set
        .read(json.clone(), &Options::named("museum.json"), Some("museum"))
        .unwrap();
    assert_eq!((entry.name(), reading.kind), ("museum", SourceKind::Json));
    // Unnamed, JSON is the first form's that takes it: the library refuses the museum's keys.
    let (entry, _) = set
        .read(json, &Options::named("museum.json"), None)
        .unwrap();
    assert_eq!(entry.name(), "museum");
    // JSON no form takes: the first form's reason, and the advice to name one.
    let err = set
        .read(&b"{\"holdings\": 3}"[..], &Options::named("x.json"), None)
        .unwrap_err();
    let ReadError::Json { form, error } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(form.as_deref(), Some("library"));
    assert_eq!(error.pointer.as_deref(), Some("/holdings"));
    assert!(err.message(Lang::En).contains("--form"), "{err}");
    // The set gives each form's schema and rules without a report.
    let schema = set.get("museum").unwrap().schema();
    assert_eq!(schema["title"], "博物馆年度统计表");
    assert!(
        set.get("library")
            .unwrap()
            .info()
            .rule("LIB-TOTAL")
            .is_some()
    );
}

#[test]
fn a_program_of_its_own_offers_its_forms_on_the_command_line() {
    let set = forms();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("form_set");
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("museum.html");
    std::fs::write(&good, page(&museum())).unwrap();
    let run = |args: &[&str]| {
        baobiao::cli::run_with(&set, std::iter::once("own").chain(args.iter().copied()))
    };
    assert_eq!(run(&["check", good.to_str().unwrap()]), ExitCode::SUCCESS);
    let mut wrong = museum();
    wrong.visitors.total = 5000.into();
    let bad = dir.join("wrong.json");
    std::fs::write(&bad, serde_json::to_vec(&wrong).unwrap()).unwrap();
    let bad = bad.to_str().unwrap();
    assert_eq!(run(&["check", bad, "--form", "museum"]), ExitCode::from(1));
    assert_eq!(run(&["check", bad, "--form", "zoo"]), ExitCode::from(2));
    assert_eq!(run(&["rules", "--form", "library"]), ExitCode::SUCCESS);
}

#[test]
fn labels_the_reader_cannot_tell_apart_are_found_out() {
    #[derive(Form, Serialize, Deserialize)]
    struct Twins {
        #[form(label = "（一）收入")]
        first: Count,
        #[form(label = "(一) 收入")]
        second: Count,
    }
    let ambiguous = baobiao::read::ambiguous_labels(Twins::info());
    assert_eq!(ambiguous.len(), 1, "{ambiguous:?}");
    assert_eq!(ambiguous[0].labels, ["（一）收入", "(一) 收入"]);
    assert!(baobiao::read::ambiguous_labels(Library::info()).is_empty());
}

/// 档案馆年度统计表.
///
/// Its title is the first line of its doc comment; it declares no name.
#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
struct ArchiveYear2026 {
    #[form(label = "馆藏卷数")]
    files: Count,
}

#[test]
fn forms_names_each_form_as_it_declares_or_by_its_type() {
    let set = baobiao::forms![
        Library,
        ArchiveYear2026,
        baobiao::forms::website::WebsiteReport
    ];
    let listed: Vec<(&str, &str)> = set
        .entries()
        .iter()
        .map(|e| (e.name(), e.title()))
        .collect();
    assert_eq!(
        listed,
        [
            ("library", "图书馆年度统计表"),
            ("archive-year2026", "档案馆年度统计表"),
            ("website", "政府网站工作年度报表"),
        ]
    );
    let code = baobiao::cli::run_with(&set, ["own", "rules", "--form", "archive-year2026"]);
    assert_eq!(code, ExitCode::SUCCESS);
}
