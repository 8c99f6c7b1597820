import type { CatalogueSnapshot } from '@gcm/framework';
import { LOCALES, SOURCE_LOCALE, type Locale } from '@gcm/platform/pure';
import type { CatalogueInput, CatalogueTitle, CatalogueTitleKind } from '../../model/catalogue-input.types';

/**
 * The framework snapshot projected onto exactly the fields a report reads, so
 * the snapshot hash moves only when something a report could show changed.
 */
export function catalogueInput(s: CatalogueSnapshot, localised: Partial<Record<Locale, CatalogueSnapshot>> = {}): CatalogueInput {
  const titles = LOCALES.flatMap((l) => (l === SOURCE_LOCALE || !localised[l] ? [] : catalogueTitles(s, localised[l] as CatalogueSnapshot, l)));
  return {
    ...(titles.length > 0 ? { titles } : {}),
    objectives: s.objectives.map((o) => ({
      number: o.number,
      title: o.title,
      shortLabel: o.shortLabel,
      roundTable: o.roundTable,
      themes: o.themes.map((t) => ({ number: t.number, primary: t.primary })),
    })),
    themes: s.themes.map((t) => ({
      number: t.number,
      code: t.code,
      title: t.title,
      commitments: t.commitments.map((c) => ({ code: c.code, position: c.position, text: c.text })),
    })),
    recommendations: s.recommendations.map((r) => ({ paragraph: r.paragraph, shortTitle: r.shortTitle, objectives: r.objectives })),
    roundTables: s.roundTables.map((rt) => ({
      code: rt.code,
      number: rt.number,
      title: rt.title,
      year: rt.year,
      objectives: rt.objectives.map((o) => ({ number: o.number })),
      ...(rt.guidingQuestions?.length
        ? { guidingQuestions: [...rt.guidingQuestions].sort((a, b) => a.objective - b.objective || a.position - b.position)
          .map((q) => ({ objective: q.objective, text: q.text })) }
        : {}),
    })),
    countries: s.countries.map((c) => ({
      alpha3: c.alpha3,
      alpha2: c.alpha2,
      name: c.name,
      region: c.region,
      regionM49: c.regionM49,
      subregion: c.subregion,
      subregionM49: c.subregionM49,
      intermediateRegion: c.intermediateRegion,
      intermediateRegionM49: c.intermediateRegionM49,
      unStatus: c.unStatus,
    })),
    principles: s.principles.map((p) => ({ key: p.key, name: p.name })),
  };
}

/**
 * The titles of one language that differ from the English: the framework's
 * localised catalogue (`FrameworkService.localised`, its translations and
 * CLDR names) read against the English one, so a title that fell back to
 * English (marked `…Lang: 'en'`) is left out and prints as the dataset's.
 */
export function catalogueTitles(english: CatalogueSnapshot, view: CatalogueSnapshot, locale: Locale): CatalogueTitle[] {
  const out = new Map<string, CatalogueTitle>();
  const add = (kind: CatalogueTitleKind, key: string | number | null, text: string | null | undefined, source: string | null | undefined, lang?: string) => {
    if (key === null || !text || text === source || (lang !== undefined && lang !== locale)) return;
    out.set(`${kind}\u0000${key}`, { kind, key: String(key), locale, text });
  };
  const byNumber = new Map(english.objectives.map((o) => [o.number, o]));
  for (const o of view.objectives) {
    add('objective', o.number, o.title, byNumber.get(o.number)?.title, o.titleLang);
    add('objective_short', o.number, o.shortLabel, byNumber.get(o.number)?.shortLabel, o.shortLabelLang);
  }
  const themes = new Map(english.themes.map((t) => [t.code, t]));
  for (const t of view.themes) {
    add('theme', t.code, t.title, themes.get(t.code)?.title, t.titleLang);
    const commitments = new Map((themes.get(t.code)?.commitments ?? []).map((c) => [c.code, c.text]));
    for (const c of t.commitments) add('commitment', c.code, c.text, commitments.get(c.code), c.textLang);
  }
  const recs = new Map(english.recommendations.map((r) => [r.paragraph, r.shortTitle]));
  for (const r of view.recommendations) add('recommendation', r.paragraph, r.shortTitle, recs.get(r.paragraph), r.shortTitleLang);
  const rts = new Map(english.roundTables.map((rt) => [rt.code, rt.title]));
  for (const rt of view.roundTables) add('round_table', rt.code, rt.title, rts.get(rt.code), rt.titleLang);
  const principles = new Map(english.principles.map((p) => [p.key, p.name]));
  for (const p of view.principles) add('principle', p.key, p.name, principles.get(p.key), p.nameLang);
  const countries = new Map(english.countries.map((c) => [c.alpha3, c]));
  for (const c of view.countries) {
    const en = countries.get(c.alpha3);
    if (!en) continue;
    add('country', c.alpha3, c.name, en.name, c.nameLang);
    add('region', c.regionM49, c.region, en.region);
    add('region', c.subregionM49, c.subregion, en.subregion);
    add('region', c.intermediateRegionM49, c.intermediateRegion, en.intermediateRegion);
  }
  return [...out.values()];
}
