import { dashboardApi } from '../api/dashboard-api';
import { DataView } from '../components/data-view';
import { useData } from '../components/use-data';
import { t } from '../i18n';

/** Practices related to the pledge (shared objectives first, then similar wording). */
export function RelatedPracticesSection({ reference }: { reference: string }) {
  const state = useData(() => dashboardApi.relatedPractices(reference), [reference]);
  return (
    <section aria-labelledby="related">
      <h2 id="related">{t.pledge.related}</h2>
      <p class="muted small">{t.pledge.relatedNote}</p>
      <DataView state={state}>
        {(r) =>
          r.items.length === 0 ? (
            <p class="muted">{t.pledge.noRelated}</p>
          ) : (
            <ul class="result-list">
              {r.items.map((p) => (
                <li key={p.code} class="result">
                  <p class="result__meta">
                    <span class="code">{p.code}</span> <span class="muted small">{t.pledge.sharedObjectives(p.sharedObjectives.length, p.sharedObjectives)}</span>
                  </p>
                  <h3 class="result__title">
                    <a href={`/practices/${p.code}`}>{p.title}</a>
                  </h3>
                  {p.organisation && <p class="result__org">{p.organisation}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </DataView>
    </section>
  );
}
