import type { Gaps } from '../api/models';
import { t } from '../i18n';

function GapList<T>({ title, items, threshold, render }: { title: string; items: T[]; threshold: number; render: (item: T) => preact.ComponentChildren }) {
  return (
    <div class="card" data-gaps={title}>
      <h3 class="card__title">{title}</h3>
      {items.length === 0 ? <p class="muted">{t.coverage.none(threshold)}</p> : <ul class="plain-list">{items.map(render)}</ul>}
    </div>
  );
}

/** Objectives, themes and recommendations under the threshold, fewest pledges first. */
export function GapsView({ gaps }: { gaps: Gaps }) {
  return (
    <div class="gaps">
      <GapList title={t.coverage.objectives} items={gaps.objectives} threshold={gaps.threshold} render={(o) => (
        <li key={o.number}>
          <a href={`/objectives/${o.number}`}>{t.common.objective(o.number)}: {o.label}</a> — {t.coverage.pledgeCount(o.pledges)}
        </li>
      )} />
      <GapList title={t.coverage.themes} items={gaps.themes} threshold={gaps.threshold} render={(th) => (
        <li key={th.number}>
          <a href={`/themes/${th.code}`}>{th.code}: {th.title}</a> — {t.coverage.pledgeCount(th.pledges)}
        </li>
      )} />
      <GapList title={t.coverage.recommendations} items={gaps.recommendations} threshold={gaps.threshold} render={(r) => (
        <li key={r.paragraph}>
          <a href={`/recommendations/${r.paragraph}`}>{t.recommendations.paragraphTitle(r.paragraph, r.shortTitle)}</a> — {t.coverage.pledgeCount(r.pledges)}
        </li>
      )} />
    </div>
  );
}
