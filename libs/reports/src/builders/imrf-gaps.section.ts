import { Block, Section } from '../model/document.types';
import { PledgeInput } from '../model/report-input.types';
import { ReportParameters } from '../model/report-kind.types';
import { BuilderText } from '../i18n/builder-text';
import { col, compact, excerpt, heading, list, paragraph, table } from './blocks';
import { DatasetIndex } from './dataset-index';
import { ScopeData } from './scope';
import { PledgeListFilter, pledgeListHref, scopeOf } from './figure-links';
import { ObjectiveWeakness, objectiveWeakness, wholePercent } from './statistics';

type Area = 'objective' | 'theme' | 'recommendation' | 'commitment';
type Gap = 'no_pledge' | 'no_update';

interface GapRow {
  [key: string]: string | number | null;
  area: string;
  item: string;
  title: string;
  gap: string;
  pledges: number;
}

const AREAS: Area[] = ['objective', 'theme', 'recommendation', 'commitment'];
const AREA_KEY = { objective: 'gapAreaObjective', theme: 'gapAreaTheme', recommendation: 'gapAreaRecommendation', commitment: 'gapAreaCommitment' } as const;

/** The weakness lists of one scope, by the one rule in `statistics.ts`, at the report's threshold. */
export function scopeWeakness(index: DatasetIndex, scope: ScopeData, parameters: ReportParameters): ObjectiveWeakness {
  return objectiveWeakness(scope.facts, scope.expected, scope.counted, index.objectiveList().map((o) => o.number), parameters.weakObjectiveShare);
}

/** The method note that defines the three lists, with the threshold the report was built with. */
export function weaknessMethodNote(parameters: ReportParameters, tr: BuilderText): string {
  return tr.t('methodWeakness', { percent: tr.count(wholePercent(parameters.weakObjectiveShare)) });
}

/**
 * Where nothing is pledged, pledged but not reported on, or reported on by too
 * few States. Objectives come as three lists (no pledge; pledged, not reported
 * on; weakly reported), never lumped together. Themes use the pledges'
 * effective themes (not only the primary one): a theme is a gap only when no
 * pledge touches it at all.
 */
export function gapsSection(index: DatasetIndex, scope: ScopeData, parameters: ReportParameters, tr: BuilderText): Section {
  const weakness = scopeWeakness(index, scope, parameters);
  const reported = new Set(scope.counted.map((u) => u.pledgeId));
  const rows: (GapRow & { areaKey: Area; gapKey: Gap; href: string })[] = [];
  // Each row's pledge count is the scope's pledges owing an update on that item: the list's filter for it.
  type ItemFilter = Pick<PledgeListFilter, 'objective' | 'theme' | 'recommendation' | 'commitment'>;
  const add = (area: Area, item: string, title: string, gap: Gap, pledges: number, filter: ItemFilter) => rows.push({
    areaKey: area, gapKey: gap, area: tr.t(AREA_KEY[area]), item, title, gap: tr.t(gap === 'no_pledge' ? 'gapNoPledge' : 'gapNoUpdate'), pledges,
    href: pledgeListHref({ cycle: scopeOf(scope.cycles), reported: 'owed', ...filter }),
  });
  const check = (area: Area, item: string, title: string, pledges: PledgeInput[], filter: ItemFilter) => {
    if (pledges.length === 0) add(area, item, title, 'no_pledge', 0, filter);
    else if (!pledges.some((p) => reported.has(p.id))) add(area, item, title, 'no_update', pledges.length, filter);
  };
  const aligned = (n: number) => scope.expected.filter((p) => p.objectives.includes(n));
  for (const n of weakness.noPledge) add('objective', String(n), tr.catalogue('objective_short', n, index.objective(n).shortLabel), 'no_pledge', 0, { objective: n });
  for (const n of weakness.notReported) {
    add('objective', String(n), tr.catalogue('objective_short', n, index.objective(n).shortLabel), 'no_update', aligned(n).length, { objective: n });
  }
  for (const t of index.themeList()) {
    check('theme', t.code, tr.catalogue('theme', t.code, t.title), scope.expected.filter((p) => p.themes.includes(t.number)), { theme: t.number });
  }
  const recommendations = [...index.data.catalogue.recommendations].sort((a, b) => a.paragraph - b.paragraph);
  for (const r of recommendations) {
    check('recommendation', tr.t('paragraphRef', { n: String(r.paragraph) }), tr.catalogue('recommendation', r.paragraph, r.shortTitle),
      scope.expected.filter((p) => p.recommendations.includes(r.paragraph)), { recommendation: r.paragraph });
  }
  const byCommitment = new Map<string, PledgeInput[]>();
  for (const p of scope.expected) {
    for (const c of p.commitments) {
      const listed = byCommitment.get(c);
      if (listed) listed.push(p);
      else byCommitment.set(c, [p]);
    }
  }
  for (const t of index.themeList()) {
    for (const c of [...t.commitments].sort((a, b) => a.position - b.position)) {
      check('commitment', c.code, excerpt(tr.catalogue('commitment', c.code, c.text), 160), byCommitment.get(c.code) ?? [], { commitment: c.code });
    }
  }
  const count = (area: Area, gap: Gap) => rows.filter((r) => r.areaKey === area && r.gapKey === gap).length;
  return {
    id: 'gaps',
    title: tr.t('gapsTitle'),
    blocks: [
      ...weaknessBlocks(index, weakness, parameters, tr),
      table('gap-summary', tr.t('gapsByArea'), [
        col('area', tr.t('gapColArea')),
        col('noPledge', tr.t('gapColNoPledge'), 'integer'),
        col('noUpdate', tr.t('gapColNoUpdate'), 'integer'),
      ], AREAS.map((area) => ({ area: tr.t(AREA_KEY[area]), noPledge: count(area, 'no_pledge'), noUpdate: count(area, 'no_update') }))),
      table('gaps', tr.t('gapsTableCaption'), [
        col('area', tr.t('gapColArea')),
        col('item', tr.t('gapColItem')),
        col('title', tr.t('gapColTitle')),
        col('gap', tr.t('gapColGap')),
        col('pledges', tr.t('gapColPledgesOwing'), 'integer'),
      ], rows.map(({ areaKey: _a, gapKey: _g, href: _h, ...row }) => row), rows.map((r) => ({ pledges: r.href }))),
    ],
  };
}

function weaknessBlocks(index: DatasetIndex, w: ObjectiveWeakness, parameters: ReportParameters, tr: BuilderText): Block[] {
  const line = (n: number) => tr.t('objectiveLine', { n: String(n), title: tr.catalogue('objective', n, index.objective(n).title) });
  const listOrNone = (items: string[]) => (items.length === 0 ? paragraph(tr.t('weaknessNone')) : list(items));
  const percent = tr.count(wholePercent(parameters.weakObjectiveShare));
  return compact([
    heading(tr.t('weaknessNoPledge', { n: w.noPledge.length, count: tr.count(w.noPledge.length) }), 4),
    listOrNone(w.noPledge.map(line)),
    heading(tr.t('weaknessNotReported', { n: w.notReported.length, count: tr.count(w.notReported.length) }), 4),
    listOrNone(w.notReported.map(line)),
    heading(tr.t('weaknessWeak', { n: w.weak.length, count: tr.count(w.weak.length), percent }), 4),
    listOrNone(w.weak.map(({ objective, coverage }) => tr.t('weaknessWeakItem', {
      line: line(objective),
      numerator: tr.count(coverage.numerator),
      denominator: tr.count(coverage.denominator),
      percent: tr.count(wholePercent(coverage.ratio ?? 0)),
    }))),
  ]);
}
