import { accountApi } from '../api/account-api';
import type { UserStatus } from '../api/models';
import { query as toQuery } from '../api/client';
import { navigate, type RouteProps } from '../app/router';
import type { Role } from '../app/session';
import { DataView } from '../components/data-view';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/page-header';
import { Pager, pageOffset } from '../components/pager';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { formParams, hrefWith } from './url';
import { TableWrap } from '../components/table-wrap';

const LIMIT = 50;
export const ROLES: Role[] = ['focal_point', 'secretariat', 'expert'];
const STATUSES: UserStatus[] = ['invited', 'active', 'deactivated'];

export function StatusTag({ status }: { status: UserStatus }) {
  return <span class={`tag tag--${status}`}>{t.ws.users.statuses[status]}</span>;
}

export function UsersPage({ query }: RouteProps) {
  const f = {
    q: query.get('q') ?? '',
    role: (query.get('role') ?? '') as Role | '',
    status: (query.get('status') ?? '') as UserStatus | '',
    organisationId: query.get('organisationId') ?? undefined,
  };
  const offset = pageOffset(query, LIMIT);
  const state = useData(() => accountApi.users({ ...f, role: f.role || undefined, status: f.status || undefined, offset }), [f.q, f.role, f.status, f.organisationId, offset]);
  return (
    <>
      <PageHeader title={t.ws.users.title} lead={t.ws.users.lead} />
      <p>
        <a class="button" href="/workspace/users/invite">
          {t.ws.users.invite}
        </a>
      </p>
      <form
        class="filters"
        role="search"
        aria-label={t.ws.users.filters}
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/workspace/users${toQuery({ ...formParams(e.currentTarget), organisationId: f.organisationId })}`);
        }}
      >
        <label>
          <span>{t.ws.users.search}</span>
          <input class="input" name="q" type="search" defaultValue={f.q} />
        </label>
        <label>
          <span>{t.ws.users.role}</span>
          <select class="input" name="role" defaultValue={f.role}>
            <option value="">{t.ws.users.anyRole}</option>
            {ROLES.map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}
          </select>
        </label>
        <label>
          <span>{t.ws.users.status}</span>
          <select class="input" name="status" defaultValue={f.status}>
            <option value="">{t.ws.users.anyStatus}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t.ws.users.statuses[s]}</option>)}
          </select>
        </label>
        <button class="button button--secondary" type="submit">
          {t.ws.common.apply}
        </button>
        {f.organisationId && <a href="/workspace/users">{t.ws.users.allOrganisations}</a>}
      </form>
      <DataView state={state}>
        {(page) => (
          <>
            <p class="results-count" role="status">
              {t.ws.users.count(page.total)}
            </p>
            <TableWrap label={t.ws.users.count(page.total)}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t.ws.users.name}</th>
                    <th scope="col">{t.ws.users.email}</th>
                    <th scope="col">{t.ws.users.role}</th>
                    <th scope="col">{t.ws.users.organisation}</th>
                    <th scope="col">{t.ws.users.status}</th>
                    <th scope="col">{t.ws.users.lastSignIn}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">
                        <a href={`/workspace/users/${u.id}`}>{u.name}</a>
                      </th>
                      <td>{u.email}</td>
                      <td>{t.roles[u.role ?? 'none']}</td>
                      <td>{u.organisation?.name ?? '—'}</td>
                      <td>
                        <StatusTag status={u.status} />
                      </td>
                      <td>{formatDateTime(u.lastSignInAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Pager total={page.total} limit={LIMIT} offset={offset} href={(p) => hrefWith('/workspace/users', query, { page: p })} />
          </>
        )}
      </DataView>
    </>
  );
}
