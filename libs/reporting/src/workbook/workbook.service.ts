import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import {
  annotateWorkbook, AuditEntry, AuditService, DomainError, ErrorCode, priorSheetImport, problemsWorkbook, recordSheetImport, SheetReport, staleVersion,
} from '@gcm/platform';
import { authorOrganisation } from '@gcm/pledges';
import { DataSource, EntityManager } from 'typeorm';
import { assertCycleOpen } from '../domain/lifecycle';
import { LATENESS_SET_SQL, needsApproval, replaceLinksOf, replaceMeasurementsOf, snapshotSubmission } from '../updates/progress-writes';
import { loadCycle, loadWorkbenchRows, WorkbenchCycleRow } from '../workbench/workbench.loader';
import type { WorkbenchRow } from '../workbench/workbench.view';
import { PLEDGE_COLUMNS, SHEETS, WORKBOOK_KIND } from './workbook-layout';
import { openWorkbook, parseEntries, WorkbookEntry } from './workbook-parse';
import { writeCycleWorkbook } from './workbook-writer';
import type { WorkbookImportResult } from './workbook.view';

export interface UploadedWorkbook {
  buffer: Buffer;
  originalname?: string;
}

const sorted = (list: object[]) => JSON.stringify(list.map((x) => JSON.stringify(x, Object.keys(x).sort())).sort());

function sameAsDraft(e: WorkbookEntry, u: WorkbenchRow['update']): boolean {
  if (!u) return false;
  const text = (typed: string | undefined, was: string) => typed === undefined || typed === was;
  return u.status === e.status && u.percentComplete === e.percentComplete
    && text(e.actionsTaken, u.actionsTaken) && text(e.challenges, u.challenges) && text(e.nextSteps, u.nextSteps)
    && sorted(u.measurements) === sorted(e.measurements) && sorted(u.links) === sorted(e.links);
}

const pledgeColumn = (key: string) => String.fromCharCode(65 + PLEDGE_COLUMNS.findIndex((c) => c.key === key));

/**
 * The offline round trip of a focal point's cycle: download a workbook,
 * fill it, upload it. An upload is checked cell by cell before anything is
 * written; any problem and nothing is (all or nothing).
 */
@Injectable()
export class WorkbookService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async download(user: AuthUser, code: string): Promise<{ file: Buffer; fileName: string }> {
    const organisationId = authorOrganisation(user);
    const m = this.dataSource.manager;
    const cycle = await loadCycle(m, code);
    const rows = await loadWorkbenchRows(m, organisationId, cycle);
    const [org] = await m.query('SELECT name FROM organisation WHERE id = $1', [organisationId]);
    const file = await writeCycleWorkbook({ organisationId, organisationName: org?.name ?? '', cycle, rows, generatedAt: new Date() });
    return { file, fileName: `gcm-${cycle.code}-${(org?.name ?? 'organisation').replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}.xlsx` };
  }

  /** Checks the upload; throws the report (400/403/409) on any problem. */
  private async check(user: AuthUser, code: string, file: UploadedWorkbook | undefined) {
    const organisationId = authorOrganisation(user);
    const report = new SheetReport();
    if (!file?.buffer?.length) throw DomainError.invalid('file', 'Attach the filled workbook (.xlsx) as the file field');
    const cycle = await loadCycle(this.dataSource.manager, code);
    const opened = await openWorkbook(file.buffer, report);
    if (!opened) return { report, organisationId, cycle, wb: null, entries: [] as WorkbookEntry[], skipped: 0, unchanged: 0, rowsNow: [] as WorkbenchRow[], binding: null };
    const { wb, binding } = opened;
    if (binding.organisationId !== organisationId) {
      report.add({ sheet: null, message: 'This workbook belongs to another organisation; download your own organisation\'s workbook' });
      throw report.error('This workbook belongs to another organisation; nothing was imported', ErrorCode.Forbidden);
    }
    if (binding.cycle !== cycle.code) {
      report.add({ message: `This workbook is for the ${binding.cycle} cycle, not ${cycle.code}; upload it on the ${binding.cycle} page or download the ${cycle.code} workbook` });
    }
    const rowsNow = await loadWorkbenchRows(this.dataSource.manager, organisationId, cycle);
    const { entries, unchanged } = report.ok ? parseEntries(wb, rowsNow, cycle, report) : { entries: [] as WorkbookEntry[], unchanged: 0 };
    return { report, organisationId, cycle, wb, entries, skipped: rowsNow.length - entries.length, unchanged, rowsNow, binding };
  }

  /** Rows whose pledge or update changed on the platform since the workbook was made. */
  private stale(entries: WorkbookEntry[], rowsNow: WorkbenchRow[], binding: NonNullable<Awaited<ReturnType<WorkbookService['check']>>['binding']>, report: SheetReport): void {
    const now = new Map(rowsNow.map((r) => [r.pledgeId, r]));
    for (const e of entries) {
      const was = binding.pledges.get(e.pledgeId);
      const is = now.get(e.pledgeId)!;
      const pledgeChanged = !was || was.publishedVersion !== is.publishedVersion;
      const updateChanged = !was || (was.updateId ?? null) !== (is.update?.id ?? null) || (was.updateVersion ?? null) !== (is.update?.version ?? null);
      if (pledgeChanged || updateChanged) {
        report.add({
          sheet: SHEETS.pledges, row: e.row, column: pledgeColumn('pledgeId'), heading: 'Pledge ID',
          message: pledgeChanged
            ? `${e.reference} was changed (a new published version) since this workbook was downloaded: this row is stale; download a fresh workbook for it`
            : `${e.reference}'s update was changed on the platform since this workbook was downloaded: this row is stale; download a fresh workbook for it`,
        });
      }
    }
  }

  async import(user: AuthUser, code: string, file: UploadedWorkbook | undefined, submit: boolean): Promise<WorkbookImportResult> {
    const sha256 = createHash('sha256').update(file?.buffer ?? Buffer.alloc(0)).digest('hex');
    const scope = `${authorOrganisation(user)}/${code}`;
    // The same file again is answered from its first import before it is even opened.
    const prior = await priorSheetImport<WorkbookImportResult>(this.dataSource.manager, WORKBOOK_KIND, scope, sha256);
    if (prior) return { ...prior, replayed: true };
    const checked = await this.check(user, code, file);
    const { report, cycle } = checked;
    report.throwIfAny();
    assertCycleOpen(cycle.status, cycle.code);
    // A draft listed as downloaded is left alone (no new version), unless the upload submits it.
    const now = new Map(checked.rowsNow.map((r) => [r.pledgeId, r]));
    if (!submit) checked.entries = checked.entries.filter((e) => !sameAsDraft(e, now.get(e.pledgeId)!.update));
    this.stale(checked.entries, checked.rowsNow, checked.binding!, report);
    report.throwIfAny('Some rows are stale: their pledge or update changed since the download; nothing was imported', ErrorCode.VersionConflict);
    return this.dataSource.transaction(async (m) => {
      const result = await this.write(m, user, cycle, checked.entries, checked.rowsNow, submit);
      const value: WorkbookImportResult = { cycle: cycle.code, sha256, replayed: false, skipped: checked.rowsNow.length - checked.entries.length, ...result };
      await recordSheetImport(m, { kind: WORKBOOK_KIND, scope, sha256, importedBy: user.id, result: value });
      return value;
    });
  }

  /**
   * Set-based writes: one statement per table for the whole file (the stats
   * triggers fire per statement): the new drafts inserted together, the
   * existing drafts updated together under their downloaded versions (one
   * lost race and the whole file is refused with 409), the audit entries in
   * one insert. Only a submission's frozen snapshot is made one by one.
   */
  private async write(m: EntityManager, user: AuthUser, cycle: WorkbenchCycleRow, entries: WorkbookEntry[], rowsNow: WorkbenchRow[], submit: boolean) {
    const now = new Map(rowsNow.map((r) => [r.pledgeId, r]));
    const fresh = entries.filter((e) => !now.get(e.pledgeId)!.update);
    const ids = new Map<string, { id: string; version: number }>();
    if (fresh.length) {
      const inserted: { id: string; pledgeId: string }[] = await m.query(
        `INSERT INTO progress_update (pledge_id, cycle_id, status, percent_complete, actions_taken, challenges, next_steps, created_by)
         SELECT x.pledge_id, $1, x.status, x.percent, x.actions, x.challenges, x.next_steps, $2
         FROM unnest($3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[]) AS x(pledge_id, status, percent, actions, challenges, next_steps)
         RETURNING id, pledge_id AS "pledgeId"`,
        [cycle.id, user.id, fresh.map((e) => e.pledgeId), fresh.map((e) => e.status), fresh.map((e) => e.percentComplete),
          fresh.map((e) => e.actionsTaken ?? ''), fresh.map((e) => e.challenges ?? ''), fresh.map((e) => e.nextSteps ?? '')],
      );
      for (const r of inserted) ids.set(r.pledgeId, { id: r.id, version: 1 });
    }
    const existing = entries.filter((e) => now.get(e.pledgeId)!.update);
    if (existing.length) {
      const drafts = existing.map((e) => now.get(e.pledgeId)!.update!);
      // A narrative column left out of the file (undefined) keeps what the draft says.
      const [, affected]: [unknown, number] = await m.query(
        `UPDATE progress_update t SET status = x.status, percent_complete = x.percent,
                actions_taken = coalesce(x.actions, t.actions_taken), challenges = coalesce(x.challenges, t.challenges),
                next_steps = coalesce(x.next_steps, t.next_steps), version = t.version + 1, updated_at = now()
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[])
                AS x(id, version, status, percent, actions, challenges, next_steps)
          WHERE t.id = x.id AND t.version = x.version`,
        [drafts.map((u) => u.id), drafts.map((u) => u.version), existing.map((e) => e.status), existing.map((e) => e.percentComplete),
          existing.map((e) => e.actionsTaken ?? null), existing.map((e) => e.challenges ?? null), existing.map((e) => e.nextSteps ?? null)],
      );
      if (affected !== existing.length) await this.lostRace(m, drafts);
      existing.forEach((e, i) => ids.set(e.pledgeId, { id: drafts[i].id, version: drafts[i].version + 1 }));
    }
    const updateIds = entries.map((e) => ids.get(e.pledgeId)!.id);
    await replaceMeasurementsOf(m, updateIds, entries.flatMap((e) => e.measurements.map((x, position) => ({ updateId: ids.get(e.pledgeId)!.id, position, ...x }))));
    await replaceLinksOf(m, updateIds, entries.flatMap((e) => e.links.map((l) => ({ updateId: ids.get(e.pledgeId)!.id, ...l }))));
    const updates: WorkbookImportResult['updates'] = [];
    const audits: AuditEntry[] = [];
    for (const e of entries) {
      const was = now.get(e.pledgeId)!.update;
      const { id } = ids.get(e.pledgeId)!;
      const { pledgeId, reference, row, ...content } = e;
      audits.push({
        action: was ? 'progress_update.update' : 'progress_update.create', entityType: 'progress_update', entityId: id,
        before: was ? { status: was.status, percentComplete: was.percentComplete, measurements: was.measurements, links: was.links } : undefined,
        after: { pledgeId, cycle: cycle.code, ...content, via: 'workbook', row },
      });
      updates.push({
        pledgeId, reference, updateId: id, version: ids.get(e.pledgeId)!.version, action: was ? 'updated' : 'created',
        editorialStatus: was?.editorialStatus === 'returned' ? 'returned' : 'draft',
      });
    }
    if (submit) audits.push(...(await this.submitAll(m, user, updates)));
    await this.audit.recordMany(m, audits);
    return {
      created: fresh.length, updated: entries.length - fresh.length, submitted: submit ? updates.length : 0, updates,
    };
  }

  /** The 409 of a lost race on one of the file's drafts, naming the version that won. */
  private async lostRace(m: EntityManager, drafts: { id: string; version: number }[]): Promise<never> {
    const [moved] = await m.query(
      `SELECT t.version FROM progress_update t JOIN unnest($1::uuid[], $2::int[]) AS x(id, version) ON x.id = t.id
        WHERE t.version <> x.version + 1 LIMIT 1`,
      [drafts.map((u) => u.id), drafts.map((u) => u.version)],
    );
    throw staleVersion('progress update', moved?.version ?? drafts[0].version);
  }

  /**
   * Submits every written update in one statement; with an in-country
   * approver they wait for the approver instead, as from the form. Returns
   * the audit entries (recorded with the rest).
   */
  private async submitAll(m: EntityManager, user: AuthUser, updates: WorkbookImportResult['updates']): Promise<AuditEntry[]> {
    const approval = await needsApproval(m, authorOrganisation(user), user.id);
    const set = approval ? `editorial_status = 'awaiting_approval'` : `editorial_status = 'submitted', submitted_at = now(), submitted_by = $3, ${LATENESS_SET_SQL}`;
    const [, affected]: [unknown, number] = await m.query(
      `UPDATE progress_update SET ${set}, version = version + 1, updated_at = now()
        WHERE (id, version) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))`,
      [updates.map((u) => u.updateId), updates.map((u) => u.version), ...(approval ? [] : [user.id])],
    );
    if (affected !== updates.length) await this.lostRace(m, updates.map((u) => ({ id: u.updateId, version: u.version - 1 })));
    const audits: AuditEntry[] = [];
    for (const u of updates) {
      const before = { editorialStatus: u.editorialStatus };
      if (approval) {
        audits.push({ action: 'progress_update.submit_for_approval', entityType: 'progress_update', entityId: u.updateId, before, after: { editorialStatus: 'awaiting_approval', via: 'workbook' } });
      } else {
        const { number } = await snapshotSubmission(m, u.updateId, user.id);
        audits.push({ action: 'progress_update.submit', entityType: 'progress_update', entityId: u.updateId, before, after: { editorialStatus: 'submitted', versionNumber: number, via: 'workbook' } });
      }
      u.version++;
      u.editorialStatus = approval ? 'awaiting_approval' : 'submitted';
    }
    return audits;
  }

  /** The upload with each problem noted on its cell (and a Problems sheet); a clean file comes back with an empty Problems sheet. Writes nothing. */
  async annotated(user: AuthUser, code: string, file: UploadedWorkbook | undefined): Promise<Buffer> {
    const checked = await this.check(user, code, file);
    if (checked.binding && checked.report.ok) this.stale(checked.entries, checked.rowsNow, checked.binding, checked.report);
    return checked.wb ? annotateWorkbook(checked.wb, checked.report.issues) : problemsWorkbook(checked.report.issues);
  }
}
