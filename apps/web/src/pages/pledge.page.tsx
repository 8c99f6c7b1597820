import { dashboardApi } from '../api/dashboard-api';
import type { RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { PledgeTimeline } from '../components/pledge-timeline';
import { loadCatalogueNames } from '../components/catalogue-names';
import { formatDate, formatNumber } from '../components/format';
import { TableWrap } from '../components/table-wrap';
import { combine, useData } from '../components/use-data';
import { t } from '../i18n';
import { PledgeFacts } from './pledge-facts';
import { RelatedPracticesSection } from './pledge-related';

/** One published pledge: what it commits to, how it aligns, its indicators and the progress reported on it. */
export function PledgePage({ params }: RouteProps) {
  const pledge = useData(() => dashboardApi.pledge(params.reference), [params.reference]);
  const names = useData(() => loadCatalogueNames(true), []);
  return (
    <DataView state={combine(pledge, names)}>
      {([p, n]) => (
        <article>
          <PageHeader kicker={t.pledge.kicker(p.reference)} title={p.title}
            crumbs={[{ href: '/', label: t.nav.home }, { href: '/pledges', label: t.nav.pledges }]} />
          {p.state === 'withdrawn' && <p class="notice">{t.pledge.withdrawnNotice(p.withdrawnReason)}</p>}
          <PledgeFacts p={p} names={n} />
          <section aria-labelledby="description">
            <h2 id="description">{t.pledge.description}</h2>
            {p.description.split(/\n{2,}/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </section>
          {p.indicators.length > 0 && (
            <section aria-labelledby="indicators">
              <h2 id="indicators">{t.pledge.indicators}</h2>
              <TableWrap label={t.pledge.indicators}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{t.pledge.indicator}</th>
                      <th scope="col">{t.pledge.baseline}</th>
                      <th scope="col">{t.pledge.target}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.indicators.map((i) => (
                      <tr key={i.id}>
                        <th scope="row">{i.name}{i.sdgIndicator ? ` (SDG ${i.sdgIndicator})` : ''}</th>
                        <td>{formatNumber(i.baseline.value)} {i.unit} ({formatDate(i.baseline.date)})</td>
                        <td>{formatNumber(i.target.value)} {i.unit} ({formatDate(i.target.date)})</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          )}
          <section aria-labelledby="timeline">
            <h2 id="timeline">{t.pledge.timeline}</h2>
            <PledgeTimeline entries={p.timeline} />
          </section>
          <RelatedPracticesSection reference={p.reference} />
        </article>
      )}
    </DataView>
  );
}
