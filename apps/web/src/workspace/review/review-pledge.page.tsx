import { useState } from 'preact/hooks';
import { pledgeApi } from '../../api/pledge-api';
import type { FieldChange, PledgeView } from '../../api/workspace-types';
import type { RouteProps } from '../../app/router';
import { DataView } from '../../components/data-view';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useData } from '../../components/use-data';
import { t } from '../../i18n';
import { PledgeStatusTag } from '../pledges/pledge-status';
import { PledgeSummary } from '../pledges/pledge-summary';
import { DecisionForm } from './decision-form';
import { TableWrap } from '../../components/table-wrap';

async function load(id: string) {
  const pledge = await pledgeApi.get(id);
  const latest = pledge.latestVersion;
  // Against the version the public has, or else the one before (a returned, then fixed, submission).
  const base = pledge.publishedVersion && latest && pledge.publishedVersion < latest ? pledge.publishedVersion : latest && latest > 1 ? latest - 1 : null;
  const diff = base && latest ? await pledgeApi.diff(id, base, latest) : null;
  return { pledge, diff };
}

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

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
          {diff ? <Diff changes={diff.changes} from={diff.from} to={diff.to} /> : <p class="muted">{t.review.firstVersion}</p>}
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

function Diff({ changes, from, to }: { changes: FieldChange[]; from: number; to: number }) {
  return (
    <section aria-labelledby="diff-title">
      <h2 id="diff-title">{t.review.diffTitle(from, to)}</h2>
      {changes.length === 0 ? (
        <p class="muted">{t.review.noChanges}</p>
      ) : (
        <TableWrap label={t.review.diffTitle(from, to)}>
          <table class="table table--compact diff">
            <thead>
              <tr>
                <th scope="col">{t.ws.audit.field}</th>
                <th scope="col">{t.review.versionCol(from)}</th>
                <th scope="col">{t.review.versionCol(to)}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{c.field}</th>
                  <td class="diff__before">
                    <del>{show(c.before)}</del>
                  </td>
                  <td class="diff__after">
                    <ins>{show(c.after)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
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
