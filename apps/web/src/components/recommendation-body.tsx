import type { RecommendationView } from '../api/models';
import { t } from '../i18n';

/** A recommendation's text, objectives and considerations; `level` is the heading level of its sub-sections. */
export function RecommendationBody({ r, level }: { r: RecommendationView; level: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <>
      {r.text !== r.shortTitle && <p lang={r.textLang}>{r.text}</p>}
      {r.objectives.length > 0 && (
        <p>
          <span class="label">{t.recommendations.objectives}: </span>
          <span class="inline-list">
            {r.objectives.map((n) => (
              <a key={n} class="tag" href={`/objectives/${n}`}>
                {t.common.objectiveShort(n)}
              </a>
            ))}
          </span>
        </p>
      )}
      {r.considerations.length > 0 && (
        <>
          <H class="subheading">{t.recommendations.considerations}</H>
          <ol class="considerations">
            {r.considerations.map((c) => (
              <li key={c.position}>{c.text}</li>
            ))}
          </ol>
        </>
      )}
      <p class="source">
        {t.common.source}: {r.source}
      </p>
    </>
  );
}
