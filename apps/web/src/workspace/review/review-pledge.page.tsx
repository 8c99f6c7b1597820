import { useState } from 'preact/hooks';
import { pledgeApi } from '../../api/pledge-api';
import type { PledgeView } from '../../api/models';
import type { RouteProps } from '../../app/router';
import { DataView } from '../../components/data-view';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useData } from '../../components/use-data';
import { t } from '../../i18n';
import { PledgeStatusTag } from '../pledges/pledge-status';
import { PledgeSummary } from '../pledges/pledge-summary';
import { loadCatalogue } from '../pledges/catalogue';
import { DecisionForm } from './decision-form';
import { DiffTable } from './diff-table';
import { readableChanges } from './readable-diff';

async function load(id: string) {
  const [pledge, catalogue] = await Promise.all([pledgeApi.get(id), loadCatalogue()]);
  const latest = pledge.latestVersion;
  // Against the version the public has, or else the one before (a returned, then fixed, submission).
  const base = pledge.publishedVersion && latest && pledge.publishedVersion < latest ? pledge.publishedVersion : latest && latest > 1 ? latest - 1 : null;
  const diff = base && latest ? await pledgeApi.diff(id, base, latest) : null;
  return { pledge, diff: diff && { ...diff, changes: readableChanges(diff.changes, catalogue, pledge.indicators) } };
}

/** One submitted pledge: what changed since the previous version, the content, and publish or return. */
export function ReviewPledgePage({ params }: RouteProps) {
  const [reload, setReload] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const state = useData(() => load(params.id), [params.id, reload]);
  return (
    <DataView state={state}>
      {({ pledge, diff }) => (
        <>
          <PageHeader
            title={pledge.title}
            kicker={`${pledge.reference} · ${pledge.leadOrganisation.name}`}
            crumbs={[{ href: '/workspace/review', label: t.ws.nav.review }]}
          />
          {done && (
            <p class="notice notice--success" role="status">
              {done}
            </p>
          )}
          <p class="status-line">
            <PledgeStatusTag status={pledge.status} />
            <span class="muted"> {t.review.submittedVersion(pledge.latestVersion ?? 0, formatDateTime(pledge.submittedAt))}</span>
          </p>
          {diff ? <DiffTable changes={diff.changes} from={diff.from} to={diff.to} /> : <p class="muted">{t.review.firstVersion}</p>}
          {pledge.status === 'submitted' && (
            <DecisionForm
              id={`decide-${pledge.id}-v${pledge.version}`}
              approveLabel={t.review.publish}
              onApprove={async (comment) => {
                await pledgeApi.publish(pledge.id, pledge.version, comment);
                setDone(t.review.published(pledge.reference));
                setReload((n) => n + 1);
              }}
              onReturn={async (comment) => {
                await pledgeApi.return(pledge.id, pledge.version, comment);
                setDone(t.review.returned(pledge.reference));
                setReload((n) => n + 1);
              }}
            />
          )}
          <PledgeSummary pledge={pledge} />
          <Contact pledge={pledge} />
        </>
      )}
    </DataView>
  );
}

function Contact({ pledge }: { pledge: PledgeView }) {
  if (!pledge.contact) return null;
  return (
    <p class="muted">
      {t.review.contact}: {pledge.contact.name ?? ''} {pledge.contact.email && <a href={`mailto:${pledge.contact.email}`}>{pledge.contact.email}</a>}
    </p>
  );
}
