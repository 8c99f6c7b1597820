import { publicApi } from '../api/public-api';
import type { ObjectiveView, ThemeView } from '../api/models';
import type { RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { UnofficialNote } from '../components/unofficial-note';
import { t } from '../i18n';
import { SubscribeSection } from '../subscriptions/subscribe-form';

async function load(code: string) {
  const [theme, objectives] = await Promise.all([publicApi.theme(code), publicApi.objectives()]);
  return { theme, titles: new Map(objectives.map((o) => [o.number, o])) };
}

function ObjectiveLinks({ items, titles }: { items: ThemeView['objectives']; titles: Map<number, ObjectiveView> }) {
  return (
    <ul class="plain-list">
      {items.map((o) => (
        <li key={o.number}>
          <a href={`/objectives/${o.number}`}>
            {t.common.objective(o.number)}: {titles.get(o.number)?.title ?? ''}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ThemePage({ params }: RouteProps) {
  const state = useData(() => load(params.code), [params.code]);
  return (
    <DataView state={state}>
      {({ theme, titles }) => {
        const primary = theme.objectives.filter((o) => o.primary);
        const secondary = theme.objectives.filter((o) => !o.primary);
        return (
          <article>
            <PageHeader
              kicker={theme.code}
              title={theme.title}
              crumbs={[
                { href: '/', label: t.nav.home },
                { href: '/themes', label: t.nav.themes },
              ]}
            />
            <section aria-labelledby="objectives">
              <h2 id="objectives">{t.themes.objectives}</h2>
              <h3>{t.themes.primaryFor}</h3>
              {primary.length ? <ObjectiveLinks items={primary} titles={titles} /> : <p class="muted">{t.common.none}</p>}
              {secondary.length > 0 && (
                <>
                  <h3>{t.themes.alsoLinked}</h3>
                  <ObjectiveLinks items={secondary} titles={titles} />
                </>
              )}
            </section>
            <section aria-labelledby="commitments">
              <h2 id="commitments">
                {t.themes.commitments} <span class="count">({theme.commitments.length})</span>
              </h2>
              <ol class="commitments">
                {theme.commitments.map((c) => (
                  <li key={c.code} id={c.code}>
                    <span class="code">{c.code}</span>
                    <p lang={c.textLang}>{c.text}</p>
                    {c.subItems.length > 0 && (
                      // Sub-items are not translated yet: under a translated commitment they stay English, marked so.
                      <ul lang={c.textLang ? 'en' : undefined}>
                        {c.subItems.map((s, i) => (
                          <li key={i}>{s}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
              <UnofficialNote sources={[theme.titleSource, ...theme.commitments.map((c) => c.textSource)]} />
            </section>
            <SubscribeSection topic="theme" topicKey={String(theme.number)} />
          </article>
        );
      }}
    </DataView>
  );
}
