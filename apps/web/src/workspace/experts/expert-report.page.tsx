import { useState } from 'preact/hooks';
import { navigate, type RouteProps } from '../../app/router';
import { DataView } from '../../components/data-view';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { combine, useData } from '../../components/use-data';
import { describeError } from '../../forms/use-form';
import { t } from '../../i18n';
import { editable, expertApi, type ExpertReport } from './expert-api';
import { aboutLabel, loadExpertCatalogue, type ExpertCatalogue } from './expert-labels';
import { ExpertReportForm } from './expert-report-form';

const NOTICE_KEY = 'gcm.expert.notice';
const crumbs = [{ href: '/workspace/expert-reports', label: t.experts.back }];

/** `/workspace/expert-reports/new`. */
export function NewExpertReportPage() {
  const state = useData(loadExpertCatalogue, []);
  return (
    <>
      <PageHeader title={t.experts.newTitle} lead={t.experts.newLead} crumbs={crumbs} />
      <DataView state={state}>
        {(c) => <ExpertReportForm report={null} catalogue={c} onSaved={(r) => navigate(`/workspace/expert-reports/${r.id}`)} />}
      </DataView>
    </>
  );
}

/** `/workspace/expert-reports/:id`: the report, the secretariat's note when returned, edit and submit while it is the author's turn. */
export function ExpertReportPage({ params }: RouteProps) {
  const [tick, setTick] = useState(0);
  const state = combine(useData(() => expertApi.get(params.id), [params.id, tick]), useData(loadExpertCatalogue, []));
  return (
    <DataView state={state}>
      {([r, c]) => <ExpertReportView key={`${r.id}:${r.version}`} report={r} catalogue={c} onChanged={() => setTick((n) => n + 1)} />}
    </DataView>
  );
}

function ExpertReportView({ report: r, catalogue, onChanged }: { report: ExpertReport; catalogue: ExpertCatalogue; onChanged: () => void }) {
  // Set before a save or submit reloads the report (this view is keyed by version, so it starts afresh).
  const [notice] = useState(() => {
    const carried = sessionStorage.getItem(NOTICE_KEY);
    sessionStorage.removeItem(NOTICE_KEY);
    return carried;
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await expertApi.submit(r.id, r.version);
      sessionStorage.setItem(NOTICE_KEY, t.experts.submitted);
      onChanged();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader kicker={`${t.experts.statuses[r.status]} · ${t.experts.version(r.version)}`} title={r.title} crumbs={crumbs}
        lead={aboutLabel(r, catalogue)} />
      {notice && (
        <p class="notice notice--success" role="status">
          {notice}
        </p>
      )}
      {r.status === 'returned' && r.reviewNote && (
        <section class="notice" aria-labelledby="return-note" data-return-note>
          <h2 id="return-note">{t.experts.returnNote}</h2>
          <blockquote>{r.reviewNote}</blockquote>
          <p class="muted small">{t.experts.returnNoteHelp}</p>
        </section>
      )}
      {r.status === 'submitted' && <p class="notice">{t.experts.waiting}</p>}
      {r.status === 'published' && r.publishedAt && <p class="notice notice--success">{t.experts.published(formatDate(r.publishedAt), r.filedBy)}</p>}
      {editable(r) ? (
        <>
          <ExpertReportForm report={r} catalogue={catalogue} onSaved={() => {
            sessionStorage.setItem(NOTICE_KEY, t.experts.saved);
            onChanged();
          }} />
          <section aria-labelledby="submit-title" class="panel">
            <h2 id="submit-title">{t.experts.submit}</h2>
            <p>{t.experts.submitHelp}</p>
            {error && (
              <p class="field__error" role="alert">
                {error}
              </p>
            )}
            <button type="button" class="button" disabled={busy} onClick={submit}>
              {t.experts.submit}
            </button>
          </section>
        </>
      ) : (
        <article class="prose" aria-label={r.title}>
          <dl class="facts">
            <div>
              <dt>{t.experts.year}</dt>
              <dd>{r.year}</dd>
            </div>
            <div>
              <dt>{t.experts.filedBy}</dt>
              <dd>{r.filedBy}</dd>
            </div>
          </dl>
          {r.body.split(/\n{2,}/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </article>
      )}
    </>
  );
}
