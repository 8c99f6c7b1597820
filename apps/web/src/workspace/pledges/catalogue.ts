import { frameworkApi } from '../../api/framework-api';
import type { CountryView, ObjectiveView, PrincipleView, RecommendationView, ThemeView } from '../../api/models';
import type { Option } from '../../forms/fields';
import { t } from '../../i18n';
import { organisationOptions } from '../organisation-options';

export interface Catalogue {
  objectives: ObjectiveView[];
  principles: PrincipleView[];
  themes: ThemeView[];
  recommendations: RecommendationView[];
  countries: Option[];
  regions: Option[];
  organisations: Option[];
}

/** UN M49 regions, sub-regions and intermediate regions named in the country list, and the world. */
function regionOptions(countries: CountryView[]): Option[] {
  const found = new Map<string, string>([['001', t.pledgeEdit.world]]);
  for (const c of countries) {
    found.set(c.regionM49, c.region);
    found.set(c.subregionM49, c.subregion);
    if (c.intermediateRegionM49 && c.intermediateRegion) found.set(c.intermediateRegionM49, c.intermediateRegion);
  }
  return [...found].map(([value, label]) => ({ value, label: `${label} (${value})` })).sort((a, b) => a.label.localeCompare(b.label));
}

/** Everything the pledge form's pickers offer, from /api/v1/framework/* (revalidated: the secretariat may have edited it). */
export async function loadCatalogue(): Promise<Catalogue> {
  const [objectives, principles, themes, recommendations, countries, organisations] = await Promise.all([
    frameworkApi.objectives(), frameworkApi.principles(), frameworkApi.themes(), frameworkApi.recommendations(), frameworkApi.countries(),
    organisationOptions(),
  ]);
  return {
    objectives, principles, themes, recommendations,
    countries: countries.map((c) => ({ value: c.alpha3, label: `${c.name} (${c.alpha3})` })),
    regions: regionOptions(countries),
    organisations,
  };
}

/** The themes the objectives lead to through the crosswalk, primary ones first: what the API derives unless overridden. */
export function derivedThemes(objectives: string[], catalogue: Catalogue): ThemeView[] {
  const numbers = new Set(
    catalogue.objectives.filter((o) => objectives.includes(String(o.number))).flatMap((o) => o.themes.map((th) => th.number)),
  );
  return catalogue.themes.filter((th) => numbers.has(th.number));
}
