import { useState } from 'preact/hooks';
import { DataView } from '../../components/data-view';
import { PageHeader } from '../../components/page-header';
import { combine, useData } from '../../components/use-data';
import { ErrorSummary, SubmitButton, TextArea } from '../../forms/fields';
import { describeError, useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import { expertReviewApi, type ExpertReport } from './expert-api';
import { aboutLabel, loadExpertCatalogue, type ExpertCatalogue } from './expert-labels';

/** `/workspace/review/expert-reports`: submitted challenge reports, each published or returned to its author with a note. */
export function ExpertReviewPage() {
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const state = combine(useData(() => expertReviewApi.submitted(), [tick]), useData(loadExpertCatalogue, []));
  const done = (message: string) => {
    setNotice(message);
    setTick((n) => n + 1);
  };
  return (
    <>
      <PageHeader title={t.experts.reviewTitle} lead={t.experts.reviewLead} />
      {notice && (
        <p class="notice notice--success" role="status">
          {notice}
        </p>
      )}
      <DataView state={state}>
        {([page, catalogue]) =>
          page.items.length === 0 ? (
            <p class="muted">{t.experts.reviewNone}</p>
          ) : (
            page.items.map((r) => <Submitted key={`${r.id}:${r.version}`} report={r} catalogue={catalogue} onDone={done} />)
          )
        }
      </DataView>
    </>
  );
}

function Submitted({ report: r, catalogue, onDone }: { report: ExpertReport; catalogue: ExpertCatalogue; onDone: (message: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ id: `return-${r.id}`, initial: { note: '' } });
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await expertReviewApi.publish(r.id, r.version);
      onDone(t.experts.reviewPublished(r.title));
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  const sendBack = form.handle(async (v) => {
    await expertReviewApi.return(r.id, r.version, v.note);
    onDone(t.experts.reviewReturned(r.title));
  });
  const headingId = `expert-${r.id}`;
  return (
    <article class="panel" aria-labelledby={headingId} data-expert-report={r.id}>
      <h2 id={headingId}>{r.title}</h2>
      <p class="muted">
        {aboutLabel(r, catalogue)} · {r.year} · {t.experts.filedBy} {r.filedBy}
      </p>
      <details>
        <summary>{t.experts.readText}</summary>
        {r.body.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </details>
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      <p class="form__actions">
        <button type="button" class="button" disabled={busy} onClick={publish}>
          {t.experts.publish}
          <span class="visually-hidden"> {r.title}</span>
        </button>
      </p>
      <form class="form" onSubmit={sendBack} noValidate>
        <ErrorSummary form={form} labels={{ note: t.experts.note }} />
        <TextArea form={form} name="note" label={t.experts.note} hint={t.experts.noteHint} rows={3} required />
        <div class="form__actions">
          <SubmitButton form={form} label={t.experts.sendBack} secondary />
        </div>
      </form>
    </article>
  );
}
