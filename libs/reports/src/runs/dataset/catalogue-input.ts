import type { CatalogueSnapshot } from '@gcm/framework';
import type { CatalogueInput } from '../../model/catalogue-input.types';

/**
 * The framework snapshot projected onto exactly the fields a report reads, so
 * the snapshot hash moves only when something a report could show changed.
 */
export function catalogueInput(s: CatalogueSnapshot): CatalogueInput {
  return {
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
