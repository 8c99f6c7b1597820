import { publicApi } from '../api/public-api';
import type { CountryView, ObjectiveView, PrincipleView, RecommendationView, ThemeView } from '../api/models';
import { t } from '../i18n';

/** Codes the API returns (objective numbers, ISO alpha-3, M49, principle keys, commitment codes) and the names people read. */
export interface CatalogueNames {
  objectives: ObjectiveView[];
  countries: CountryView[];
  objective(n: number): string;
  country(alpha3: string): string;
  region(m49: string): string;
  theme(n: number): string;
  principle(key: string): string;
  commitment(code: string): string;
  recommendation(paragraph: number): string;
}

/** M49 regions, sub-regions and intermediate regions named in the country list, and the world. */
export function regionNames(countries: CountryView[]): Map<string, string> {
  const found = new Map<string, string>([['001', t.names.world]]);
  for (const c of countries) {
    found.set(c.regionM49, c.region);
    found.set(c.subregionM49, c.subregion);
    if (c.intermediateRegionM49 && c.intermediateRegion) found.set(c.intermediateRegionM49, c.intermediateRegion);
  }
  return found;
}

/** Builds the look-ups from the public catalogue (memoised reads, so every page shares one fetch). */
export function catalogueNames(
  objectives: ObjectiveView[], countries: CountryView[], themes: ThemeView[] = [], principles: PrincipleView[] = [],
  recommendations: RecommendationView[] = [],
): CatalogueNames {
  const byNumber = new Map(objectives.map((o) => [o.number, o.title]));
  const byAlpha3 = new Map(countries.map((c) => [c.alpha3, c.name]));
  const regions = regionNames(countries);
  const themeTitles = new Map(themes.map((th) => [th.number, th.title]));
  const principleNames = new Map(principles.map((p) => [p.key, p.name]));
  const commitments = new Map(themes.flatMap((th) => th.commitments.map((c) => [c.code, c.text] as const)));
  const paragraphs = new Map(recommendations.map((r) => [r.paragraph, r.shortTitle]));
  return {
    objectives,
    countries,
    objective: (n) => (byNumber.has(n) ? t.names.objective(n, byNumber.get(n)!) : t.names.objectiveOnly(n)),
    country: (alpha3) => byAlpha3.get(alpha3) ?? alpha3,
    region: (m49) => regions.get(m49) ?? t.names.regionCode(m49),
    theme: (n) => (themeTitles.has(n) ? t.names.theme(n, themeTitles.get(n)!) : t.names.themeOnly(n)),
    principle: (key) => principleNames.get(key) ?? key,
    commitment: (code) => (commitments.has(code) ? `${code} — ${commitments.get(code)}` : code),
    recommendation: (p) => (paragraphs.has(p) ? `¶${p} ${paragraphs.get(p)}` : `¶${p}`),
  };
}

export async function loadCatalogueNames(full = false): Promise<CatalogueNames> {
  const [objectives, countries, themes, principles, recommendations] = await Promise.all([
    publicApi.objectives(), publicApi.countries(),
    full ? publicApi.themes() : Promise.resolve([]), full ? publicApi.principles() : Promise.resolve([]),
    full ? publicApi.recommendations() : Promise.resolve([]),
  ]);
  return catalogueNames(objectives, countries, themes, principles, recommendations);
}
