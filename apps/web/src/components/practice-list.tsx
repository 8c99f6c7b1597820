import type { Practice } from '../api/models';
import { t } from '../i18n';

/** Practice cards as a list of links: number, title, organisation, and the brief-mention badge. */
export function PracticeList({ items }: { items: Practice[] }) {
  return (
    <ul class="result-list">
      {items.map((p) => (
        <li key={p.code} class="result">
          <p class="result__meta">
            <span class="code">{p.code}</span>
            {p.brieflyReferred && <span class="badge">{t.practices.briefBadge}</span>}
          </p>
          <h3 class="result__title">
            <a href={`/practices/${p.code}`}>{p.title}</a>
          </h3>
          {p.organisation && <p class="result__org">{p.organisation}</p>}
        </li>
      ))}
    </ul>
  );
}
