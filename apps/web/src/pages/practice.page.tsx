import { publicApi } from '../api/public-api';
import type { RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { Prose } from '../components/prose';
import { useData } from '../components/use-data';
import { t } from '../i18n';

/** One practice card. The API returns a contact only when the secretariat made it public. */
export function PracticePage({ params }: RouteProps) {
  const state = useData(() => publicApi.practice(params.code), [params.code]);
  return (
    <DataView state={state}>
      {(p) => {
        const sections = [
          { id: 'description', title: t.practices.description, text: p.description },
          { id: 'impacts', title: t.practices.impacts, text: p.impacts },
          { id: 'lessons', title: t.practices.lessons, text: p.lessonsLearned },
          { id: 'resources', title: t.practices.resources, text: p.resources },
          { id: 'contact', title: t.practices.contact, text: p.contact },
        ].filter((s) => s.text);
        return (
          <article class="practice">
            <PageHeader
              kicker={p.code}
              title={p.title}
              crumbs={[
                { href: '/', label: t.nav.home },
                { href: '/practices', label: t.nav.practices },
              ]}
            />
            {p.brieflyReferred && <p class="badge">{t.practices.briefBadge}</p>}
            <dl class="facts">
              {p.organisation && (
                <div>
                  <dt>{t.practices.organisation}</dt>
                  <dd>{p.organisation}</dd>
                </div>
              )}
              {p.period && (
                <div>
                  <dt>{t.practices.period}</dt>
                  <dd>{p.period}</dd>
                </div>
              )}
              {p.geographicalScope && (
                <div>
                  <dt>{t.practices.scope}</dt>
                  <dd>{p.geographicalScope}</dd>
                </div>
              )}
              <div>
                <dt>{t.practices.sessionLabel}</dt>
                <dd>
                  <a href={`/practices?session=${p.sessionNumber}`}>
                    {p.sessionCode} {p.sessionTitle}
                  </a>
                </dd>
              </div>
            </dl>
            {sections.map((s) => (
              <section key={s.id} aria-labelledby={`practice-${s.id}`}>
                <h2 id={`practice-${s.id}`}>{s.title}</h2>
                <Prose text={s.text as string} />
              </section>
            ))}
            <section aria-labelledby="practice-objectives">
              <h2 id="practice-objectives">{t.practices.objectives}</h2>
              <ul class="inline-list">
                {p.objectives.map((n) => (
                  <li key={n}>
                    <a class="tag" href={`/objectives/${n}`}>
                      {t.common.objective(n)}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          </article>
        );
      }}
    </DataView>
  );
}
