import { pledgeApi } from '../../api/pledge-api';
import { DataView } from '../../components/data-view';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useData } from '../../components/use-data';
import { useSession } from '../../app/session';
import { t } from '../../i18n';
import { ImplementationTag, PledgeStatusTag } from './pledge-status';
import { TableWrap } from '../../components/table-wrap';

/** The organisation's pledges in every state: its history as the platform keeps it. */
export function MyPledgesPage() {
  const me = useSession();
  const state = useData(() => pledgeApi.mine(), []);
  return (
    <>
      <PageHeader title={t.ws.nav.pledges} kicker={me?.user.organisation?.name} lead={t.pledgeEdit.listLead} />
      <p>
        <a class="button" href="/workspace/pledges/new">
          {t.pledgeEdit.newTitle}
        </a>
      </p>
      <DataView state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t.pledgeEdit.none}</p>
          ) : (
            <TableWrap label={t.ws.nav.pledges}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t.pledgeEdit.reference}</th>
                    <th scope="col">{t.pledgeEdit.title}</th>
                    <th scope="col">{t.pledgeEdit.status}</th>
                    <th scope="col">{t.pledgeEdit.implementation}</th>
                    <th scope="col">{t.pledgeEdit.updated}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((p) => (
                    <tr key={p.id}>
                      <td class="nowrap">{p.reference}</td>
                      <th scope="row">
                        <a href={`/workspace/pledges/${p.id}`}>{p.title}</a>
                      </th>
                      <td>
                        <PledgeStatusTag status={p.status} />
                      </td>
                      <td>{p.publishedVersion ? <ImplementationTag status={p.implementationStatus} /> : '—'}</td>
                      <td>{formatDateTime(p.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </DataView>
    </>
  );
}
