import { EntityManager } from 'typeorm';
import type { TranslationRow } from './i18n/catalogue-i18n';
import {
  CatalogueTranslation, Commitment, Consideration, Country, GuidingQuestion, Objective, ObjectiveTheme, Principle, Recommendation, RoundTable, Theme,
} from './entities';

import { CountryView, GuidingQuestionView, ObjectiveView, PrincipleView, RecommendationView, RoundTableView, ThemeView } from './framework.view';

export type { CountryView, GuidingQuestionView, ObjectiveView, PrincipleView, RecommendationView, RoundTableView, ThemeView };

/** The whole catalogue as plain data: served to readers and frozen into each framework version. */
export interface CatalogueSnapshot {
  objectives: ObjectiveView[];
  principles: PrincipleView[];
  themes: ThemeView[];
  recommendations: RecommendationView[];
  roundTables: RoundTableView[];
  countries: CountryView[];
  /** Every translation of a catalogue text (English is the records' own); absent from snapshots frozen before translations existed. */
  translations?: TranslationRow[];
}

/** Eleven set-based queries whatever the catalogue's size; assembled in memory. */
export async function buildSnapshot(m: EntityManager): Promise<CatalogueSnapshot> {
  // Sequential: inside a transaction the manager holds one connection, which runs one query at a time.
  const objectives = await m.find(Objective, { order: { number: 'ASC' } });
  const principles = await m.find(Principle, { order: { key: 'ASC' } });
  const themes = await m.find(Theme, { order: { number: 'ASC' } });
  const commitments = await m.find(Commitment, { order: { themeNumber: 'ASC', position: 'ASC' } });
  const crosswalk = await m.find(ObjectiveTheme, { order: { objectiveNumber: 'ASC', isPrimary: 'DESC', themeNumber: 'ASC' } });
  const recommendations = await m.find(Recommendation, { order: { paragraph: 'ASC' } });
  const considerations = await m.find(Consideration, { order: { recommendationParagraph: 'ASC', position: 'ASC' } });
  const roundTables = await m.find(RoundTable, { order: { number: 'ASC' } });
  const countries = await m.find(Country, { order: { name: 'ASC' } });
  const questions = await m.find(GuidingQuestion, { order: { roundTableCode: 'ASC', objectiveNumber: 'ASC', position: 'ASC', id: 'ASC' } });
  const translations = await m.find(CatalogueTranslation, { order: { entityKind: 'ASC', code: 'ASC', field: 'ASC', locale: 'ASC' } });
  const themeByNo = new Map(themes.map((t) => [t.number, t]));
  return {
    objectives: objectives.map((o) => ({
      number: o.number,
      title: o.title,
      shortLabel: o.shortLabel,
      roundTable: o.roundTableCode,
      themes: crosswalk
        .filter((cw) => cw.objectiveNumber === o.number)
        .map((cw) => {
          const t = themeByNo.get(cw.themeNumber) as Theme;
          return { number: t.number, code: t.code, title: t.title, primary: cw.isPrimary };
        }),
      recommendations: recommendations
        .filter((r) => r.objectiveNumbers.includes(o.number))
        .map((r) => ({ paragraph: r.paragraph, shortTitle: r.shortTitle })),
    })),
    principles: principles.map(({ key, name, gist }) => ({ key, name, gist })),
    themes: themes.map((t) => ({
      number: t.number,
      code: t.code,
      title: t.title,
      objectives: crosswalk
        .filter((cw) => cw.themeNumber === t.number)
        .map((cw) => ({ number: cw.objectiveNumber, primary: cw.isPrimary }))
        .sort((a, b) => a.number - b.number),
      commitments: commitments
        .filter((c) => c.themeNumber === t.number)
        .map(({ code, position, text, subItems }) => ({ code, position, text, subItems })),
    })),
    recommendations: recommendations.map((r) => ({
      paragraph: r.paragraph,
      shortTitle: r.shortTitle,
      text: r.text,
      source: r.source,
      objectives: [...r.objectiveNumbers].sort((a, b) => a - b),
      considerations: considerations
        .filter((c) => c.recommendationParagraph === r.paragraph)
        .map(({ position, text, source }) => ({ position, text, source })),
    })),
    roundTables: roundTables.map((rt) => ({
      code: rt.code,
      number: rt.number,
      title: rt.title,
      year: rt.year,
      objectives: objectives
        .filter((o) => o.roundTableCode === rt.code)
        .map(({ number, title, shortLabel }) => ({ number, title, shortLabel })),
      guidingQuestions: questions.filter((q) => q.roundTableCode === rt.code).map(guidingQuestionView),
    })),
    countries: countries.map((c) => ({ ...c })),
    translations: translations.map(({ entityKind, code, field, locale, text, source }) => ({ entityKind, code, field, locale, text, source })),
  };
}

export function guidingQuestionView(q: GuidingQuestion): GuidingQuestionView {
  return { id: q.id, objective: q.objectiveNumber, position: q.position, text: q.text, source: q.source };
}
