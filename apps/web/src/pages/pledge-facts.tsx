import type { PledgeDetail } from '../api/models';
import type { CatalogueNames } from '../components/catalogue-names';
import { formatDate, formatMoney } from '../components/format';
import { StatusBadge } from '../components/status-badge';
import { t } from '../i18n';

function Fact({ term, children }: { term: string; children: preact.ComponentChildren }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A list of named catalogue entries; a list, not a comma run, because the names are long. */
function Names({ items }: { items: { key: string | number; href?: string; label: string; primary?: boolean }[] }) {
  return (
    <ul class="fact-list">
      {items.map((i) => (
        <li key={i.key}>
          {i.href ? <a href={i.href}>{i.label}</a> : i.label}
          {i.primary && <span class="fact-list__note"> {t.names.primary}</span>}
        </li>
      ))}
    </ul>
  );
}

/** What the pledge commits to and how it aligns with the framework, every code shown by its name. */
export function PledgeFacts({ p, names }: { p: PledgeDetail; names: CatalogueNames }) {
  const country = p.leadOrganisation.country;
  const period = t.pledge.periodValue(p.startDate ? formatDate(p.startDate) : null, p.targetDate ? formatDate(p.targetDate) : null);
  return (
    <dl class="facts">
      <Fact term={t.pledge.lead}>{country ? <a href={`/countries/${country}`}>{p.leadOrganisation.name}</a> : p.leadOrganisation.name}</Fact>
      {p.partners.length > 0 && <Fact term={t.pledge.partners}>{p.partners.map((x) => x.name).join(', ')}</Fact>}
      <Fact term={t.pledge.status}>
        <StatusBadge status={p.implementationStatus} />
      </Fact>
      <Fact term={t.pledge.form}>{t.forms[p.form as keyof typeof t.forms] ?? p.form}</Fact>
      <Fact term={t.pledge.period}>{period}</Fact>
      {p.budget && <Fact term={t.pledge.budget}>{formatMoney(p.budget.amount, p.budget.currency)}</Fact>}
      <Fact term={t.pledge.objectives}>
        <Names items={p.objectives.map((o) => ({ key: o.number, href: `/objectives/${o.number}`, label: names.objective(o.number), primary: o.primary }))} />
      </Fact>
      {p.themes.length > 0 && (
        <Fact term={t.pledge.themes}>
          <Names items={p.themes.map((th) => ({ key: th.number, href: `/themes/T${th.number}`, label: names.theme(th.number), primary: th.primary }))} />
        </Fact>
      )}
      {p.principles.length > 0 && (
        <Fact term={t.pledge.principles}>
          <Names items={p.principles.map((k) => ({ key: k, href: '/principles', label: names.principle(k) }))} />
        </Fact>
      )}
      {p.commitments.length > 0 && (
        <Fact term={t.pledge.commitments}>
          <Names items={p.commitments.map((c) => ({ key: c, href: `/themes/${c.split('.')[0]}`, label: names.commitment(c) }))} />
        </Fact>
      )}
      {p.recommendations.length > 0 && (
        <Fact term={t.pledge.recommendations}>
          <Names items={p.recommendations.map((r) => ({ key: r, href: `/recommendations/${r}`, label: names.recommendation(r) }))} />
        </Fact>
      )}
      {(p.countries.length > 0 || p.regions.length > 0) && (
        <Fact term={t.pledge.scope}>
          <Names
            items={[
              ...p.countries.map((c) => ({ key: c, href: `/countries/${c}`, label: names.country(c) })),
              ...p.regions.map((r) => ({ key: r, label: names.region(r) })),
            ]}
          />
        </Fact>
      )}
    </dl>
  );
}
