import { regionName, SOURCE_LOCALE, localisedFields as fields, translationLookup as lookupIn, type Locale, type TranslationRow } from '@gcm/platform/pure';
import type { CatalogueSnapshot } from '../framework.snapshot';
import type { CountryView } from '../framework.view';

export type { Localised, TextSource, TranslationRow } from '@gcm/platform/pure';

/** The catalogue records and fields that carry translations, as the workbook and the API name them. */
export const TRANSLATABLE: Record<string, readonly string[]> = {
  objective: ['title', 'shortLabel'],
  principle: ['name', 'gist'],
  theme: ['title'],
  commitment: ['text'],
  recommendation: ['shortTitle', 'text'],
  round_table: ['title'],
};

export function localiseCountry(c: CountryView, locale: Locale): CountryView {
  const name = regionName(locale, c.alpha2, c.name);
  return {
    ...c,
    name: name.name,
    nameLang: name.lang,
    region: regionName(locale, c.regionM49, c.region).name,
    subregion: regionName(locale, c.subregionM49, c.subregion).name,
    intermediateRegion: c.intermediateRegion === null ? null : regionName(locale, c.intermediateRegionM49, c.intermediateRegion).name,
  };
}

/**
 * The catalogue in `locale`: every translatable text replaced by its
 * translation where one exists, each with `<field>Lang` and `<field>Source`
 * so a page marks an English fallback with `lang="en"` and an unofficial
 * translation as such. Codes, numbers and links are unchanged. In English
 * (the source) the catalogue is answered as it is, without the markers:
 * `Content-Language: en` says it all.
 */
export function localiseSnapshot(s: CatalogueSnapshot, rows: TranslationRow[], locale: Locale): CatalogueSnapshot {
  if (locale === SOURCE_LOCALE) {
    const { translations: _rows, ...english } = s;
    return english;
  }
  const t = lookupIn(rows, locale);
  const objectiveTitle = (n: number, english: string) => t('objective', String(n), 'title', english);
  const objectiveLabel = (n: number, english: string) => t('objective', String(n), 'shortLabel', english);
  const themeTitle = (code: string, english: string) => t('theme', code, 'title', english);
  const recTitle = (p: number, english: string) => t('recommendation', String(p), 'shortTitle', english);
  return {
    objectives: s.objectives.map((o) => ({
      ...o,
      ...fields('title', objectiveTitle(o.number, o.title)),
      ...fields('shortLabel', objectiveLabel(o.number, o.shortLabel)),
      themes: o.themes.map((th) => ({ ...th, ...fields('title', themeTitle(th.code, th.title)) })),
      recommendations: o.recommendations.map((r) => ({ ...r, ...fields('shortTitle', recTitle(r.paragraph, r.shortTitle)) })),
    })),
    principles: s.principles.map((p) => ({
      ...p, ...fields('name', t('principle', p.key, 'name', p.name)), ...fields('gist', t('principle', p.key, 'gist', p.gist)),
    })),
    themes: s.themes.map((th) => ({
      ...th,
      ...fields('title', themeTitle(th.code, th.title)),
      commitments: th.commitments.map((c) => ({ ...c, ...fields('text', t('commitment', c.code, 'text', c.text)) })),
    })),
    recommendations: s.recommendations.map((r) => ({
      ...r, ...fields('shortTitle', recTitle(r.paragraph, r.shortTitle)), ...fields('text', t('recommendation', String(r.paragraph), 'text', r.text)),
    })),
    roundTables: s.roundTables.map((rt) => ({
      ...rt,
      ...fields('title', t('round_table', rt.code, 'title', rt.title)),
      objectives: rt.objectives.map((o) => ({
        ...o, ...fields('title', objectiveTitle(o.number, o.title)), ...fields('shortLabel', objectiveLabel(o.number, o.shortLabel)),
      })),
    })),
    countries: s.countries.map((c) => localiseCountry(c, locale)),
  };
}

export interface SourceText {
  kind: string;
  code: string;
  field: string;
  text: string;
}

/** Every translatable text of the catalogue in English, in catalogue order: the rows of the translation workbook. */
export function sourceTexts(s: CatalogueSnapshot): SourceText[] {
  const out: SourceText[] = [];
  const add = (kind: string, code: string | number, field: string, text: string) => out.push({ kind, code: String(code), field, text });
  for (const o of s.objectives) {
    add('objective', o.number, 'title', o.title);
    add('objective', o.number, 'shortLabel', o.shortLabel);
  }
  for (const p of s.principles) {
    add('principle', p.key, 'name', p.name);
    add('principle', p.key, 'gist', p.gist);
  }
  for (const t of s.themes) add('theme', t.code, 'title', t.title);
  for (const t of s.themes) for (const c of t.commitments) add('commitment', c.code, 'text', c.text);
  for (const r of s.recommendations) {
    add('recommendation', r.paragraph, 'shortTitle', r.shortTitle);
    add('recommendation', r.paragraph, 'text', r.text);
  }
  for (const rt of s.roundTables) add('round_table', rt.code, 'title', rt.title);
  return out;
}

export const textKey = (kind: string, code: string, field: string) => `${kind}\u0000${code}\u0000${field}`;
