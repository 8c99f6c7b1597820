import { publicApi } from '../api/public-api';
import type { CountryView, ObjectiveView, PledgeDetail, PrincipleView, ThemeView } from '../api/models';
import { formatDate } from '../components/format';
import { StatusBadge } from '../components/status-badge';
import { t } from '../i18n';

/** The framework the facts name things from; fetched beside the pledge (the lists are cached by the API). */
export interface FactNames {
  objectives: ObjectiveView[];
  themes: ThemeView[];
  principles: PrincipleView[];
  countries: CountryView[];
}

export async function loadFactNames(): Promise<FactNames> {
  const [objectives, themes, principles, countries] = await Promise.all([
    publicApi.objectives(), publicApi.themes(), publicApi.principles(), publicApi.countries(),
  ]);
  return { objectives, themes, principles, countries };
}

const amount = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2 });

/** M49 codes of regions, sub-regions and intermediate regions, named as in the country list. */
function regionName(code: string, countries: CountryView[]): string {
  if (code === '001') return t.pledgeEdit.world;
  for (const c of countries) {
    if (c.regionM49 === code) return c.region;
    if (c.subregionM49 === code) return c.subregion;
    if (c.intermediateRegionM49 === code && c.intermediateRegion) return c.intermediateRegion;
  }
  return code;
}

/** What the pledge commits to, by name: objectives with titles, States and regions named, numbers and dates formatted. */
export function PledgeFacts({ p, names }: { p: PledgeDetail; names: FactNames }) {
  const country = p.leadOrganisation.country;
  const objective = (n: number) => names.objectives.find((o) => o.number === n);
  const commitments = names.themes.flatMap((th) => th.commitments);
  const date = (d: string | null) => (d ? formatDate(d) : null);
  return (
    <dl class="facts facts--wide">
      <div>
        <dt>{t.pledge.lead}</dt>
        <dd>{country ? <a href={`/countries/${country}`}>{p.leadOrganisation.name}</a> : p.leadOrganisation.name}</dd>
      </div>
      {p.partners.length > 0 && (
        <div>
          <dt>{t.pledge.partners}</dt>
          <dd>{p.partners.map((x) => x.name).join(', ')}</dd>
        </div>
      )}
      <div>
        <dt>{t.pledge.status}</dt>
        <dd>
          <StatusBadge status={p.implementationStatus} />
        </dd>
      </div>
      <div>
        <dt>{t.pledge.form}</dt>
        <dd>{t.forms[p.form as keyof typeof t.forms] ?? p.form}</dd>
      </div>
      <div>
        <dt>{t.pledge.period}</dt>
        <dd>{t.pledge.periodValue(date(p.startDate), date(p.targetDate))}</dd>
      </div>
      {p.budget && (
        <div>
          <dt>{t.pledge.budget}</dt>
          <dd>
            {amount.format(p.budget.amount)} {p.budget.currency}
          </dd>
        </div>
      )}
      <div class="facts__full">
        <dt>{t.pledge.objectives}</dt>
        <dd>
          <ul class="plain-list">
            {p.objectives.map((o) => (
              <li key={o.number}>
                <a href={`/objectives/${o.number}`}>
                  {t.common.objective(o.number)}: {objective(o.number)?.title ?? ''}
                </a>
                {o.primary && <span class="badge badge--primary">{t.common.primary}</span>}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div class="facts__full">
        <dt>{t.pledge.themes}</dt>
        <dd>
          <ul class="plain-list">
            {p.themes.map((th) => {
              const theme = names.themes.find((x) => x.number === th.number);
              return (
                <li key={th.number}>
                  <a href={`/themes/${theme?.code ?? `T${th.number}`}`}>{theme ? `${theme.code}: ${theme.title}` : `T${th.number}`}</a>
                </li>
              );
            })}
          </ul>
        </dd>
      </div>
      {p.principles.length > 0 && (
        <div>
          <dt>{t.pledge.principles}</dt>
          <dd>{p.principles.map((k) => names.principles.find((x) => x.key === k)?.name ?? k).join(', ')}</dd>
        </div>
      )}
      {p.commitments.length > 0 && (
        <div class="facts__full">
          <dt>{t.pledge.commitments}</dt>
          <dd>
            <ul class="plain-list">
              {p.commitments.map((code) => (
                <li key={code}>
                  <strong>{code}</strong> {commitments.find((c) => c.code === code)?.text ?? ''}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {p.recommendations.length > 0 && (
        <div>
          <dt>{t.pledge.recommendations}</dt>
          <dd>
            {p.recommendations.map((r) => (
              <a key={r} class="tag" href={`/recommendations/${r}`}>
                {t.common.paragraph(r)}
              </a>
            ))}
          </dd>
        </div>
      )}
      {(p.countries.length > 0 || p.regions.length > 0) && (
        <div>
          <dt>{t.pledge.scope}</dt>
          <dd>
            {[
              ...p.countries.map((c) => names.countries.find((x) => x.alpha3 === c)?.name ?? c),
              ...p.regions.map((r) => regionName(r, names.countries)),
            ].join(', ')}
          </dd>
        </div>
      )}
    </dl>
  );
}
