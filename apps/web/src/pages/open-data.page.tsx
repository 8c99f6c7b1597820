import { dashboardApi } from '../api/dashboard-api';
import { DataAsOf } from '../components/data-as-of';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { TableWrap } from '../components/table-wrap';
import { useData } from '../components/use-data';
import { t } from '../i18n';

/** Bulk downloads of all published data, with the data dictionary served by the API. */
/** A dataset's name in the interface language; one the web does not know yet keeps the API's title. */
const datasetTitle = (name: string, title: string) => (t.openData.datasets as Record<string, string>)[name] ?? title;

/** A label people read for each convention; a key added to the API later still reads as words. */
function conventionLabel(key: string): string {
  const known = t.openData.conventionLabels;
  if (known[key]) return known[key];
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The dictionary, and the data package for the snapshot the files are served from. */
const loadOpenData = () => Promise.all([dashboardApi.dictionary(), dashboardApi.datapackage()]).then(([d, p]) => ({ ...d, provenance: p.provenance }));

export function OpenDataPage() {
  const state = useData(loadOpenData, []);
  return (
    <>
      <PageHeader title={t.openData.title} lead={t.openData.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <DataView state={state}>
        {(d) => (
          <>
            <section aria-labelledby="downloads">
              <h2 id="downloads">{t.openData.downloads}</h2>
              <TableWrap label={t.openData.downloads}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{t.openData.dataset}</th>
                      <th scope="col">{t.openData.id}</th>
                      <th scope="col">{t.openData.files}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.datasets.map((ds) => (
                      <tr key={ds.name}>
                        <th scope="row">
                          {datasetTitle(ds.name, ds.title)}
                          <span class="block muted small">{ds.description}</span>
                        </th>
                        <td>
                          <code>{ds.idColumn}</code>
                        </td>
                        <td>
                          <ul class="inline-list">
                            <li>
                              <a href={ds.files.csv} download>CSV</a>
                            </li>
                            <li>
                              <a href={ds.files.json} download>JSON</a>
                            </li>
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <DataAsOf of={[d.provenance]} />
              <p>
                <a href="/api/v1/open-data/datapackage.json">
                  <code>datapackage.json</code>
                </a>
              </p>
              <p>
                {t.openData.api} <a href="/api/docs">/api/docs</a>
              </p>
            </section>
            <section aria-labelledby="dictionary" class="dictionary">
              <h2 id="dictionary">{t.openData.dictionary}</h2>
              {d.datasets.map((ds) => (
                <div key={ds.name}>
                  <h3 id={`dictionary-${ds.name}`}>
                    {datasetTitle(ds.name, ds.title)} (<code>{ds.name}</code>)
                  </h3>
                  <TableWrap label={`${t.openData.dictionary}: ${datasetTitle(ds.name, ds.title)}`}>
                    <table class="table table--compact" data-dataset={ds.name}>
                      <thead>
                        <tr>
                          <th scope="col">{t.openData.column}</th>
                          <th scope="col">{t.openData.type}</th>
                          <th scope="col">{t.openData.meaning}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {ds.columns.map((c) => (
                          <tr key={c.name}>
                            <th scope="row">
                              <code>{c.name}</code>
                            </th>
                            <td>{c.type}</td>
                            <td>{c.description}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                </div>
              ))}
              <h3>{t.openData.conventions}</h3>
              <dl class="facts">
                {Object.entries(d.conventions).map(([k, v]) => (
                  <div key={k} data-convention={k}>
                    <dt>{conventionLabel(k)}</dt>
                    {/* A separator is mostly blank space: shown as code, between quotes, so it can be seen. */}
                    <dd>{k === 'csvListSeparator' ? <><code>"{v}"</code> {t.names.conventionSeparator}</> : v}</dd>
                  </div>
                ))}
              </dl>
            </section>
          </>
        )}
      </DataView>
    </>
  );
}
