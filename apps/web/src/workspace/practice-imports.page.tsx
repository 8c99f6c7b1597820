import { practiceImportsApi, type PracticeImport, type PracticeImportSummary, type PracticeImportWarning } from '../api/practice-imports-api';
import { publicApi } from '../api/public-api';
import type { RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/page-header';
import { TableWrap } from '../components/table-wrap';
import { useData } from '../components/use-data';
import { t } from '../i18n';

const crumbs = [{ href: '/workspace/framework', label: t.ws.nav.framework }];
const s = t.practiceImports;

/** Session ordinal → its code (1 → 1.1), as the report and the practice pages name sessions. */
type Sessions = Map<number, string>;

async function load(id: string | undefined) {
  const [run, runs, sessions] = await Promise.all([
    id ? practiceImportsApi.run(id) : practiceImportsApi.latest(),
    practiceImportsApi.runs(),
    publicApi.practiceSessions(),
  ]);
  return { run, runs: runs.items, sessions: new Map(sessions.map((x) => [x.number, x.code])) as Sessions };
}

/**
 * What the practices import noticed and kept going past — a session quoting an
 * objective under another's title, a card missing a block — so the secretariat
 * can check the report rather than the server log. Shows the newest run, or
 * the run in the URL.
 */
export function PracticeImportsPage({ params }: RouteProps) {
  const state = useData(() => load(params.id), [params.id]);
  return (
    <>
      <PageHeader title={s.title} crumbs={crumbs} lead={s.lead} />
      <DataView state={state}>
        {(d) => (d.run ? <RunView run={d.run} runs={d.runs} sessions={d.sessions} /> : <p>{s.none}</p>)}
      </DataView>
    </>
  );
}

function RunView({ run, runs, sessions }: { run: PracticeImport; runs: PracticeImportSummary[]; sessions: Sessions }) {
  return (
    <>
      <section aria-labelledby="import-run">
        <h2 id="import-run">{s.run(formatDateTime(run.importedAt))}</h2>
        <p class="muted">
          {s.summary(run.sourceFile, run.sessions, run.practices, run.created, run.updated)} {run.requestedByName ? s.by(run.requestedByName) : s.bySystem}
        </p>
        {run.warnings.length === 0 ? <p>{s.noWarnings}</p> : <Warnings warnings={run.warnings} sessions={sessions} />}
      </section>
      {runs.length > 1 && (
        <section aria-labelledby="import-runs">
          <h2 id="import-runs">{s.runs}</h2>
          <TableWrap label={s.runs}>
            <table class="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{s.importedAt}</th>
                  <th scope="col">{s.requestedBy}</th>
                  <th scope="col" class="num">{s.practices}</th>
                  <th scope="col" class="num">{s.warnings}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.id === run.id ? formatDateTime(r.importedAt) : <a href={`/workspace/framework/imports/${r.id}`}>{formatDateTime(r.importedAt)}</a>}
                    </th>
                    <td>{r.requestedByName ?? s.system}</td>
                    <td class="num">{r.practices}</td>
                    <td class="num">{r.warningCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      )}
    </>
  );
}

function Warnings({ warnings, sessions }: { warnings: PracticeImportWarning[]; sessions: Sessions }) {
  return (
    <TableWrap label={s.warningsOf(warnings.length)}>
      <table class="table">
        <caption>{s.warningsOf(warnings.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{s.kind}</th>
            <th scope="col">{s.where}</th>
            <th scope="col">{s.detail}</th>
          </tr>
        </thead>
        <tbody>
          {warnings.map((w, i) => (
            <tr key={i}>
              <th scope="row">{s.kinds[w.kind as keyof typeof s.kinds] ?? w.kind}</th>
              <td>{where(w, sessions)}</td>
              <td>{w.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function where(w: PracticeImportWarning, sessions: Sessions): string {
  if (w.practiceCode) return s.practice(w.practiceCode, w.field ? s.fields[w.field as keyof typeof s.fields] ?? w.field : undefined);
  const session = w.sessionNumber === undefined ? undefined : (sessions.get(w.sessionNumber) ?? String(w.sessionNumber));
  if (session && w.objectiveNumber !== undefined) return s.sessionObjective(session, w.objectiveNumber);
  return session ? s.session(session) : '—';
}
