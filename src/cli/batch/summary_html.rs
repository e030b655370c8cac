//! The HTML summary: a page a supervisor opens. The batch's verdict first, the rules failed
//! most often, then every report in a table sortable by any column (a click on its header),
//! each linked to its page drawn with the failures marked; the periods compared last.

use std::fmt::Write as _;

use crate::Lang;
use crate::render::html::escape;

use super::summary::{Batch, verdict_key};

/// Sorts the table by the column clicked: numbers as numbers, text in Chinese order; a second
/// click reverses.
const SORT: &str = r#"
document.querySelectorAll('table.reports th').forEach((th, column) => {
  th.addEventListener('click', () => {
    const body = th.closest('table').tBodies[0];
    const descending = th.dataset.order === 'asc';
    th.closest('tr').querySelectorAll('th').forEach(h => delete h.dataset.order);
    th.dataset.order = descending ? 'desc' : 'asc';
    const key = row => row.cells[column].dataset.sort ?? row.cells[column].textContent.trim();
    const rows = Array.from(body.rows);
    rows.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const numeric = x !== '' && y !== '' && !isNaN(x) && !isNaN(y);
      const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh');
      return descending ? -order : order;
    });
    rows.forEach(row => body.appendChild(row));
  });
});
"#;

const STYLE: &str = "
body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif; margin: 2em; }
.verdict { font-size: 1.3em; font-weight: bold; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #999; padding: 0.25em 0.6em; text-align: left; }
th { background: #eee; cursor: pointer; user-select: none; }
th[data-order=asc]::after { content: ' ▲'; }
th[data-order=desc]::after { content: ' ▼'; }
tr.passed td.verdict-cell { color: #1a7f37; }
tr.failed td.verdict-cell { color: #cf222e; font-weight: bold; }
tr.incomplete td.verdict-cell, tr.unreadable td.verdict-cell { color: #9a6700; font-weight: bold; }
td.num { text-align: right; }
th, td.verdict-cell, td.num { white-space: nowrap; }
";

/// The summary page.
pub fn page(batch: &Batch<'_>) -> String {
    let lang = batch.lang;
    let title = lang.pick("报告检查汇总", "Reports checked: summary");
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p class=\"verdict\" id=\"verdict\">{}</p>\n",
        lang.pick("zh-CN", "en"),
        escape(&batch.verdict_line())
    );
    let frequent = batch.frequent();
    if !frequent.is_empty() {
        let _ = write!(
            out,
            "<h2>{}</h2>\n<table class=\"frequent\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            lang.pick("最常见的不符合规则", "Rules failed most often"),
            lang.pick("规则", "Rule"),
            lang.pick("报告份数", "Reports"),
            lang.pick("规则内容", "Wording"),
        );
        for f in &frequent {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(&f.rule),
                f.reports,
                escape(&f.message)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    reports_table(batch, &mut out);
    periods(batch, &mut out);
    let _ = write!(out, "<script>{SORT}</script>\n</body>\n</html>\n");
    out
}

fn reports_table(batch: &Batch<'_>, out: &mut String) {
    let lang = batch.lang;
    let headers = [
        lang.pick("文件", "File"),
        lang.pick("表单", "Form"),
        lang.pick("填报单位", "Reporter"),
        lang.pick("年度", "Year"),
        lang.pick("结论", "Verdict"),
        lang.pick("不符合的规则", "Failing rules"),
        lang.pick("最可能有误", "Likely wrong"),
        lang.pick("无法核验", "Not assessable"),
        lang.pick("读取", "Reading"),
    ];
    let _ = write!(
        out,
        "<h2>{}</h2>\n<table class=\"reports\">\n<thead><tr>",
        lang.pick(
            "各份报告（点击表头排序）",
            "Every report (click a header to sort)"
        )
    );
    for h in headers {
        let _ = write!(out, "<th>{h}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in batch.reports {
        let file = match &r.page {
            Some(link) => format!("<a href=\"{}\">{}</a>", escape(link), escape(&r.file)),
            None => escape(&r.file),
        };
        let rules: Vec<String> = r
            .failing
            .iter()
            .chain(&r.warned)
            .map(|id| escape(id))
            .collect();
        let reading = match (&r.error, r.completeness) {
            (Some(error), _) => escape(error),
            (None, Some(c)) => escape(&c.describe(lang)),
            (None, None) => String::new(),
        };
        // Worst first when sorted by verdict: its order, not its words.
        let _ = writeln!(
            out,
            "<tr class=\"{key}\"><td>{file}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"verdict-cell\" data-sort=\"{}\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{reading}</td></tr>",
            escape(r.form.as_deref().unwrap_or_default()),
            escape(r.agency.as_deref().unwrap_or_default()),
            escape(r.year.as_deref().unwrap_or_default()),
            r.verdict.exit_code() * 10 + r.verdict as u8,
            r.verdict.name(lang),
            rules.join(" "),
            escape(&super::summary::likely_text(&r.likely, lang)),
            r.not_assessable,
            key = verdict_key(r.verdict),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn periods(batch: &Batch<'_>, out: &mut String) {
    let lang = batch.lang;
    if batch.periods.compared.is_empty() && batch.periods.ambiguous.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h2>{}</h2>", lang.pick("跨期核验", "Across periods"));
    let (colon, comma) = (lang.pick("：", ": "), lang.pick("，", ", "));
    let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
    out.push_str("<ul class=\"periods\">\n");
    for c in &batch.periods.compared {
        let _ = write!(
            out,
            "<li>{} {} ↔ {}{colon}{} ↔ {}",
            escape(&c.agency),
            c.current_year,
            c.previous_year,
            escape(&c.current_file),
            escape(&c.previous_file)
        );
        if c.violations.is_empty() {
            let _ = write!(out, "{comma}{}", lang.pick("一致", "consistent"));
        }
        out.push_str("<ul>\n");
        for v in &c.violations {
            let cells: Vec<String> = v
                .cells
                .iter()
                .map(|cell| {
                    let source = cell.source.map(|s| format!("{comma}{}", s.describe(lang)));
                    format!(
                        "{} = {}{open}{}{}{close}",
                        escape(&cell.labels.join(" › ")),
                        escape(&cell.value.describe(lang)),
                        escape(&cell.file),
                        escape(&source.unwrap_or_default())
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "<li class=\"failed\">✗ [{}] {} {}{colon}{}</li>",
                v.severity.name(lang),
                escape(&v.rule),
                escape(&v.message),
                cells.join(" ≠ ")
            );
        }
        out.push_str("</ul></li>\n");
    }
    for (agency, year, files) in &batch.periods.ambiguous {
        let _ = writeln!(
            out,
            "<li>{}</li>",
            escape(&match lang {
                Lang::Zh => format!(
                    "{agency} {year} 年有 {} 份报告（{}），未作跨年度比较",
                    files.len(),
                    files.join("、")
                ),
                Lang::En => format!(
                    "{agency} has {} reports for {year} ({}): not compared across years",
                    files.len(),
                    files.join(", ")
                ),
            })
        );
    }
    out.push_str("</ul>\n");
}
