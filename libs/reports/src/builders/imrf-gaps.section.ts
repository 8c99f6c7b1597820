import { Section } from '../model/document.types';
import { PledgeInput } from '../model/report-input.types';
import { col, excerpt, table } from './blocks';
import { DatasetIndex } from './dataset-index';
import { ScopeData } from './scope';

interface GapRow {
  [key: string]: string | number | null;
  area: string;
  item: string;
  title: string;
  gap: string;
  pledges: number;
}

/**
 * Where nothing is pledged, or pledged but not reported on. Themes use the
 * pledges' effective themes (not only the primary one): a theme is a gap only
 * when no pledge touches it at all.
 */
export function gapsSection(index: DatasetIndex, scope: ScopeData): Section {
  const reported = new Set(scope.counted.map((u) => u.pledgeId));
  const rows: GapRow[] = [];
  const check = (area: string, item: string, title: string, pledges: PledgeInput[]) => {
    if (pledges.length === 0) rows.push({ area, item, title, gap: 'no pledge', pledges: 0 });
    else if (!pledges.some((p) => reported.has(p.id))) rows.push({ area, item, title, gap: 'no update', pledges: pledges.length });
  };
  for (const o of index.objectiveList()) {
    check('Objective', String(o.number), o.shortLabel, scope.expected.filter((p) => p.objectives.includes(o.number)));
  }
  for (const t of index.themeList()) {
    check('Theme', t.code, t.title, scope.expected.filter((p) => p.themes.includes(t.number)));
  }
  const recommendations = [...index.data.catalogue.recommendations].sort((a, b) => a.paragraph - b.paragraph);
  for (const r of recommendations) {
    check('SG recommendation', `para. ${r.paragraph}`, r.shortTitle, scope.expected.filter((p) => p.recommendations.includes(r.paragraph)));
  }
  const byCommitment = new Map<string, PledgeInput[]>();
  for (const p of scope.expected) {
    for (const c of p.commitments) {
      const list = byCommitment.get(c);
      if (list) list.push(p);
      else byCommitment.set(c, [p]);
    }
  }
  for (const t of index.themeList()) {
    for (const c of [...t.commitments].sort((a, b) => a.position - b.position)) {
      check('Actionable commitment', c.code, excerpt(c.text, 160), byCommitment.get(c.code) ?? []);
    }
  }
  const count = (area: string, gap: string) => rows.filter((r) => r.area === area && r.gap === gap).length;
  return {
    id: 'gaps',
    title: 'Gaps',
    blocks: [
      table('gap-summary', 'Gaps by area', [
        col('area', 'Area'),
        col('noPledge', 'With no pledge', 'integer'),
        col('noUpdate', 'Pledged, no update', 'integer'),
      ], ['Objective', 'Theme', 'SG recommendation', 'Actionable commitment'].map((area) => ({
        area, noPledge: count(area, 'no pledge'), noUpdate: count(area, 'no update'),
      }))),
      table('gaps', 'Objectives, themes, recommendations and commitments with no pledge or no update', [
        col('area', 'Area'),
        col('item', 'Item'),
        col('title', 'Title'),
        col('gap', 'Gap'),
        col('pledges', 'Pledges owing', 'integer'),
      ], rows),
    ],
  };
}
