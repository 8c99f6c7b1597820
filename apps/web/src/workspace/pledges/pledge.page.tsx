import { useState } from 'preact/hooks';
import { pledgeApi, reportingApi } from '../../api/pledge-api';
import type { PledgeView } from '../../api/models';
import type { RouteProps } from '../../app/router';
import { useSession } from '../../app/session';
import { DataView } from '../../components/data-view';
import { formatDate, formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useData } from '../../components/use-data';
import { t } from '../../i18n';
import { PledgeActions } from './pledge-actions';
import { PledgeSummary } from './pledge-summary';
import { ImplementationTag, PledgeStatusTag, UpdateStatusTag } from './pledge-status';
import { TableWrap } from '../../components/table-wrap';

async function load(id: string) {
  const [pledge, versions, updates, open] = await Promise.all([
    pledgeApi.get(id), pledgeApi.versions(id), reportingApi.updatesOf(id), reportingApi.cycles('open'),
  ]);
  return { pledge, versions, updates, open };
}

/** One pledge as its owner (or the secretariat) sees it: state, review comments, actions, progress per cycle, history. */
export function PledgePage({ params, query }: RouteProps) {
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState(query.get('done'));
  const state = useData(() => load(params.id), [params.id, reload]);
  const me = useSession();
  const owner = me?.user.role === 'focal_point';
  return (
    <DataView state={state}>
      {({ pledge, versions, updates, open }) => {
        const lastReturn = [...pledge.reviews].reverse().find((r) => r.decision === 'returned');
        // Whether the pledge owes an open cycle an update (a withdrawn one may, for the cycle it was withdrawn in) is the
        // server's rule (the cycle population): it refuses the update with a message when not.
        const reportable = pledge.publishedVersion !== null;
        return (
          <>
            <PageHeader
              title={pledge.title}
              kicker={`${pledge.reference} · ${pledge.leadOrganisation.name}`}
              crumbs={[owner ? { href: '/workspace/pledges', label: t.ws.nav.pledges } : { href: '/workspace/review', label: t.ws.nav.review }]}
            />
            {notice && (
              <p class="notice notice--success" role="status">
                {t.pledgeEdit.done[notice as keyof typeof t.pledgeEdit.done] ?? t.ws.common.saved}
              </p>
            )}
            {pledge.status === 'returned' && lastReturn && (
              <div class="notice notice--warning" role="note">
                <h2>{t.pledgeEdit.returnedTitle}</h2>
                <p class="review-comment">{lastReturn.comment}</p>
                <p class="muted small">{t.pledgeEdit.returnedOn(formatDateTime(lastReturn.createdAt), lastReturn.versionNumber)}</p>
              </div>
            )}
            <dl class="facts">
              <div>
                <dt>{t.pledgeEdit.status}</dt>
                <dd>
                <PledgeStatusTag status={pledge.status} />
              </dd>
              </div>
              <div>
                <dt>{t.pledgeEdit.implementation}</dt>
                <dd>{pledge.publishedVersion ? <ImplementationTag status={pledge.implementationStatus} /> : '—'}</dd>
              </div>
              <div>
                <dt>{t.pledgeEdit.publicVersion}</dt>
                <dd>{pledge.publishedVersion ? t.pledgeEdit.versionN(pledge.publishedVersion) : t.pledgeEdit.notPublished}</dd>
              </div>
              <div>
                <dt>{t.pledgeEdit.updated}</dt>
                <dd>{formatDateTime(pledge.updatedAt)}</dd>
              </div>
            </dl>
            {owner && (
              <PledgeActions
                pledge={pledge}
                onDone={(done) => {
                  setNotice(done);
                  setReload((n) => n + 1);
                }}
              />
            )}
            <section aria-labelledby="progress">
              <h2 id="progress">{t.pledgeEdit.progressTitle}</h2>
              {!reportable && <p class="muted">{t.pledgeEdit.progressAfterPublication}</p>}
              {reportable && owner && open.filter((c) => !updates.some((u) => u.cycle === c.code)).map((c) => (
                <p key={c.code}>
                  <a class="button" href={`/workspace/pledges/${pledge.id}/updates/${c.code}`}>
                    {t.updates.reportFor(c.code, formatDate(c.deadline))}
                  </a>
                </p>
              ))}
              {updates.length > 0 && (
                <TableWrap label={t.pledgeEdit.progressTitle}>
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{t.updates.cycle}</th>
                        <th scope="col">{t.updates.editorial}</th>
                        <th scope="col">{t.updates.implementationStatus}</th>
                        <th scope="col">{t.updates.percent}</th>
                        <th scope="col">{t.updates.submitted}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {updates.map((u) => (
                        <tr key={u.id}>
                          <th scope="row" class="nowrap">
                            <a href={owner ? `/workspace/pledges/${pledge.id}/updates/${u.cycle}` : `/workspace/review/updates/${u.id}`}>{u.cycle}</a>
                          </th>
                          <td>
                            <UpdateStatusTag status={u.editorialStatus} />
                            {u.isLate && <span class="tag tag--late">{t.updates.late}</span>}
                            {u.noChange && <span class="tag">{t.updates.noChangeTag}</span>}
                          </td>
                          <td>
                            <ImplementationTag status={u.status} />
                          </td>
                          <td class="num">{u.percentComplete}%</td>
                          <td>{formatDateTime(u.submittedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              )}
            </section>
            <PledgeSummary pledge={pledge} />
            <History pledge={pledge} versions={versions} />
          </>
        );
      }}
    </DataView>
  );
}

function History({ pledge, versions }: { pledge: PledgeView; versions: { number: number; [k: string]: unknown }[] }) {
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t.pledgeEdit.historyTitle}</h2>
      {versions.length === 0 ? (
        <p class="muted">{t.pledgeEdit.noVersions}</p>
      ) : (
        <ol class="timeline">
          {versions.map((v) => (
            <li key={v.number}>
              <p>
                <strong>{t.pledgeEdit.versionN(v.number)}</strong> · {t.pledgeEdit.submittedOn(formatDateTime(v.submittedAt as string))}
                {v.number === pledge.publishedVersion && <span class="tag tag--published">{t.pledgeEdit.publicNow}</span>}
              </p>
              {typeof v.decision === 'string' && (
                <p class="muted">
                  {t.pledgeEdit.decisions[v.decision as 'published' | 'returned']} · {formatDateTime(v.reviewedAt as string)}
                  {typeof v.comment === 'string' && v.comment && <span class="review-comment block">{v.comment}</span>}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
