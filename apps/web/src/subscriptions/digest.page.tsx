import { digestApi, type CycleDigest } from '../api/subscriptions-api';
import type { RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { formatDate, formatNumber } from '../components/format';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { t } from '../i18n';

const m = () => t.subscriptions.digest;

function figureLabel(figure: string): string {
  if (figure.startsWith('status.')) {
    const status = figure.slice(7) as keyof typeof t.updates.implementation;
    return m().statusFigure(t.updates.implementation[status] ?? status);
  }
  return m().figures[figure as keyof ReturnType<typeof m>['figures']] ?? figure;
}

const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${formatNumber(n)}` : formatNumber(n));

function Changes({ digest }: { digest: CycleDigest }) {
  return (
    <div class="table-scroll">
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">{m().figure}</th>
            <th scope="col">{m().value}</th>
            {digest.previousCycle && <th scope="col">{m().previous}</th>}
            {digest.previousCycle && <th scope="col">{m().change}</th>}
          </tr>
        </thead>
        <tbody>
          {digest.changes.map((c) => (
            <tr key={c.figure}>
              <th scope="row">{figureLabel(c.figure)}</th>
              <td>{formatNumber(c.value)}</td>
              {digest.previousCycle && <td>{c.previous === null ? '—' : formatNumber(c.previous)}</td>}
              {digest.previousCycle && <td>{signed(c.change)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /digests/:cycle — what moved in a compiled cycle, linked to its published reports. */
export function DigestPage({ params }: RouteProps) {
  const state = useData(() => digestApi.get(params.cycle), [params.cycle]);
  return (
    <DataView state={state}>
      {(d) => (
        <article>
          <PageHeader
            title={m().title(d.cycle)}
            lead={d.previousCycle ? m().lead(formatDate(d.compiledAt), d.previousCycle) : m().leadFirst(formatDate(d.compiledAt))}
            crumbs={[{ href: '/', label: t.nav.home }, { href: '/reports', label: t.nav.reports }]}
          />
          <Changes digest={d} />
          <section aria-labelledby="digest-reports">
            <h2 id="digest-reports">{m().reports}</h2>
            {d.reports.length === 0 ? <p class="muted">{m().noReports}</p> : (
              <ul class="plain-list">
                {d.reports.map((r) => (
                  <li key={r.id}>
                    <a href={r.path} lang={r.language}>{r.title}</a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p>
            <a href="/subscriptions">{m().follow}</a>
          </p>
        </article>
      )}
    </DataView>
  );
}
