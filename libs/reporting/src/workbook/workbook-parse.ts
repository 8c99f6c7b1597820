import { checkSheetNames, loadXlsx, readSheet, RowReader, SheetReport, SheetRow } from '@gcm/platform';
import { IMPLEMENTATION_STATUSES, ImplementationStatus } from '@gcm/pledges';
import { neutraliseFormula } from '@gcm/platform/pure';
import { isURL } from 'class-validator';
import type ExcelJS from 'exceljs';
import { measurementErrors } from '../domain/measurement-rules';
import { NARRATIVE_MAX } from '../dto/progress-update.dto';
import type { WorkbenchRow } from '../workbench/workbench.view';
import {
  BINDING_SHEET, EVIDENCE_COLUMNS, MAX_ROWS, MEASUREMENT_COLUMNS, PLEDGE_COLUMNS, SHEETS, STATUS_LABELS, USER_SHEETS, WorkbookBinding,
} from './workbook-layout';

/** What one Pledges row asks to write, with the measurements and links that go with it. */
export interface WorkbookEntry {
  pledgeId: string;
  reference: string;
  row: number;
  status: ImplementationStatus;
  percentComplete: number;
  actionsTaken?: string;
  challenges?: string;
  nextSteps?: string;
  measurements: { indicatorId: string; value: number; asOf: string }[];
  links: { url: string; title: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v).trim());

export function readBinding(wb: ExcelJS.Workbook, report: SheetReport): WorkbookBinding | null {
  const ws = wb.getWorksheet(BINDING_SHEET);
  const cell = (r: number, c: number) => str(ws?.getCell(r, c).value ?? null);
  if (!ws || cell(1, 1) !== 'organisationId' || cell(2, 1) !== 'cycle' || !UUID.test(cell(1, 2))) {
    report.add({ message: 'This workbook was not downloaded from the platform (its hidden binding part is missing or changed); download the cycle workbook and copy your entries into it' });
    return null;
  }
  const pledges: WorkbookBinding['pledges'] = new Map();
  for (let r = 5; r <= ws.rowCount && r < MAX_ROWS + 5; r++) {
    const id = cell(r, 1);
    if (!UUID.test(id)) continue;
    const uv = cell(r, 4);
    pledges.set(id, { publishedVersion: Number(cell(r, 2)), updateId: cell(r, 3) || null, updateVersion: uv ? Number(uv) : null });
  }
  return { organisationId: cell(1, 2), cycle: cell(2, 2), pledges };
}

/** Opens the upload and checks its shape: sheets, binding, headings, formulas, row counts. */
export async function openWorkbook(buf: Buffer, report: SheetReport): Promise<{ wb: ExcelJS.Workbook; binding: WorkbookBinding } | null> {
  const wb = await loadXlsx(buf, report);
  if (!wb) return null;
  checkSheetNames(wb, USER_SHEETS, report, [BINDING_SHEET, 'Problems']);
  const binding = readBinding(wb, report);
  return binding ? { wb, binding } : null;
}

/**
 * Every cell of the three data sheets checked against the organisation's
 * cycle as it is now; the entries to write when the report stays empty.
 * Rows whose Status and Percent are both empty are skipped; a submitted or
 * validated update may be listed unchanged but not changed.
 */
export function parseEntries(
  wb: ExcelJS.Workbook,
  rowsNow: WorkbenchRow[],
  cycle: { periodEnd: string; deadline: string },
  report: SheetReport,
): { entries: WorkbookEntry[]; unchanged: number } {
  const byId = new Map(rowsNow.map((r) => [r.pledgeId, r]));
  const byRef = new Map(rowsNow.map((r) => [r.reference, r]));
  const limits = { maxRows: MAX_ROWS };
  const pledgeRows = readSheet(wb.getWorksheet(SHEETS.pledges)!, PLEDGE_COLUMNS, report, limits);
  const measurementRows = readSheet(wb.getWorksheet(SHEETS.measurements)!, MEASUREMENT_COLUMNS, report, limits);
  const evidenceRows = readSheet(wb.getWorksheet(SHEETS.evidence)!, EVIDENCE_COLUMNS, report, limits);
  const reader = (sheet: string, columns: typeof PLEDGE_COLUMNS, row: SheetRow) => new RowReader(sheet, columns, row, report);

  const entries = new Map<string, WorkbookEntry>();
  const seen = new Map<string, number>();
  let unchanged = 0;
  for (const row of pledgeRows) {
    const r = reader(SHEETS.pledges, PLEDGE_COLUMNS, row);
    const id = r.text('pledgeId', { required: true });
    if (!id) continue;
    const now = byId.get(id);
    if (!now) {
      r.issue('pledgeId', `${id} is not a pledge of your organisation that owes an update in this cycle (do not edit the Pledge ID column)`);
      continue;
    }
    if (seen.has(id)) {
      r.issue('pledgeId', `This pledge is listed twice (also on row ${seen.get(id)}); keep one row per pledge`);
      continue;
    }
    seen.set(id, row.row);
    if (!r.has('status') && !r.has('percent')) continue;
    const status = r.oneOf('status', IMPLEMENTATION_STATUSES, STATUS_LABELS, { required: true });
    const percent = r.number('percent', { required: true, integer: true, min: 0, max: 100, what: 'a whole percent from 0 to 100' });
    const narrative = {
      actionsTaken: r.text('actionsTaken', { max: NARRATIVE_MAX }),
      challenges: r.text('challenges', { max: NARRATIVE_MAX }),
      nextSteps: r.text('nextSteps', { max: NARRATIVE_MAX }),
    };
    if (status === undefined || percent === undefined) continue;
    const u = now.update;
    if (u && (u.editorialStatus === 'submitted' || u.editorialStatus === 'validated')) {
      if (u.status !== status || u.percentComplete !== percent) {
        r.issue('status', `${now.reference}'s update is already ${u.editorialStatus} and can no longer be changed; restore its values or clear the row`);
      } else unchanged++;
      continue;
    }
    entries.set(id, { pledgeId: id, reference: now.reference, row: row.row, status, percentComplete: percent, ...narrative, measurements: [], links: [] });
  }

  const measured = new Map<string, number>();
  const measurementAt = new Map<WorkbookEntry, SheetRow[]>();
  for (const row of measurementRows) {
    const r = reader(SHEETS.measurements, MEASUREMENT_COLUMNS, row);
    const pledgeId = r.text('pledgeId', { required: true });
    const indicatorId = r.text('indicatorId', { required: true });
    if (!pledgeId || !indicatorId) continue;
    const now = byId.get(pledgeId);
    const indicator = now?.indicators.find((i) => i.id === indicatorId);
    if (!now || !indicator) {
      r.issue('indicatorId', 'This is not a current indicator of the pledge on this row (do not edit the ID columns)');
      continue;
    }
    const key = `${pledgeId}/${indicatorId}`;
    if (measured.has(key)) {
      r.issue('indicatorId', `This indicator is listed twice (also on row ${measured.get(key)}); keep one row per indicator`);
      continue;
    }
    measured.set(key, row.row);
    const value = r.number('value');
    const asOf = r.date('asOf');
    const unit = r.text('unit');
    if (unit !== undefined && unit !== indicator.unit && unit !== neutraliseFormula(indicator.unit)) {
      r.issue('unit', `The unit of "${indicator.name}" is "${indicator.unit}"; choose it from the list`);
    }
    if (value === undefined) {
      if (r.has('asOf') && !r.has('value')) r.issue('value', 'A date is given without a value');
      continue;
    }
    const entry = entries.get(pledgeId);
    if (!entry) {
      // A value left as downloaded is fine; a new one needs the pledge's row filled.
      const already = now.update?.measurements.find((x) => x.indicatorId === indicatorId);
      if (!already || already.value !== value) r.issue('value', `A value is given but ${now.reference} is not reported on "Pledges" (no Status and Percent, or its update is already submitted)`);
      continue;
    }
    entry.measurements.push({ indicatorId, value, asOf: asOf ?? cycle.periodEnd });
    measurementAt.set(entry, [...(measurementAt.get(entry) ?? []), row]);
  }
  for (const [entry, rows] of measurementAt) {
    const indicators = byId.get(entry.pledgeId)!.indicators.map((i) => ({ ...i, active: true }));
    for (const e of measurementErrors(entry.measurements, indicators, cycle.deadline)) {
      const [, index, field] = e.field.split('.');
      const at = rows[Number(index)];
      const column = field === 'asOf' ? 'asOf' : 'value';
      for (const message of e.messages) reader(SHEETS.measurements, MEASUREMENT_COLUMNS, at).issue(column, message);
    }
  }

  const linked = new Map<string, number>();
  for (const row of evidenceRows) {
    const r = reader(SHEETS.evidence, EVIDENCE_COLUMNS, row);
    const reference = r.text('reference', { required: true });
    const url = r.text('url', { required: true, max: 2000 });
    const title = r.text('title', { required: true, max: 300 });
    if (!reference) continue;
    const now = byRef.get(reference);
    if (!now) {
      r.issue('reference', `${reference} is not a pledge of this workbook; choose a reference from the list`);
      continue;
    }
    if (url !== undefined && !isURL(url, { protocols: ['http', 'https'], require_protocol: true, require_tld: true })) {
      r.issue('url', 'This is not a web address starting with http:// or https://');
      continue;
    }
    if (!url || !title) continue;
    const key = `${reference} ${url}`;
    if (linked.has(key)) {
      r.issue('url', `This link is listed twice for ${reference} (also on row ${linked.get(key)})`);
      continue;
    }
    linked.set(key, row.row);
    const entry = entries.get(now.pledgeId);
    if (entry) {
      if (entry.links.length >= 20) r.issue('url', `${reference} has more than 20 links; keep at most 20`);
      else entry.links.push({ url, title });
    }
  }
  return { entries: [...entries.values()], unchanged };
}
