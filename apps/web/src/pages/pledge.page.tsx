import { dashboardApi } from '../api/dashboard-api';
import type { PledgeDetail } from '../api/models';
import type { RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { PledgeTimeline } from '../components/pledge-timeline';
import { StatusBadge } from '../components/status-badge';
import { TableWrap } from '../components/table-wrap';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { RelatedPracticesSection } from './pledge-related';

function Facts({ p }: { p: PledgeDetail }) {
  const country = p.leadOrganisation.country;
  return (
    <dl class="facts">
      <div>
        <dt>{t.pledge.lead}</dt>
        <dd>{country ? <a href={`/countries/${country}`}>{p.leadOrganisation.name}</a> : p.leadOrganisation.name}</dd>
      </div>
      {p.partners.length > 0 && (
        <div>
          <dt>{t.pledge.partners}</dt>
          <dd>{p.partners.map((x) => x.name).join(', ')}</dd>
        </div>
      )}
      <div>
        <dt>{t.pledge.status}</dt>
        <dd>
          <StatusBadge status={p.implementationStatus} />
        </dd>
      </div>
      <div>
        <dt>{t.pledge.form}</dt>
        <dd>{t.forms[p.form as keyof typeof t.forms] ?? p.form}</dd>
      </div>
      <div>
        <dt>{t.pledge.period}</dt>
        <dd>{t.pledge.periodValue(p.startDate, p.targetDate)}</dd>
      </div>
      {p.budget && (
        <div>
          <dt>{t.pledge.budget}</dt>
          <dd>
            {p.budget.amount.toLocaleString('en')} {p.budget.currency}
          </dd>
        </div>
      )}
      <div>
        <dt>{t.pledge.objectives}</dt>
        <dd>
          {p.objectives.map((o) => (
            <a key={o.number} class={`tag${o.primary ? ' tag--primary' : ''}`} href={`/objectives/${o.number}`}>
              {t.common.objectiveShort(o.number)}
            </a>
          ))}
        </dd>
      </div>
      <div>
        <dt>{t.pledge.themes}</dt>
        <dd>{p.themes.map((th) => `T${th.number}`).join(', ')}</dd>
      </div>
      {p.recommendations.length > 0 && (
        <div>
          <dt>{t.pledge.recommendations}</dt>
          <dd>
            {p.recommendations.map((r) => (
              <a key={r} class="tag" href={`/recommendations/${r}`}>
                ¶{r}
              </a>
            ))}
          </dd>
        </div>
      )}
      {(p.countries.length > 0 || p.regions.length > 0) && (
        <div>
          <dt>{t.pledge.scope}</dt>
          <dd>{[...p.countries, ...p.regions].join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}

/** One published pledge: what it commits to, how it aligns, its indicators and the progress reported on it. */
export function PledgePage({ params }: RouteProps) {
  const state = useData(() => dashboardApi.pledge(params.reference), [params.reference]);
  return (
    <DataView state={state}>
      {(p) => (
        <article>
          <PageHeader kicker={t.pledge.kicker(p.reference)} title={p.title}
            crumbs={[{ href: '/', label: t.nav.home }, { href: '/pledges', label: t.nav.pledges }]} />
          {p.state === 'withdrawn' && <p class="notice">{t.pledge.withdrawnNotice(p.withdrawnReason)}</p>}
          <Facts p={p} />
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
                        <td>{i.baseline.value} {i.unit} ({i.baseline.date})</td>
                        <td>{i.target.value} {i.unit} ({i.target.date})</td>
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
