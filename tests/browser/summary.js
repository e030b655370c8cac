// Reads a baobiao batch summary page as a supervisor meets it, and sorts its table by clicking
// headers; writes the findings, as JSON, into a pre element with id "geometry" (see
// tests/browser.rs).
(function () {
  const findings = { first: null, verdict: null, rows: 0, links: [], byVerdict: [], byFile: [], problems: [] };
  // What a reader sees first under the heading: the verdict.
  const heading = document.querySelector("h1");
  const first = heading && heading.nextElementSibling;
  findings.first = first ? first.id : null;
  findings.verdict = first ? first.textContent : null;
  const table = document.querySelector("table.reports");
  const body = table.tBodies[0];
  findings.rows = body.rows.length;
  findings.links = [...table.querySelectorAll("a")].map((a) => a.getAttribute("href"));
  const headers = [...table.tHead.rows[0].cells];
  const column = (name) => headers.findIndex((h) => h.textContent.trim() === name);
  const verdict = column("结论");
  const file = column("文件");
  if (verdict < 0 || file < 0) findings.problems.push("the table has no 结论 or 文件 column");
  // Two clicks on 结论: the worst first.
  headers[verdict].click();
  headers[verdict].click();
  findings.byVerdict = [...body.rows].map((r) => r.className);
  // One click on 文件: by file name.
  headers[file].click();
  findings.byFile = [...body.rows].map((r) => r.cells[file].textContent.trim());
  const pre = document.createElement("pre");
  pre.id = "geometry";
  pre.textContent = JSON.stringify(findings);
  document.body.appendChild(pre);
})();
