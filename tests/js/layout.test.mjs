// Draws table 3 of the 2021 form from `x-baobiao-layout` alone, as an HTML-like grid of cells
// with rowspan and colspan, and checks the official spans.
//
// Run: node --test tests/js/layout.test.mjs (tests/other_tools.rs runs it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const schema = JSON.parse(
  readFileSync(new URL("../../schemas/annual-report-2021.schema.json", import.meta.url), "utf8"),
);
const layout = schema["x-baobiao-layout"];

// One block as rows of cells {text, rowspan, colspan, path?}.
function draw(block) {
  const rows = [];
  const labelColumns = Math.max(block.row_depth, block.corner ? 1 : 0);
  // Header rows: the corner spans the label columns and every header row.
  for (let level = 0; level < block.header_depth; level++) rows.push([]);
  if (labelColumns > 0) {
    rows[0].push({ text: block.corner ?? "", rowspan: block.header_depth, colspan: labelColumns });
  }
  // A header without children reaches down to the last header row.
  const header = (node, level) => {
    const rowspan = node.children ? 1 : block.header_depth - level;
    rows[level].push({ text: node.label, rowspan, colspan: node.span });
    for (const child of node.children ?? []) header(child, level + 1);
  };
  for (const node of block.header) header(node, 0);
  // Body rows: a label spans its leaf rows; a leaf label spans the remaining label columns.
  const body = [];
  const walk = (node, level, pending) => {
    const cell = node.label === null ? null : { text: node.label, rowspan: node.span, colspan: 1 };
    if (node.cells) {
      if (cell) cell.colspan = labelColumns - level;
      const row = [...pending, ...(cell ? [cell] : [])];
      for (const c of node.cells) row.push({ text: "", rowspan: 1, colspan: 1, path: c.path });
      body.push(row);
      return;
    }
    node.children.forEach((child, i) => walk(child, level + 1, i === 0 ? [...pending, cell] : []));
  };
  for (const node of block.rows) walk(node, 0, []);
  return [...rows, ...body];
}

const table3 = layout.tables.find((t) => t.label === "三、收到和处理政府信息公开申请情况");
const grid = draw(table3.blocks[0]);
const find = (text) => grid.flat().find((c) => c.text === text);

test("table 3 has the official spans", () => {
  assert.equal(find("三、本年度办理结果").rowspan, 22);
  assert.equal(find("（三）不予公开").rowspan, 8);
  assert.equal(find("（四）无法提供").rowspan, 3);
  assert.equal(find("（五）不予处理").rowspan, 5);
  assert.equal(find("（六）其他处理").rowspan, 3);
  assert.equal(find("法人或其他组织").colspan, 5);
  assert.equal(find("申请人情况").colspan, 7);
  assert.equal(find("自然人").rowspan, 2);
  assert.equal(find("总计").rowspan, 2);
  const corner = find("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  assert.deepEqual([corner.rowspan, corner.colspan], [3, 3]);
  assert.equal(find("一、本年新收政府信息公开申请数量").colspan, 3);
  assert.equal(find("（一）予以公开").colspan, 2);
});

test("table 3 has 25 data rows of 7 cells, each on a width of 10 columns", () => {
  const body = grid.slice(3);
  assert.equal(body.length, 25);
  for (const row of body) assert.equal(row.filter((c) => c.path).length, 7);
  // Every row, with what spans into it from above, covers the 10 grid columns.
  const occupied = Array.from({ length: grid.length }, () => 0);
  grid.forEach((row, r) => {
    for (const cell of row) {
      for (let k = 0; k < cell.rowspan; k++) occupied[r + k] += cell.colspan;
    }
  });
  assert.deepEqual(occupied, Array(grid.length).fill(10));
  assert.equal(body[24][body[24].length - 1].path, "applications.carried_forward.total");
});
