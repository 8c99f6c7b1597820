import { reportingApi } from '../api/pledge-api';
import { DataView } from '../components/data-view';
import { formatDate, formatDateTime } from '../components/format';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { UpdateStatusTag } from './pledges/pledge-status';

/** A focal point's to-do list: what is due in the open cycle(s), and what the secretariat returned with its comments. */
export function MyWork() {
  const state = useData(() => reportingApi.myWork(), []);
  return (
    <DataView state={state}>
      {(work) => (
        <>
          {(work.returned.pledges.length > 0 || work.returned.updates.length > 0) && (
            <section aria-labelledby="returned" class="panel panel--warning">
              <h2 id="returned">{t.myWork.returnedTitle}</h2>
              <ul class="plain-list stack">
                {work.returned.pledges.map((p) => (
                  <li key={p.id}>
                    <a href={`/workspace/pledges/${p.id}/edit`}>{t.myWork.fixPledge(p.reference, p.title ?? p.reference)}</a>
                    <p class="review-comment">{p.comment}</p>
                    <p class="muted small">{t.myWork.returnedOn(formatDateTime(p.returnedAt))}</p>
                  </li>
                ))}
                {work.returned.updates.map((u) => (
                  <li key={u.id}>
                    <a href={`/workspace/pledges/${u.pledgeId}/updates/${u.cycle}`}>{t.myWork.fixUpdate(u.reference, u.cycle)}</a>
                    <p class="review-comment">{u.comment}</p>
                    <p class="muted small">{t.myWork.returnedOn(formatDateTime(u.returnedAt))}</p>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="due">
            <h2 id="due">{t.myWork.dueTitle}</h2>
            {work.openCycles.length === 0 && <p class="muted">{t.myWork.noOpenCycle}</p>}
            {work.openCycles.map((c) => (
              <div key={c.code} class="cycle-card">
                <h3>{t.myWork.cycleTitle(c.code)}</h3>
                <p class={c.overdue ? 'deadline deadline--overdue' : 'deadline'}>
                  {c.overdue ? t.myWork.overdue(formatDate(c.deadline), -c.daysLeft) : t.myWork.deadline(formatDate(c.deadline), c.daysLeft)}
                </p>
                {c.pledges > 0 && <p class="muted">{t.myWork.outstanding(c.outstanding, c.pledges)}</p>}
                {c.pledges > 0 && (
                  <p>
                    <a class="button" href={`/workspace/cycles/${c.code}`}>
                      {t.workbench.open(c.code)}
                    </a>
                  </p>
                )}
                <ul class="due-list">
                  {work.due
                    .filter((d) => d.cycle === c.code)
                    .map((d) => (
                      <li key={d.pledgeId}>
                        <a href={`/workspace/pledges/${d.pledgeId}/updates/${d.cycle}`}>
                          {d.reference}: {d.title}
                        </a>{' '}
                        <UpdateStatusTag status={d.state} />
                        {d.isLate && <span class="tag tag--late">{t.updates.late}</span>}
                        {d.overdue && <span class="tag tag--late">{t.myWork.overdueTag}</span>}
                      </li>
                    ))}
                </ul>
                {c.pledges === 0 && <p class="muted">{t.myWork.noPublishedPledges}</p>}
              </div>
            ))}
          </section>
        </>
      )}
    </DataView>
  );
}
