import { useState } from 'preact/hooks';
import { reportingApi } from '../../api/pledge-api';
import type { RouteProps } from '../../app/router';
import { DataView } from '../../components/data-view';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useData } from '../../components/use-data';
import { t } from '../../i18n';
import { UpdateStatusTag } from '../pledges/pledge-status';
import { EvidenceFiles } from '../updates/evidence-files';
import { PlausibilityWarnings } from '../updates/plausibility-warnings';
import { UpdateReadOnly } from '../updates/update-read-only';
import { DecisionForm } from './decision-form';

/** One submitted progress update beside the previous cycle's: validate (it becomes public) or return. */
export function ReviewUpdatePage({ params }: RouteProps) {
  const [reload, setReload] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const state = useData(() => reportingApi.update(params.id), [params.id, reload]);
  return (
    <DataView state={state}>
      {(u) => (
        <>
          <PageHeader
            title={t.updates.title(u.cycle)}
            kicker={`${u.pledge.reference} · ${u.pledge.title ?? ''}`}
            crumbs={[{ href: '/workspace/review', label: t.ws.nav.review }, { href: `/workspace/pledges/${u.pledge.id}`, label: u.pledge.reference }]}
          />
          {done && (
            <p class="notice notice--success" role="status">
              {done}
            </p>
          )}
          <p class="status-line">
            <UpdateStatusTag status={u.editorialStatus} />
            {u.isLate && <span class="tag tag--late">{t.updates.late}</span>}
            {u.noChange && <span class="tag">{t.updates.noChangeTag}</span>}
            <span class="muted"> {t.updates.submittedOn(formatDateTime(u.submittedAt))}</span>
          </p>
          {u.editorialStatus === 'submitted' && (
            <DecisionForm
              id={`decide-update-${u.id}-v${u.version}`}
              approveLabel={t.review.validate}
              onApprove={async (comment) => {
                await reportingApi.validate(u.id, u.version, comment);
                setDone(t.review.validated);
                setReload((n) => n + 1);
              }}
              onReturn={async (comment) => {
                await reportingApi.returnUpdate(u.id, u.version, comment);
                setDone(t.review.updateReturned);
                setReload((n) => n + 1);
              }}
            />
          )}
          <PlausibilityWarnings warnings={u.warnings} />
          <UpdateReadOnly update={u} />
          <EvidenceFiles update={u} editable={false} onChanged={() => setReload((n) => n + 1)} />
        </>
      )}
    </DataView>
  );
}
