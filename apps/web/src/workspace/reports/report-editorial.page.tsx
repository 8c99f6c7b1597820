import { useState } from 'preact/hooks';
import { downloadFile } from '../../api/client';
import type { ReportEditorial, ReportVersion } from '../../api/models';
import { reportApi } from '../../api/report-api';
import type { RouteProps } from '../../app/router';
import { DataView } from '../../components/data-view';
import { PageHeader } from '../../components/page-header';
import { useData } from '../../components/use-data';
import { ErrorSummary, SubmitButton, TextArea } from '../../forms/fields';
import { describeError, useForm } from '../../forms/use-form';
import { t } from '../../i18n';

const e = t.reportRuns.editorial;
const crumbs = [{ href: '/workspace/reports', label: t.reportRuns.title }];
const FORMATS = ['html', 'pdf', 'json', 'csv', 'xlsx'];
const INTRODUCTION_MAX = 20_000;
const COMMENTARY_MAX = 8_000;

/** `/workspace/reports/versions/:id/editorial`: the secretariat writes, previews and publishes one version's editorial text. */
export function ReportEditorialPage({ params }: RouteProps) {
  const id = params.id;
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const state = useData(async () => {
    const [version, editorial] = await Promise.all([reportApi.version(id), reportApi.editorial(id)]);
    return { version, editorial };
  }, [id, tick]);
  const reload = (message: string) => {
    setNotice(message);
    setTick((n) => n + 1);
  };
  return (
    <DataView state={state}>
      {(d) => (
        <>
          <PageHeader title={e.title(d.version.title)} crumbs={crumbs} lead={e.lead} />
          {notice && (
            <p class="notice notice--success" role="status">
              {notice}
            </p>
          )}
          {d.editorial.published ? (
            <p class="notice" role="note">{e.frozen}</p>
          ) : (
            <>
              {d.editorial.carryForward && <CarryForward editorial={d.editorial} onDone={reload} />}
              <EditorialForm key={`${d.editorial.version}`} editorial={d.editorial} onSaved={reload} />
            </>
          )}
          <Preview version={d.version} />
          {!d.editorial.published && <Publish version={d.version} onPublished={reload} />}
          <p>
            <a href="/workspace/reports">{e.back}</a>
          </p>
        </>
      )}
    </DataView>
  );
}

function EditorialForm({ editorial, onSaved }: { editorial: ReportEditorial; onSaved: (message: string) => void }) {
  const form = useForm({
    id: 'editorial',
    initial: { introduction: editorial.introduction, commentary: editorial.sections.map((s) => ({ sectionId: s.sectionId, html: s.html })) },
  });
  const submit = form.handle(async (v) => {
    const saved = await reportApi.saveEditorial(editorial.versionId, { ...v, version: editorial.version });
    onSaved(e.saved(saved.version));
  });
  const labels: Record<string, string> = { introduction: e.introduction };
  editorial.sections.forEach((s, i) => (labels[`commentary.${i}.html`] = e.commentary(s.title)));
  return (
    <form class="form" onSubmit={submit} noValidate aria-labelledby="editorial-form-title">
      <h2 id="editorial-form-title">{editorial.version > 0 ? e.revisionOf(editorial.version) : e.noRevision}</h2>
      <ErrorSummary form={form} labels={labels} />
      <TextArea form={form} name="introduction" label={e.introduction} hint={e.introductionHint} rows={8} maxLength={INTRODUCTION_MAX} />
      <fieldset class="fieldset">
        <legend>{e.sectionsTitle}</legend>
        {editorial.sections.map((s, i) => (
          <TextArea key={s.sectionId} form={form} name={`commentary.${i}.html`} label={e.commentary(s.title)} rows={3} maxLength={COMMENTARY_MAX} />
        ))}
      </fieldset>
      <div class="form__actions">
        <SubmitButton form={form} label={e.save} />
      </div>
    </form>
  );
}

function CarryForward({ editorial, onDone }: { editorial: ReportEditorial; onDone: (message: string) => void }) {
  const offer = editorial.carryForward!;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const carry = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await reportApi.carryForward(editorial.versionId, offer.versionId, editorial.version);
      onDone(e.carried(offer.number, done.version));
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  return (
    <section class="notice" aria-labelledby="carry-title">
      <h2 id="carry-title">{e.carryTitle}</h2>
      <p>{e.carryLead(offer.number, offer.revision)}</p>
      {offer.missingSections.length > 0 && <p>{e.carryMissing(offer.missingSections.join(', '))}</p>}
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="button button--secondary" disabled={busy} onClick={carry}>
        {e.carry}
      </button>
    </section>
  );
}

function Preview({ version }: { version: ReportVersion }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{e.previewTitle}</h2>
      <p class="muted">{e.previewLead}</p>
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      <ul class="inline-list">
        {FORMATS.map((f) => (
          <li key={f}>
            <a
              href={reportApi.previewUrl(version.id, f)}
              onClick={(ev) => {
                ev.preventDefault();
                downloadFile(reportApi.previewUrl(version.id, f), `preview-${version.kind}-${version.scope}-${version.cycleKey}.${f}`).catch((err) => setError(describeError(err)));
              }}
            >
              {e.previewFormat(f.toUpperCase())}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Publish({ version, onPublished }: { version: ReportVersion; onPublished: (message: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await reportApi.publish(version.id);
      onPublished(e.publishedNotice(done.editorialRevision ?? 0));
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">{e.publishTitle}</h2>
      <p class="muted">{e.publishLead}</p>
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="button" disabled={busy} onClick={publish}>
        {e.publish}
      </button>
    </section>
  );
}
