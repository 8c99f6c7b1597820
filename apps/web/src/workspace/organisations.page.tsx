import { accountApi } from '../api/account-api';
import { ORGANISATION_KINDS } from '../api/models';
import { query as toQuery } from '../api/client';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { Pager, pageOffset } from '../components/pager';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { formParams, hrefWith } from './url';
import { TableWrap } from '../components/table-wrap';

const LIMIT = 50;

/** The secretariat's directory of organisations: every State plus stakeholders, with their private contacts. */
export function OrganisationsPage({ query }: RouteProps) {
  const q = query.get('q') ?? '';
  const kind = query.get('kind') ?? '';
  const offset = pageOffset(query, LIMIT);
  const state = useData(() => accountApi.organisations({ q, kind: kind as never, offset, limit: LIMIT }), [q, kind, offset]);
  return (
    <>
      <PageHeader title={t.ws.orgs.title} lead={t.ws.orgs.lead} />
      <p>
        <a class="button" href="/workspace/organisations/new">
          {t.ws.orgs.add}
        </a>
      </p>
      <form
        class="filters"
        role="search"
        aria-label={t.ws.orgs.filters}
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/workspace/organisations${toQuery(formParams(e.currentTarget))}`);
        }}
      >
        <label>
          <span>{t.ws.orgs.search}</span>
          <input class="input" name="q" type="search" defaultValue={q} />
        </label>
        <label>
          <span>{t.ws.orgs.kind}</span>
          <select class="input" name="kind" defaultValue={kind}>
            <option value="">{t.ws.orgs.anyKind}</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.orgKinds[k]}
              </option>
            ))}
          </select>
        </label>
        <button class="button button--secondary" type="submit">
          {t.ws.common.apply}
        </button>
      </form>
      <DataView state={state}>
        {(page) => (
          <>
            <p class="results-count" role="status">
              {t.ws.orgs.count(page.total)}
            </p>
            <TableWrap label={t.ws.orgs.title}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t.ws.orgs.name}</th>
                    <th scope="col">{t.ws.orgs.kind}</th>
                    <th scope="col">{t.ws.orgs.contact}</th>
                    <th scope="col">{t.ws.orgs.website}</th>
                    <th scope="col">{t.ws.orgs.people}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((o) => (
                    <tr key={o.id}>
                      <th scope="row">
                        <a href={`/workspace/organisations/${o.id}`}>{o.name}</a>
                      </th>
                      <td>{t.orgKinds[o.kind]}</td>
                      <td>{o.contactEmail ?? '—'}</td>
                      <td>{o.website ? <a href={o.website} rel="noopener noreferrer" target="_blank">{o.website}</a> : '—'}</td>
                      <td>
                        <a href={`/workspace/users?organisationId=${o.id}`} aria-label={t.ws.orgs.peopleOf(o.name)}>
                          {t.ws.orgs.peopleLink}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Pager total={page.total} limit={LIMIT} offset={offset} href={(p) => hrefWith('/workspace/organisations', query, { page: p })} />
          </>
        )}
      </DataView>
    </>
  );
}
