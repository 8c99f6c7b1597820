import { useState } from 'preact/hooks';
import { newIdempotencyKey, pledgeApi, reportingApi } from '../../api/pledge-api';
import type { ProgressValues } from '../../api/models';
import type { RouteProps } from '../../app/router';
import { DataView } from '../../components/data-view';
import { formatDate, formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useData } from '../../components/use-data';
import { describeError } from '../../forms/use-form';
import { t } from '../../i18n';
import { ImplementationTag, UpdateStatusTag } from '../pledges/pledge-status';
import { EvidenceFiles } from './evidence-files';
import { UpdateForm } from './update-form';
import { PlausibilityWarnings } from './plausibility-warnings';
import { UpdateReadOnly } from './update-read-only';
import { valuesFrom } from './update-model';

async function load(pledgeId: string, cycle: string) {
  const [pledge, list, cycles] = await Promise.all([pledgeApi.get(pledgeId), reportingApi.updatesOf(pledgeId), reportingApi.cycles()]);
  const info = cycles.find((c) => c.code === cycle) ?? null;
  const own = list.find((u) => u.cycle === cycle);
  const update = own ? await reportingApi.update(own.id) : null;
  // Before this cycle's update exists, the previous cycle's submitted or validated one fills the form.
  const earlier = list.filter((u) => u.cycle !== cycle && u.editorialStatus !== 'draft' && u.editorialStatus !== 'returned');
  const previousId = !update && earlier.length ? earlier[earlier.length - 1].id : null;
  const previous: ProgressValues | null = update ? update.previous : previousId ? await reportingApi.update(previousId) : null;
  return { pledge, update, previous, info };
}

/** The progress update of one pledge for one cycle: prefilled from the last cycle, "no change" in one action, evidence. */
export function UpdatePage({ params, query }: RouteProps) {
  const [reload, setReload] = useState(0);
  const [done, setDone] = useState(query.get('done'));
  const state = useData(() => load(params.id, params.cycle), [params.id, params.cycle, reload]);
  const changed = (what: string | null) => {
    setDone(what);
    setReload((n) => n + 1);
  };
  return (
    <DataView state={state}>
      {({ pledge, update, previous, info }) => {
        const editable = (!update || update.editorialStatus === 'draft' || update.editorialStatus === 'returned') && info?.status === 'open';
        const lastReturn = update ? [...update.reviews].reverse().find((r) => r.decision === 'returned') : undefined;
        return (
          <>
            <PageHeader
              title={t.updates.title(params.cycle)}
              kicker={`${pledge.reference} · ${pledge.title}`}
              crumbs={[{ href: '/workspace/pledges', label: t.ws.nav.pledges }, { href: `/workspace/pledges/${pledge.id}`, label: pledge.reference }]}
              lead={info ? t.updates.lead(formatDate(info.periodStart), formatDate(info.periodEnd), formatDate(info.deadline)) : undefined}
            />
            {done && (
              <p class="notice notice--success" role="status">
                {t.updates.done[done as keyof typeof t.updates.done] ?? t.ws.common.saved}
              </p>
            )}
            {update && (
              <p class="status-line">
                <UpdateStatusTag status={update.editorialStatus} />
                {update.isLate && <span class="tag tag--late">{t.updates.late}</span>}
                {update.noChange && <span class="tag">{t.updates.noChangeTag}</span>}
                {update.submittedAt && <span class="muted"> {t.updates.submittedOn(formatDateTime(update.submittedAt))}</span>}
              </p>
            )}
            {update && <PlausibilityWarnings warnings={update.warnings} />}
            {update?.editorialStatus === 'returned' && lastReturn && (
              <div class="notice notice--warning" role="note">
                <h2>{t.updates.returnedTitle}</h2>
                <p class="review-comment">{lastReturn.comment}</p>
              </div>
            )}
            {!update && previous && editable && <NoChange pledgeId={pledge.id} cycle={params.cycle} previous={previous} onDone={() => changed('noChange')} />}
            {!update && !previous && editable && <p class="muted">{t.updates.firstReport}</p>}
            {editable ? (
              <UpdateForm
                key={update?.version ?? 'new'}
                pledge={pledge}
                cycle={params.cycle}
                update={update}
                previous={previous}
                initial={valuesFrom(update ?? previous, pledge.indicators, update?.evidence ?? [], newIdempotencyKey())}
                onSaved={changed}
              />
            ) : update ? (
              <UpdateReadOnly update={update} />
            ) : (
              <p class="notice">{t.updates.cycleNotOpen(params.cycle)}</p>
            )}
            {update && (
              <EvidenceFiles update={update} editable={editable} onChanged={() => changed('fileChanged')} />
            )}
          </>
        );
      }}
    </DataView>
  );
}

function NoChange({ pledgeId, cycle, previous, onDone }: { pledgeId: string; cycle: string; previous: ProgressValues; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await reportingApi.noChange(pledgeId, cycle, key);
      onDone();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="no-change" aria-labelledby="no-change-title">
      <h2 id="no-change-title">{t.updates.noChangeTitle}</h2>
      <p>
        {t.updates.noChangeText(previous.cycle)} <ImplementationTag status={previous.status} /> {previous.percentComplete}%
      </p>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="button" disabled={busy} onClick={confirm}>
        {t.updates.noChangeAction(previous.cycle)}
      </button>
      <p class="muted small">{t.updates.orFillIn}</p>
    </section>
  );
}

