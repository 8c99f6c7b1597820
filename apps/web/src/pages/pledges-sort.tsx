import type { PledgeQuery } from '../api/models';
import { t } from '../i18n';
import { pledgesExportHref, SORT_CHOICES, sortChoice } from './pledges-query';

/** Orders the list (the URL keeps the choice) and downloads it as it is filtered and ordered. */
export function PledgesSortAndExport({ current, apply }: { current: PledgeQuery; apply: (q: PledgeQuery) => void }) {
  const choices = SORT_CHOICES.filter((c) => c.sort !== 'relevance' || current.q);
  return (
    <div class="results-tools">
      <div class="field field--inline">
        <label for="pledge-sort">{t.pledgeList.sort}</label>
        <select id="pledge-sort" value={sortChoice(current)} onChange={(e) => {
          const c = SORT_CHOICES.find((x) => x.value === e.currentTarget.value)!;
          apply({ ...current, sort: c.sort, order: c.order, offset: 0 });
        }}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {t.pledgeList.sorts[c.value as keyof typeof t.pledgeList.sorts]}
            </option>
          ))}
        </select>
      </div>
      <p class="results-export">
        <span>{t.pledgeList.export}:</span>{' '}
        <a href={pledgesExportHref(current, 'csv')} download>{t.pledgeList.csv}</a>{' · '}
        <a href={pledgesExportHref(current, 'xlsx')} download>{t.pledgeList.xlsx}</a>
      </p>
    </div>
  );
}
