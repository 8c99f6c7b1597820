import { pledgeApi, reportingApi } from '../../api/pledge-api';
import { DataView } from '../../components/data-view';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { combine, useData } from '../../components/use-data';
import { t } from '../../i18n';
import { ImplementationTag } from '../pledges/pledge-status';
import { TableWrap } from '../../components/table-wrap';

/** What waits for the secretariat: submitted pledges and progress updates, oldest first. */
export function ReviewQueuePage() {
  const state = combine(useData(() => pledgeApi.reviewQueue(), []), useData(() => reportingApi.updateQueue(), []));
  return (
    <>
      <PageHeader title={t.review.title} lead={t.review.lead} />
      <DataView state={state}>
        {([pledges, updates]) => (
          <>
            <section aria-labelledby="queue-pledges">
              <h2 id="queue-pledges">{t.review.pledges(pledges.total)}</h2>
              {pledges.items.length === 0 ? (
                <p class="muted">{t.review.nothingPledges}</p>
              ) : (
                <TableWrap label={t.review.pledges(pledges.total)}>
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{t.pledgeEdit.reference}</th>
                        <th scope="col">{t.pledgeEdit.title}</th>
                        <th scope="col">{t.review.organisation}</th>
                        <th scope="col">{t.review.kind}</th>
                        <th scope="col">{t.review.submitted}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {pledges.items.map((p) => (
                        <tr key={p.id}>
                          <td class="nowrap">{p.reference}</td>
                          <th scope="row">
                            <a href={`/workspace/review/pledges/${p.id}`}>{p.title}</a>
                          </th>
                          <td>{p.leadOrganisation.name}</td>
                          <td>
                            {p.isRevision ? t.review.revision(p.publishedVersion ?? 0, p.versionNumber) : t.review.firstSubmission(p.versionNumber)}
                          </td>
                          <td>{formatDateTime(p.submittedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              )}
            </section>
            <section aria-labelledby="queue-updates">
              <h2 id="queue-updates">{t.review.updates(updates.total)}</h2>
              {updates.items.length === 0 ? (
                <p class="muted">{t.review.nothingUpdates}</p>
              ) : (
                <TableWrap label={t.review.updates(updates.total)}>
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{t.updates.cycle}</th>
                        <th scope="col">{t.pledgeEdit.title}</th>
                        <th scope="col">{t.review.organisation}</th>
                        <th scope="col">{t.updates.implementationStatus}</th>
                        <th scope="col">{t.review.submitted}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {updates.items.map((u) => (
                        <tr key={u.id}>
                          <td class="nowrap">{u.cycle}</td>
                          <th scope="row">
                            <a href={`/workspace/review/updates/${u.id}`}>{u.title ?? u.reference}</a>
                            <span class="muted small block">{u.reference}</span>
                          </th>
                          <td>{u.organisation}</td>
                          <td>
                            <ImplementationTag status={u.status} /> {u.percentComplete}%
                            {u.isLate && <span class="tag tag--late">{t.updates.late}</span>}
                            {u.noChange && <span class="tag">{t.updates.noChangeTag}</span>}
                          </td>
                          <td>{formatDateTime(u.submittedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              )}
            </section>
          </>
        )}
      </DataView>
    </>
  );
}
