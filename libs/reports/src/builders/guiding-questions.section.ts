import { SOURCE_LOCALE } from '@gcm/platform/pure';
import { Block, ListBlock, Section } from '../model/document.types';
import { CatalogueRoundTable } from '../model/catalogue-input.types';
import { BuilderText } from '../i18n/builder-text';
import { heading, list, paragraph } from './blocks';
import { DatasetIndex } from './dataset-index';

/** The questions put to a round table on one objective, in the secretariat's order. */
export function questionsOn(rt: CatalogueRoundTable, objective: number): string[] {
  return (rt.guidingQuestions ?? []).filter((q) => q.objective === objective).map((q) => q.text);
}

/**
 * The questions as a list, printed as recorded: marked with their language
 * (the catalogue's source language unless a question says otherwise) where it
 * is not the report's, so a reader's voice and hyphenation follow the text.
 */
function questionList(rt: CatalogueRoundTable, objective: number, tr: BuilderText): ListBlock {
  const qs = (rt.guidingQuestions ?? []).filter((q) => q.objective === objective);
  const langs = new Set(qs.map((q) => q.language ?? SOURCE_LOCALE));
  const lang = langs.size === 1 ? [...langs][0] : undefined;
  return list(qs.map((q) => q.text), false, lang !== undefined && lang !== tr.locale ? lang : undefined);
}

/** "3. Guiding questions" of a round-table report: per objective of the round table, as in its background note. */
export function roundTableQuestionsSection(index: DatasetIndex, rt: CatalogueRoundTable, objectives: number[], tr: BuilderText): Section {
  const blocks: Block[] = objectives.flatMap((n) => {
    const qs = questionsOn(rt, n);
    return qs.length === 0 ? [] : [
      heading(tr.t('objectiveLine', { n: String(n), title: tr.catalogue('objective_short', n, index.objective(n).shortLabel) })),
      questionList(rt, n, tr),
    ];
  });
  return { id: 'guiding-questions', title: tr.t('guidingQuestionsTitle'), blocks: blocks.length > 0 ? blocks : [paragraph(tr.t('guidingNone'))] };
}

/** The guiding questions of an objective report: those its round table puts on it; none for an objective of no round table. */
export function objectiveQuestionsSection(index: DatasetIndex, objective: number, tr: BuilderText): Section | null {
  const code = index.objective(objective).roundTable;
  const rt = code ? index.data.catalogue.roundTables.find((r) => r.code === code) : undefined;
  if (!rt) return null;
  const qs = questionsOn(rt, objective);
  return {
    id: 'guiding-questions',
    title: tr.t('guidingQuestionsHeading'),
    blocks: qs.length === 0
      ? [paragraph(tr.t('guidingNoneObjective', { n: String(objective) }))]
      : [paragraph(tr.t('guidingIntroObjective', { n: String(objective), roundTable: tr.catalogue('round_table', rt.code, rt.title) })), questionList(rt, objective, tr)],
  };
}
