import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import {
  DomainError, loadXlsx, priorSheetImport, readCsv, readSheet, recordSheetImport, RowReader, SheetReport, SheetRow,
} from '@gcm/platform';
import { DataSource } from 'typeorm';
import { ISO_4217_CURRENCIES } from '../domain/currencies';
import { INDICATOR_DIRECTIONS, IndicatorDirection, PLEDGE_FORMS, PledgeContent, PledgeForm } from '../domain/pledge-content';
import type { PledgeContentInput } from '../domain/pledge-normaliser';
import { PledgeWorkspaceService } from '../workspace/pledge-workspace.service';
import {
  columnForField, PLEDGE_IMPORT_COLUMNS as COLUMNS, PLEDGE_IMPORT_KIND, PLEDGE_IMPORT_MAX_ROWS, PLEDGE_IMPORT_SHEET,
} from './pledge-import.layout';
import type { PledgeImportResult } from './pledge-import.view';

export interface UploadedSheet {
  buffer: Buffer;
  originalname?: string;
}

const list = (s: string | undefined) => (s ? s.split(/[;,]/).map((x) => x.trim()).filter(Boolean) : []);
const FORM_LABELS = Object.fromEntries(PLEDGE_FORMS.map((f) => [f, f[0].toUpperCase() + f.slice(1)])) as Record<PledgeForm, string>;
const DIRECTION_LABELS = Object.fromEntries(INDICATOR_DIRECTIONS.map((d) => [d, d[0].toUpperCase() + d.slice(1)])) as Record<IndicatorDirection, string>;

/**
 * The secretariat's bulk import of an organisation's pledges (CSV or XLSX):
 * the same cell-by-cell report as the cycle workbook, all or nothing, the
 * same file twice changes nothing. Each row becomes a draft of the
 * organisation, checked against the catalogue as a create is.
 */
@Injectable()
export class PledgeImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workspace: PledgeWorkspaceService,
  ) {}

  private async rows(file: UploadedSheet, report: SheetReport): Promise<SheetRow[]> {
    const limits = { maxRows: PLEDGE_IMPORT_MAX_ROWS };
    const isZip = file.buffer.length >= 4 && file.buffer.readUInt32LE(0) === 0x04034b50;
    if (!isZip) return readCsv(file.buffer, PLEDGE_IMPORT_SHEET, COLUMNS, report, limits);
    const wb = await loadXlsx(file.buffer, report);
    if (!wb) return [];
    for (const ws of wb.worksheets) {
      if (ws.name !== PLEDGE_IMPORT_SHEET) report.add({ sheet: ws.name, message: `Only a sheet named "${PLEDGE_IMPORT_SHEET}" is read; remove the sheet "${ws.name}"` });
    }
    const ws = wb.getWorksheet(PLEDGE_IMPORT_SHEET);
    if (!ws) {
      report.add({ sheet: PLEDGE_IMPORT_SHEET, message: `The workbook needs a sheet named "${PLEDGE_IMPORT_SHEET}"` });
      return [];
    }
    return readSheet(ws, COLUMNS, report, limits);
  }

  private input(r: RowReader): PledgeContentInput | null {
    const title = r.text('title', { required: true, min: 5, max: 300 });
    const description = r.text('description', { required: true, min: 300, max: 3000 });
    const form = r.oneOf('form', PLEDGE_FORMS, FORM_LABELS, { required: true });
    const objectives = list(r.text('objectives', { required: true })).map((o, i, all) => {
      const n = Number(o.replace('*', ''));
      if (!Number.isInteger(n)) r.issue('objectives', `"${o}" is not an objective number (1 to 23; mark the primary one with *, e.g. "8*; 5")`);
      return { number: n, primary: all.some((x) => x.includes('*')) ? o.includes('*') : i === 0 };
    });
    const recommendations = list(r.text('recommendations')).map((x) => {
      if (!/^\d+$/.test(x)) r.issue('recommendations', `"${x}" is not a recommendation paragraph number`);
      return Number(x);
    });
    const amount = r.number('budgetAmount', { min: 0, max: 1e13 });
    const currency = r.text('currency')?.toUpperCase();
    if (currency && !ISO_4217_CURRENCIES.has(currency)) r.issue('currency', `"${currency}" is not an ISO 4217 currency code such as EUR or USD`);
    if (r.has('budgetAmount') !== r.has('currency')) r.issue(r.has('budgetAmount') ? 'currency' : 'budgetAmount', 'A budget needs both an amount and a currency');
    const indicator = r.has('indicator')
      ? {
          name: r.text('indicator', { min: 2, max: 300 }) ?? '',
          unit: r.text('unit', { required: true, max: 50 }) ?? '',
          direction: r.oneOf('direction', INDICATOR_DIRECTIONS, DIRECTION_LABELS, { required: true }) ?? 'increase',
          baseline: { value: r.number('baselineValue', { required: true }) ?? 0, date: r.date('baselineDate', { required: true }) ?? '' },
          target: { value: r.number('targetValue', { required: true }) ?? 0, date: r.date('indicatorTargetDate', { required: true }) ?? '' },
        }
      : undefined;
    const startDate = r.date('startDate');
    const targetDate = r.date('targetDate');
    if (!title || !description || !form) return null;
    return {
      title, description, form,
      alignment: { objectives, principles: list(r.text('principles')), recommendations, commitments: list(r.text('commitments')) },
      scope: { countries: list(r.text('countries')).map((c) => c.toUpperCase()), regions: [] },
      startDate: startDate ?? null, targetDate: targetDate ?? null,
      budget: amount !== undefined && currency ? { amount, currency } : null,
      indicators: indicator ? [indicator] : [],
    };
  }

  async import(user: AuthUser, organisationId: string, file: UploadedSheet | undefined): Promise<PledgeImportResult> {
    if (!file?.buffer?.length) throw DomainError.invalid('file', 'Attach the pledges file (.csv or .xlsx) as the file field');
    const [org] = await this.dataSource.query('SELECT id FROM organisation WHERE id = $1', [organisationId]);
    if (!org) throw DomainError.notFound('Organisation');
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const prior = await priorSheetImport<PledgeImportResult>(this.dataSource.manager, PLEDGE_IMPORT_KIND, organisationId, sha256);
    if (prior) return { ...prior, replayed: true };
    const report = new SheetReport();
    const rows = await this.rows(file, report);
    if (report.ok && rows.length === 0) report.add({ sheet: PLEDGE_IMPORT_SHEET, message: 'The file has no pledge rows below its headings' });
    const checked: { row: number; content: PledgeContent }[] = [];
    const titles = new Map<string, number>();
    for (const row of rows) {
      const r = new RowReader(PLEDGE_IMPORT_SHEET, COLUMNS, row, report);
      const input = this.input(r);
      if (!input) continue;
      const key = input.title.toLowerCase();
      if (titles.has(key)) {
        r.issue('title', `This pledge is listed twice (also on row ${titles.get(key)})`);
        continue;
      }
      titles.set(key, row.row);
      const { content, errors } = await this.workspace.normalise(input);
      for (const e of errors) for (const message of e.messages) r.issue(columnForField(e.field), message);
      checked.push({ row: row.row, content });
    }
    report.throwIfAny();
    return this.dataSource.transaction(async (m) => {
      const pledges: PledgeImportResult['pledges'] = [];
      for (const c of checked) {
        const id = await this.workspace.insertDraft(m, user.id, organisationId, c.content, null, [], 'import');
        const [p] = await m.query('SELECT reference FROM pledge WHERE id = $1', [id]);
        pledges.push({ row: c.row, id, reference: p.reference, title: c.content.title });
      }
      const result: PledgeImportResult = { organisationId, sha256, replayed: false, created: pledges.length, pledges };
      await recordSheetImport(m, { kind: PLEDGE_IMPORT_KIND, scope: organisationId, sha256, importedBy: user.id, result });
      return result;
    });
  }
}
