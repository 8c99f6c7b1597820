import { Block, Section } from '../model/document.types';
import { CatalogueRoundTable } from '../model/catalogue-input.types';
import { BuilderText } from '../i18n/builder-text';
import { heading, list, paragraph } from './blocks';
import { DatasetIndex } from './dataset-index';

/** The questions put to a round table on one objective, in the secretariat's order. */
export function questionsOn(rt: CatalogueRoundTable, objective: number): string[] {
  return (rt.guidingQuestions ?? []).filter((q) => q.objective === objective).map((q) => q.text);
}

/** "3. Guiding questions" of a round-table report: per objective of the round table, as in its background note. */
export function roundTableQuestionsSection(index: DatasetIndex, rt: CatalogueRoundTable, objectives: number[], tr: BuilderText): Section {
  const blocks: Block[] = objectives.flatMap((n) => {
    const qs = questionsOn(rt, n);
    return qs.length === 0 ? [] : [
      heading(tr.t('objectiveLine', { n: String(n), title: tr.catalogue('objective_short', n, index.objective(n).shortLabel) })),
      list(qs),
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
      : [paragraph(tr.t('guidingIntroObjective', { n: String(objective), roundTable: tr.catalogue('round_table', rt.code, rt.title) })), list(qs)],
  };
}
