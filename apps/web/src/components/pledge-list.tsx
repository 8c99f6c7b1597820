import type { PublicPledge } from '../api/models';
import type { ImplementationStatus } from '../api/models';
import { t } from '../i18n';
import { StatusBadge } from './status-badge';

export interface PledgeListItem {
  reference: string;
  title: string;
  implementationStatus: ImplementationStatus;
  leadOrganisation: string;
  withdrawn?: boolean;
  objectives?: number[];
}

export const toListItem = (p: PublicPledge): PledgeListItem => ({
  reference: p.reference,
  title: p.title,
  implementationStatus: p.implementationStatus,
  leadOrganisation: p.leadOrganisation.name,
  withdrawn: p.state === 'withdrawn',
  objectives: p.objectives.map((o) => o.number),
});

/** Published pledges as a list of links: reference, status, title, pledger and objectives. */
export function PledgeList({ items }: { items: PledgeListItem[] }) {
  return (
    <ul class="result-list">
      {items.map((p) => (
        <li key={p.reference} class="result">
          <p class="result__meta">
            <span class="code">{p.reference}</span> <StatusBadge status={p.implementationStatus} />
            {p.withdrawn && <span class="badge">{t.pledges.withdrawn}</span>}
          </p>
          <h3 class="result__title">
            <a href={`/pledges/${p.reference}`}>{p.title}</a>
          </h3>
          <p class="result__org">
            {t.pledges.by(p.leadOrganisation)}
            {p.objectives?.length ? ` · ${p.objectives.map((n) => t.common.objectiveShort(n)).join(', ')}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}
