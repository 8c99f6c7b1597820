import { pledgeApi, reportingApi } from '../api/pledge-api';
import { useSession } from '../app/session';
import { DataView } from '../components/data-view';
import { formatDate } from '../components/format';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { MyWork } from './my-work';
import { linksFor } from './workspace-nav';

/** The workspace's front page: a focal point's to-do list, or the secretariat's queues and cycles. */
export function WorkspaceHomePage() {
  const current = useSession();
  if (!current) return null;
  const { user } = current;
  return (
    <>
      <PageHeader title={t.ws.home.title(user.name)} kicker={user.organisation?.name ?? t.roles[user.role ?? 'none']} lead={t.ws.home.lead[user.role ?? 'none']} />
      {user.role === 'focal_point' && (
        <>
          <p class="form__actions">
            <a class="button" href="/workspace/pledges/new">
              {t.pledgeEdit.newTitle}
            </a>
            <a href="/workspace/pledges">{t.myWork.allPledges}</a>
          </p>
          <MyWork />
        </>
      )}
      {user.role === 'secretariat' && <SecretariatOverview />}
      <h2>{t.ws.home.sections}</h2>
      <ul class="link-cards">
        {linksFor(user)
          .filter((l) => l.href !== '/workspace')
          .map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
      </ul>
    </>
  );
}

async function overview() {
  const [pledges, updates, open] = await Promise.all([pledgeApi.reviewQueue(), reportingApi.updateQueue(), reportingApi.cycles('open')]);
  return { pledges: pledges.total, updates: updates.total, open };
}

function SecretariatOverview() {
  const state = useData(overview, []);
  return (
    <DataView state={state}>
      {(o) => (
        <ul class="figures">
          <li>
            <a class="figure" href="/workspace/review">
              <span class="figure__value">{o.pledges}</span>
              <span class="figure__label">{t.myWork.pledgesWaiting}</span>
            </a>
          </li>
          <li>
            <a class="figure" href="/workspace/review">
              <span class="figure__value">{o.updates}</span>
              <span class="figure__label">{t.myWork.updatesWaiting}</span>
            </a>
          </li>
          {o.open.map((c) => (
            <li key={c.code}>
              <a class="figure" href="/workspace/cycles">
                <span class="figure__value">{c.code}</span>
                <span class="figure__label">{t.myWork.openUntil(formatDate(c.deadline))}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </DataView>
  );
}
