import { publicApi } from '../api/public-api';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { UnofficialNote } from '../components/unofficial-note';
import { t } from '../i18n';

export function PrinciplesPage() {
  const state = useData(publicApi.principles, []);
  return (
    <>
      <PageHeader title={t.principles.title} lead={t.principles.lead} crumbs={[{ href: '/', label: t.nav.home }]} />
      <DataView state={state}>
        {(items) => (
          <>
            <dl class="principles">
              {items.map((p) => (
                <div key={p.key} id={`principle-${p.key}`}>
                  <dt>
                    <span class="code">({p.key})</span> <span lang={p.nameLang}>{p.name}</span>
                  </dt>
                  <dd lang={p.gistLang}>{p.gist}</dd>
                </div>
              ))}
            </dl>
            <UnofficialNote sources={items.flatMap((p) => [p.nameSource, p.gistSource])} />
          </>
        )}
      </DataView>
    </>
  );
}
