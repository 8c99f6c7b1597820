import { frameworkApi } from '../api/framework-api';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import { TableWrap } from '../components/table-wrap';

async function load() {
  const [version, recommendations, objectives] = await Promise.all([
    frameworkApi.version(),
    frameworkApi.recommendations(),
    frameworkApi.objectives(),
  ]);
  const roundTables = await frameworkApi.roundTables();
  return { version: version.version, recommendations, objectives, roundTables };
}

/** The catalogue the secretariat may edit: SG recommendations and the objective ↔ theme crosswalk. */
export function FrameworkPage() {
  const state = useData(load, []);
  return (
    <>
      <PageHeader title={t.ws.fw.title} lead={t.ws.fw.lead} />
      <DataView state={state}>
        {(d) => (
          <>
            <p class="muted">{t.ws.fw.version(d.version)}</p>
            <p>
              <a href="/workspace/framework/imports">{t.practiceImports.link}</a>
              <span class="muted"> — {t.practiceImports.linkLead}</span>
            </p>
            <section aria-labelledby="fw-recs">
              <h2 id="fw-recs">{t.ws.fw.recommendations}</h2>
              <p>
                <a class="button" href="/workspace/framework/recommendations/new">
                  {t.ws.fw.addRecommendation}
                </a>
              </p>
              <TableWrap label={t.ws.fw.recommendations}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{t.ws.fw.paragraph}</th>
                      <th scope="col">{t.ws.fw.shortTitle}</th>
                      <th scope="col">{t.ws.fw.objectives}</th>
                      <th scope="col">{t.ws.fw.considerations}</th>
                      <th scope="col"><span class="visually-hidden">{t.ws.common.actions}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.recommendations.map((r) => (
                      <tr key={r.paragraph}>
                        <td class="num">{r.paragraph}</td>
                        <th scope="row">{r.shortTitle}</th>
                        <td>{r.objectives.join(', ') || '—'}</td>
                        <td class="num">{r.considerations.length}</td>
                        <td>
                          <a href={`/workspace/framework/recommendations/${r.paragraph}`} aria-label={t.ws.fw.editRecommendation(r.paragraph)}>
                            {t.ws.common.edit}
                          </a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
            <section aria-labelledby="fw-crosswalk">
              <h2 id="fw-crosswalk">{t.ws.fw.crosswalk}</h2>
              <p class="muted">{t.ws.fw.crosswalkLead}</p>
              <TableWrap label={t.ws.fw.crosswalk}>
                <table class="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">{t.ws.fw.objective}</th>
                      <th scope="col">{t.ws.fw.themes}</th>
                      <th scope="col"><span class="visually-hidden">{t.ws.common.actions}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.objectives.map((o) => (
                      <tr key={o.number}>
                        <th scope="row">
                          {o.number}. {o.shortLabel}
                        </th>
                        <td>
                          <ul class="inline-list">
                            {o.themes.map((th) => (
                              <li key={th.code}>
                                <span class={`tag${th.primary ? ' tag--primary' : ''}`}>
                                  {th.code}
                                  {th.primary && <span class="visually-hidden"> ({t.common.primary})</span>}
                                </span>
                              </li>
                            ))}
                          </ul>
                        </td>
                        <td>
                          <a href={`/workspace/framework/objectives/${o.number}`} aria-label={t.ws.fw.editCrosswalk(o.number)}>
                            {t.ws.common.edit}
                          </a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
            <section aria-labelledby="fw-questions">
              <h2 id="fw-questions">{t.ws.gq.section}</h2>
              <ul class="plain-list">
                {d.roundTables.map((rt) => (
                  <li key={rt.code}>
                    <a href={`/workspace/framework/round-tables/${rt.code}/questions`}>{t.ws.gq.manage(rt.code)}</a>
                    <span class="muted"> — {t.ws.gq.count(rt.guidingQuestions?.length ?? 0)}</span>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </DataView>
    </>
  );
}
