import { useEffect, useState } from 'preact/hooks';
import { accountApi, type AuditFilter } from '../api/account-api';
import type { AuditRow } from '../api/models';
import { query as toQuery } from '../api/client';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { describeError } from '../forms/use-form';
import { t } from '../i18n';
import { formParams } from './url';
import { TableWrap } from '../components/table-wrap';

const FILTERS = ['action', 'entityType', 'entityId', 'from', 'to'] as const;

/** The append-only audit log, newest first, filtered by the URL's query; "Load more" follows the keyset cursor. */
export function AuditPage({ query }: RouteProps) {
  const filter: AuditFilter = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? undefined]));
  const key = FILTERS.map((k) => filter[k] ?? '').join('|');
  const first = useData(() => accountApi.audit(filter), [key]);
  const [more, setMore] = useState<AuditRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    setMore([]);
    setCursor(first.status === 'ready' ? first.data.nextCursor : null);
  }, [first]);
  const loadMore = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await accountApi.audit({ ...filter, cursor });
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
      setMoreError(null);
    } catch (err) {
      setMoreError(describeError(err));
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <PageHeader title={t.ws.audit.title} lead={t.ws.audit.lead} />
      <form
        class="filters"
        role="search"
        aria-label={t.ws.audit.filters}
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/workspace/audit${toQuery(formParams(e.currentTarget))}`);
        }}
      >
        <label>
          <span>{t.ws.audit.action}</span>
          <input class="input" name="action" defaultValue={filter.action} placeholder="user.  auth.sign_in" aria-describedby="audit-action-hint" />
        </label>
        <label>
          <span>{t.ws.audit.entityType}</span>
          <input class="input" name="entityType" defaultValue={filter.entityType} placeholder="user" />
        </label>
        <label>
          <span>{t.ws.audit.entityId}</span>
          <input class="input" name="entityId" defaultValue={filter.entityId} />
        </label>
        <label>
          <span>{t.ws.audit.from}</span>
          <input class="input" name="from" type="date" defaultValue={filter.from} />
        </label>
        <label>
          <span>{t.ws.audit.to}</span>
          <input class="input" name="to" type="date" defaultValue={filter.to} />
        </label>
        <button class="button button--secondary" type="submit">
          {t.ws.common.apply}
        </button>
        <a href="/workspace/audit">{t.ws.common.clearFilters}</a>
        <p id="audit-action-hint" class="field__hint filters__hint">
          {t.ws.audit.actionHint}
        </p>
      </form>
      <DataView state={first}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p role="status">{t.ws.audit.none}</p>
            ) : (
              <TableWrap label={t.ws.audit.title}>
                <table class="table table--compact audit">
                  <thead>
                    <tr>
                      <th scope="col">{t.ws.audit.when}</th>
                      <th scope="col">{t.ws.audit.who}</th>
                      <th scope="col">{t.ws.audit.action}</th>
                      <th scope="col">{t.ws.audit.entity}</th>
                      <th scope="col">{t.ws.audit.change}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...page.items, ...more].map((row) => (
                      <AuditLine key={row.id} row={row} />
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {moreError && (
              <p class="notice notice--error" role="alert">
                {moreError}
              </p>
            )}
            {cursor && (
              <button type="button" class="button button--secondary" disabled={loading} onClick={loadMore}>
                {loading ? t.common.loading : t.ws.audit.loadMore}
              </button>
            )}
          </>
        )}
      </DataView>
    </>
  );
}

interface Change {
  field: string;
  before: string;
  after: string;
}

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** The fields an entry changed, top level only: a readable diff rather than two JSON dumps. */
export function changedFields(before: unknown, after: unknown): Change[] {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v });
  const b = before == null ? {} : obj(before);
  const a = after == null ? {} : obj(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
}

function AuditLine({ row }: { row: AuditRow }) {
  const [open, setOpen] = useState(false);
  const changes = changedFields(row.before, row.after);
  const detailId = `audit-${row.id}`;
  return (
    <>
      <tr>
        <td>{formatDateTime(row.occurredAt)}</td>
        <td>
          {row.actorEmail ?? t.ws.audit.system}
          {row.actorRole && <span class="muted small block">{t.roles[row.actorRole as keyof typeof t.roles] ?? row.actorRole}</span>}
        </td>
        <td>
          <code class="code">{row.action}</code>
        </td>
        <td>
          <code class="code">{row.entityType}</code>
          {row.entityId && (
            <span class="muted small block code" title={row.entityId}>
              {row.entityId.length > 13 ? `${row.entityId.slice(0, 8)}…` : row.entityId}
            </span>
          )}
        </td>
        <td>
          {changes.length ? (
            <button type="button" class="button button--small button--secondary" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen(!open)}>
              {t.ws.audit.fieldsChanged(changes.length)}
            </button>
          ) : (
            '—'
          )}
        </td>
      </tr>
      {open && (
        <tr id={detailId} class="audit__detail">
          <td colSpan={5}>
            <table class="table table--compact diff">
              <thead>
                <tr>
                  <th scope="col">{t.ws.audit.field}</th>
                  <th scope="col">{t.ws.audit.before}</th>
                  <th scope="col">{t.ws.audit.after}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{c.field}</th>
                    <td class="diff__before">{c.before}</td>
                    <td class="diff__after">{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </td>
        </tr>
      )}
    </>
  );
}
