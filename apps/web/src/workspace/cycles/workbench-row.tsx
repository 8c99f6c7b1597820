import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import type { ImplementationStatus } from '../../api/models';
import { newIdempotencyKey, reportingApi } from '../../api/pledge-api';
import type { WorkbenchRow, WorkbenchView } from '../../api/workbench-api';
import { describeError } from '../../forms/use-form';
import { t } from '../../i18n';
import { ImplementationTag, UpdateStatusTag } from '../pledges/pledge-status';
import { PlausibilityWarnings } from '../updates/plausibility-warnings';
import { isTransient, SaveQueue } from './save-queue';

const STATUSES: ImplementationStatus[] = ['not_started', 'on_track', 'delayed', 'achieved', 'discontinued'];

interface Values {
  status: ImplementationStatus | '';
  percent: string;
  /** Typed value per indicator id. */
  measures: Record<string, string>;
}

type Save = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'pending' } | { kind: 'conflict' } | { kind: 'error'; message: string } | { kind: 'submitted' };

const latest = (list: { indicatorId: string; value: number; asOf: string }[], id: string) =>
  list.filter((m) => m.indicatorId === id).sort((a, b) => (a.asOf < b.asOf ? -1 : 1)).at(-1);

function valuesOf(row: WorkbenchRow): Values {
  const from = row.update ?? row.previous;
  return {
    status: from?.status ?? '',
    percent: from ? String(from.percentComplete) : '',
    measures: Object.fromEntries(row.indicators.map((i) => [i.id, String(latest(from?.measurements ?? [], i.id)?.value ?? '')])),
  };
}

const backupKey = (cycle: string, pledgeId: string) => `gcm.workbench.${cycle}.${pledgeId}`;

/** One pledge of the workbench: last cycle beside this one, inline edits saved as a server draft as you type. */
export function WorkbenchRowView(props: {
  row: WorkbenchRow;
  cycle: WorkbenchView['cycle'];
  today: string;
  queue: SaveQueue;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const { row, cycle, queue } = props;
  const [values, setValues] = useState<Values>(() => valuesOf(row));
  const [update, setUpdate] = useState(row.update);
  const [save, setSave] = useState<Save>({ kind: 'idle' });
  const [warnings, setWarnings] = useState(row.warnings);
  const live = useRef({ values, update, key: newIdempotencyKey() });
  live.current.values = values;
  live.current.update = update;

  // A fresh answer from the server (after a bulk action or an upload) wins unless this row has unsaved typing.
  useEffect(() => {
    if (queue.has(row.pledgeId)) return;
    setUpdate(row.update);
    setWarnings(row.warnings);
    setValues(valuesOf(row));
  }, [row.update?.version, row.state]);

  // Typing kept in the tab survives a reload while offline; it is saved again on return.
  useEffect(() => {
    const kept = sessionStorage.getItem(backupKey(cycle.code, row.pledgeId));
    if (!kept) return;
    setValues(JSON.parse(kept) as Values);
    queue.put(row.pledgeId, persist, 0);
  }, []);

  const state = update?.editorialStatus ?? 'missing';
  const editable = cycle.status === 'open' && (state === 'missing' || state === 'draft' || state === 'returned');
  const asOf = props.today < cycle.periodEnd ? props.today : cycle.periodEnd;

  async function persist(): Promise<void> {
    const { values: v, update: u, key } = live.current;
    if (v.status === '' || v.percent === '' || !/^\d{1,3}$/.test(v.percent) || Number(v.percent) > 100) {
      setSave({ kind: 'error', message: t.updates.percentHint });
      return;
    }
    const typed = row.indicators.filter((i) => v.measures[i.id] !== '' && Number.isFinite(Number(v.measures[i.id])));
    const kept = (u?.measurements ?? []).filter((m) => !typed.some((i) => i.id === m.indicatorId && latest(u!.measurements, i.id) === m));
    const measurements = [
      ...kept,
      ...typed.map((i) => ({ indicatorId: i.id, value: Number(v.measures[i.id]), asOf: latest(u?.measurements ?? [], i.id)?.asOf ?? asOf })),
    ];
    const body = { status: v.status, percentComplete: Number(v.percent), measurements };
    setSave({ kind: 'saving' });
    try {
      const saved = u
        ? await reportingApi.patchUpdate(u.id, body, u.version)
        : await reportingApi.createUpdate(row.pledgeId, { cycle: cycle.code, ...body, evidence: row.previous?.links ?? [] }, key);
      const next = {
        id: saved.id, editorialStatus: saved.editorialStatus, status: saved.status, percentComplete: saved.percentComplete, version: saved.version,
        noChange: saved.noChange, isLate: saved.isLate, returnedComment: u?.returnedComment ?? null, updatedAt: saved.updatedAt,
        measurements: saved.measurements.map((m) => ({ indicatorId: m.indicatorId, value: m.value, asOf: m.asOf })),
        links: saved.evidence.filter((e) => e.url).map((e) => ({ url: e.url as string, title: e.title })),
      } as NonNullable<WorkbenchRow['update']>;
      live.current.update = next;
      setUpdate(next);
      setWarnings(saved.warnings);
      sessionStorage.removeItem(backupKey(cycle.code, row.pledgeId));
      setSave({ kind: 'saved' });
    } catch (err) {
      if (isTransient(err)) {
        setSave({ kind: 'pending' });
        throw err;
      }
      if (err instanceof ApiError && (err.code === 'version_conflict' || err.code === 'conflict')) {
        setSave({ kind: 'conflict' });
        return;
      }
      setSave({ kind: 'error', message: describeError(err) });
    }
  }

  const edit = (change: Partial<Values>) => {
    const next = { ...live.current.values, ...change, measures: { ...live.current.values.measures, ...change.measures } };
    setValues(next);
    live.current.values = next;
    sessionStorage.setItem(backupKey(cycle.code, row.pledgeId), JSON.stringify(next));
    setSave({ kind: 'pending' });
    queue.put(row.pledgeId, persist);
  };

  /** After a 409: take the server's current version, keep what was typed, save it over that version when asked. */
  const keepMine = async () => {
    try {
      const list = await reportingApi.updatesOf(row.pledgeId);
      const own = list.find((x) => x.cycle === cycle.code);
      if (own && live.current.update) live.current.update = { ...live.current.update, version: own.version };
      queue.put(row.pledgeId, persist, 0);
    } catch (err) {
      setSave({ kind: 'error', message: describeError(err) });
    }
  };

  const submit = async () => {
    const u = live.current.update;
    if (!u) return;
    try {
      const done = await reportingApi.submitUpdate(u.id, u.version);
      const next = { ...u, editorialStatus: done.editorialStatus, version: done.version, isLate: done.isLate };
      live.current.update = next;
      setUpdate(next);
      setSave({ kind: 'submitted' });
    } catch (err) {
      setSave({ kind: err instanceof ApiError && err.code === 'version_conflict' ? 'conflict' : 'error', message: describeError(err) } as Save);
    }
  };

  const id = (what: string) => `wb-${row.pledgeId}-${what}`;
  const formHref = `/workspace/pledges/${row.pledgeId}/updates/${cycle.code}`;
  return (
    <li class="wb-row" data-pledge={row.reference}>
      <div class="wb-row__head">
        {row.canReconfirm && !update && (
          <input type="checkbox" id={id('select')} checked={props.selected} onChange={(e) => props.onSelect((e.target as HTMLInputElement).checked)} aria-label={t.workbench.select(row.reference)} />
        )}
        <h3 class="wb-row__title">
          <a href={formHref}>{row.reference}</a> <span class="wb-row__name">{row.title}</span>
        </h3>
        <UpdateStatusTag status={state} />
      </div>
      <p class="muted small">
        {row.previous ? (
          <>
            {t.workbench.lastCycle(row.previous.cycle)}: <ImplementationTag status={row.previous.status} /> {row.previous.percentComplete}%
          </>
        ) : (
          t.workbench.noLastCycle
        )}
      </p>
      {update?.returnedComment && state === 'returned' && (
        <p class="notice notice--warning small">
          {t.workbench.returned} <span class="review-comment">{update.returnedComment}</span>
        </p>
      )}
      {editable ? (
        <div class="wb-row__fields">
          <label class="wb-field" for={id('status')}>
            <span>{t.workbench.status}</span>
            <select id={id('status')} value={values.status} onChange={(e) => edit({ status: (e.target as HTMLSelectElement).value as ImplementationStatus })}>
              <option value="">—</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t.updates.implementation[s]}
                </option>
              ))}
            </select>
          </label>
          <label class="wb-field wb-field--narrow" for={id('percent')}>
            <span>{t.workbench.percent}</span>
            <input id={id('percent')} type="number" inputMode="numeric" min={0} max={100} step={1} value={values.percent} onInput={(e) => edit({ percent: (e.target as HTMLInputElement).value })} />
          </label>
          {row.indicators.map((i) => {
            const last = latest(row.previous?.measurements ?? [], i.id);
            return (
              <label key={i.id} class="wb-field" for={id(i.id)}>
                <span>{t.workbench.measurementOf(i.name, i.unit)}</span>
                <input id={id(i.id)} type="number" step="any" inputMode="decimal" value={values.measures[i.id] ?? ''} onInput={(e) => edit({ measures: { [i.id]: (e.target as HTMLInputElement).value } })} />
                {last && <span class="muted small">{t.workbench.previousValue(String(last.value))}</span>}
              </label>
            );
          })}
        </div>
      ) : (
        update && (
          <p class="small">
            {t.workbench.thisCycle}: <ImplementationTag status={update.status} /> {update.percentComplete}%
          </p>
        )
      )}
      <PlausibilityWarnings warnings={warnings} />
      <div class="wb-row__actions">
        <p class="wb-row__save small" role="status">
          {save.kind === 'saving' && t.workbench.saving}
          {save.kind === 'saved' && t.workbench.saved}
          {save.kind === 'pending' && t.workbench.pending}
          {save.kind === 'submitted' && t.workbench.submitted}
          {save.kind === 'error' && <span class="error-text">{save.message}</span>}
          {save.kind === 'conflict' && (
            <>
              {t.workbench.conflict}{' '}
              <button type="button" class="button button--small" onClick={keepMine}>
                {t.workbench.keepMine}
              </button>
            </>
          )}
        </p>
        {editable && update && (state === 'draft' || state === 'returned') && (
          <button type="button" class="button button--small" onClick={submit} disabled={save.kind === 'saving' || save.kind === 'pending'}>
            {t.workbench.submit} {row.reference}
          </button>
        )}
        <a class="small" href={formHref}>
          {t.workbench.fullForm}
        </a>
      </div>
    </li>
  );
}
