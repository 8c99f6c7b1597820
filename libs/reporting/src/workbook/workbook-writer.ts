import ExcelJS from 'exceljs';
import { neutraliseFormula } from '@gcm/platform/pure';
import type { WorkbenchRow } from '../workbench/workbench.view';
import type { WorkbenchCycleRow } from '../workbench/workbench.loader';
import {
  BINDING_SHEET, EVIDENCE_COLUMNS, MEASUREMENT_COLUMNS, PLEDGE_COLUMNS, SHEETS, STATUS_LABELS, STATUS_LIST,
} from './workbook-layout';

const HEAD = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } } as const;
const LOCKED = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const text = (v: string | null | undefined) => (v == null ? null : neutraliseFormula(v));
const list = (values: string[]) => `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;

function sheet(wb: ExcelJS.Workbook, name: string, columns: typeof PLEDGE_COLUMNS): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.heading, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((cell) => (cell.fill = HEAD));
  return ws;
}

/** Editable cells unlocked (the rest, the identifiers, stay locked under sheet protection), for every row written plus spare ones. */
function unlock(ws: ExcelJS.Worksheet, columns: typeof PLEDGE_COLUMNS, lastRow: number): void {
  for (let r = 2; r <= lastRow; r++) {
    columns.forEach((c, i) => {
      const cell = ws.getRow(r).getCell(i + 1);
      if (c.editable) cell.protection = { locked: false };
      else cell.fill = LOCKED;
    });
  }
}

/**
 * The organisation's cycle as a workbook to fill offline: instructions,
 * pledges (status and percent, last cycle's beside), indicator measurements,
 * evidence links; drop-downs for status, unit and reference; identifiers
 * locked; a very hidden sheet binding it to organisation, cycle and the
 * versions it was made from.
 */
export async function writeCycleWorkbook(input: {
  organisationId: string;
  organisationName: string;
  cycle: WorkbenchCycleRow;
  rows: WorkbenchRow[];
  generatedAt: Date;
}): Promise<Buffer> {
  const { cycle, rows } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GCM Tracker';
  wb.created = input.generatedAt;

  const intro = wb.addWorksheet(SHEETS.instructions);
  intro.getColumn(1).width = 110;
  [
    `${text(input.organisationName)}: progress report for ${cycle.code} (${cycle.periodStart} to ${cycle.periodEnd}), due ${cycle.deadline}`,
    '',
    '1. On "Pledges", choose each pledge\'s Status from the list and type Percent complete (a whole number from 0 to 100). Last cycle\'s values are beside them.',
    '   Leave both empty for a pledge you do not report in this file: its row is skipped.',
    '2. On "Measurements", type each indicator\'s Value for this cycle (As of: a date; empty means the end of the period). Keep the Unit the list offers.',
    '3. On "Evidence", list links to evidence: one row per link, with the pledge\'s reference. The links of a pledge you report replace its links.',
    '4. Upload the file on the cycle page. It is checked cell by cell; if anything is wrong nothing is saved, and you get the list of problems',
    '   and this workbook back with each problem noted on its cell. Fix them and upload again. Uploading the same file twice changes nothing.',
    '5. Grey columns are identifiers and are locked. Do not add, rename or remove sheets or columns, and type values, not formulas.',
    '',
    'This file belongs to your organisation and this cycle only; a workbook from another organisation or cycle is refused.',
    'If a pledge or its update changes on the platform after you download, its rows are reported as stale: download a fresh workbook for them.',
  ].forEach((line, i) => (intro.getCell(i + 1, 1).value = line));
  intro.getRow(1).font = { bold: true, size: 13 };

  const pledges = sheet(wb, SHEETS.pledges, PLEDGE_COLUMNS);
  for (const r of rows) {
    const current = r.update;
    const narrative = current;
    pledges.addRow({
      pledgeId: r.pledgeId, reference: r.reference, title: text(r.title),
      previousStatus: r.previous ? STATUS_LABELS[r.previous.status] : null, previousPercent: r.previous?.percentComplete ?? null,
      state: r.state === 'missing' ? 'not started' : r.state,
      status: current ? STATUS_LABELS[current.status] : null, percent: current?.percentComplete ?? null,
      actionsTaken: text(narrative?.actionsTaken || null), challenges: text(narrative?.challenges || null), nextSteps: text(narrative?.nextSteps || null),
    });
  }
  const pledgeLast = Math.max(rows.length + 1, 2);
  for (let r = 2; r <= pledgeLast; r++) {
    pledges.getCell(r, 7).dataValidation = { type: 'list', allowBlank: true, formulae: [list(STATUS_LIST)], showErrorMessage: true, errorTitle: 'Status', error: 'Choose a status from the list' };
    pledges.getCell(r, 8).dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, errorTitle: 'Percent complete', error: 'A whole number from 0 to 100' };
  }
  unlock(pledges, PLEDGE_COLUMNS, pledgeLast);

  const units = [...new Set(rows.flatMap((r) => r.indicators.map((i) => neutraliseFormula(i.unit))))].sort();
  const measurements = sheet(wb, SHEETS.measurements, MEASUREMENT_COLUMNS);
  for (const r of rows) {
    for (const ind of r.indicators) {
      const prev = r.previous?.measurements.filter((x) => x.indicatorId === ind.id).at(-1);
      const cur = r.update?.measurements.filter((x) => x.indicatorId === ind.id).at(-1);
      measurements.addRow({
        pledgeId: r.pledgeId, reference: r.reference, indicatorId: ind.id, indicator: text(ind.name), target: ind.targetValue,
        previous: prev?.value ?? null, unit: text(ind.unit), value: cur?.value ?? null, asOf: cur ? new Date(`${cur.asOf}T00:00:00Z`) : null,
      });
    }
  }
  const measurementLast = Math.max(measurements.rowCount, 2);
  // Lists longer than a cell formula allows live on the binding sheet: references in column E, units in column F, from row 5.
  const range = (col: string, n: number) => `'${BINDING_SHEET}'!$${col}$5:$${col}$${4 + Math.max(n, 1)}`;
  for (let r = 2; r <= measurementLast; r++) {
    measurements.getCell(r, 9).numFmt = 'yyyy-mm-dd';
    measurements.getCell(r, 7).dataValidation = { type: 'list', allowBlank: true, formulae: [range('F', units.length)], showErrorMessage: true, error: 'Choose the unit from the list' };
  }
  unlock(measurements, MEASUREMENT_COLUMNS, measurementLast);

  const evidence = sheet(wb, SHEETS.evidence, EVIDENCE_COLUMNS);
  for (const r of rows) {
    for (const link of (r.update ?? r.previous)?.links ?? []) evidence.addRow({ reference: r.reference, url: text(link.url), title: text(link.title) });
  }
  // Room to add links: the reference drop-down on 200 spare rows.
  const evidenceLast = evidence.rowCount + 200;
  for (let r = 2; r <= evidenceLast; r++) {
    evidence.getCell(r, 1).dataValidation = { type: 'list', allowBlank: true, formulae: [range('E', rows.length)], showErrorMessage: true, error: 'Choose a pledge reference from the list' };
  }
  unlock(evidence, EVIDENCE_COLUMNS, evidenceLast);

  const binding = wb.addWorksheet(BINDING_SHEET, { state: 'veryHidden' });
  binding.addRow(['organisationId', input.organisationId]);
  binding.addRow(['cycle', cycle.code]);
  binding.addRow(['generatedAt', input.generatedAt.toISOString()]);
  binding.addRow(['pledgeId', 'publishedVersion', 'updateId', 'updateVersion', 'reference', 'unit']);
  const n = Math.max(rows.length, units.length);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    binding.addRow(r ? [r.pledgeId, r.publishedVersion, r.update?.id ?? '', r.update?.version ?? '', r.reference, units[i] ?? ''] : ['', '', '', '', '', units[i]]);
  }

  const protection = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false };
  for (const ws of [intro, pledges, measurements, evidence, binding]) await ws.protect('', protection);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
