import { Block, FootnotesBlock, ProseBlock, ReportDocument } from '../model/document.types';
import { blockById, figureValue, sectionById, tableById } from '../testing/document-query';
import { CYCLE, UNVALIDATED_CHALLENGE, handMadeDataset, overviewDataset } from '../testing/hand-made.fixture';
import { buildObjectiveReport } from './objective.builder';
import { buildRoundTableReport } from './round-table.builder';
import { firstSentence, terms } from './overview.section';

const proseText = (b: ProseBlock) => b.runs.map((r) => r.text).join('');
const proseOf = (blocks: Block[]) => blocks.filter((b): b is ProseBlock => b.type === 'prose');
const footnotes = (doc: ReportDocument, section: string) => sectionById(doc, section).blocks.find((b): b is FootnotesBlock => b.type === 'footnotes')!;
/** The blocks of one objective in the round-table overview: from its heading to the next objective's. */
function objectiveBlocks(doc: ReportDocument, n: number): Block[] {
  const blocks = sectionById(doc, 'progress').blocks;
  const start = blocks.findIndex((b) => b.type === 'heading' && b.level === 3 && b.text.startsWith(`Objective ${n}:`));
  const end = blocks.findIndex((b, i) => i > start && b.type === 'heading' && b.level === 3);
  return blocks.slice(start, end === -1 ? undefined : end);
}

describe('overview of progress in the RT2 background note', () => {
  const data = overviewDataset();
  const doc = buildRoundTableReport({ ...data, scope: { roundTable: 'RT2', cycleCodes: [CYCLE.code] } });
  const o8 = objectiveBlocks(doc, 8);
  const notes = footnotes(doc, 'progress');
  const byNumber = new Map(notes.items.map((f) => [f.number, f]));

  it('names the States that reported on objective 8, each linked to its State report, as many as the table and the coverage figure count', () => {
    const states = proseOf(o8).find((b) => proseText(b).startsWith('6 States reported on Objective 8 in 2026-H1: '))!;
    const table = tableById(doc, 'reporting-states-8');
    const named = states.runs.filter((r) => r.href !== null);
    expect(named.map((r) => r.text)).toEqual(table.rows.map((r) => r.state));
    expect(named).toHaveLength(6);
    const orgs = new Map(data.organisations.map((o) => [o.name, o]));
    for (const r of named) expect(r.href).toBe(`/reports?kind=state&scope=${orgs.get(r.text)!.countryAlpha3}&cycle=2026-H1&language=en`);
    // S3 reported (its update awaits validation): named and counted, but nothing of it is cited.
    const s3 = data.organisations[3].name;
    expect(named.find((r) => r.text === s3)?.citations).toEqual([expect.any(Number)]);
    expect(table.rows.find((r) => r.state === s3)).toMatchObject({ pledges: 'GCM-P-2025-00003, GCM-P-2025-00103', validated: 1 });
  });

  it('cites only validated updates, each footnote resolving to the update and its pledge reference', () => {
    const updates = new Map(data.updates.map((u) => [u.id, u]));
    const pledges = new Map(data.pledges.map((p) => [p.id, p]));
    for (const f of notes.items.filter((x) => x.source === 'update')) {
      const u = updates.get(f.recordId)!;
      expect(u.lifecycle).toBe('validated');
      expect(pledges.get(u.pledgeId)!.reference).toBe(f.reference);
      expect(f.href).toBe(`/pledges/${f.reference}`);
      // Extractive: the quote is the update's own words.
      expect(`${u.actionsTaken} ${u.challenges} ${u.measurements.map((m) => m.value).join(' ')}`).toEqual(expect.stringContaining(f.quote.split(': ')[0].replace(/^Indicator \w+$/, '')));
    }
    expect(JSON.stringify(doc)).not.toContain(UNVALIDATED_CHALLENGE);
    expect(notes.items.map((f) => f.number)).toEqual(notes.items.map((_, i) => i + 1));
  });

  it('groups what States did by kind of action, every quote carrying the footnote of the update it quotes', () => {
    const texts = proseOf(o8).map(proseText);
    expect(texts).toContain('Policy and legal measures: “Adopted a national protocol on the search for missing migrants.” (' +
      `${data.organisations[0].name}); “Amended the maritime code so that rescue at sea is never prosecuted.” (${data.organisations[4].name}).`);
    expect(texts.find((t) => t.startsWith('Funding: '))).toContain('Financed search and rescue vessels');
    expect(texts.find((t) => t.startsWith('Processes and coordination: '))).toContain('regional working group');
    expect(texts.find((t) => t.startsWith('Indicators moved: '))).toContain('measured “Indicator i05” at 20 persons on 2026-06-15 (baseline 200, target 50).');
    expect(texts.find((t) => t.startsWith('Actionable commitments addressed: '))).toBe('Actionable commitments addressed: T1.C2.');
    // Every quotation is the cited update's own words; every indicator value is a measurement of the cited update.
    const updates = new Map(data.updates.map((u) => [u.id, u]));
    for (const b of proseOf(o8)) {
      for (const r of b.runs.filter((x) => x.text.includes('“'))) {
        expect(r.citations.length).toBeGreaterThan(0);
        const cited = r.citations.map((n) => byNumber.get(n)!);
        const quoted = [...r.text.matchAll(/“([^”]+)”/g)].map((x) => x[1]).pop()!;
        const sources = cited.map((f) => (f.source === 'update'
          ? `${updates.get(f.recordId)!.actionsTaken} ${updates.get(f.recordId)!.challenges} ${data.pledges.flatMap((p) => p.indicators.map((i) => i.name)).join(' ')}`
          : `${f.title} ${f.quote}`)).join(' ');
        expect(sources).toContain(quoted);
        const value = / at (\d+) persons/.exec(r.text);
        if (value) expect(cited.flatMap((f) => updates.get(f.recordId)!.measurements.map((m) => m.value))).toContain(Number(value[1]));
      }
    }
  });

  it('gives the challenges most often reported with the count of the challenges table rule, and the stakeholders’ pledges', () => {
    const challenges = proseOf(o8).find((b) => proseText(b).startsWith('3 updates reported challenges on Objective 8.'))!;
    expect(challenges.runs.slice(1).every((r) => r.citations.length === 1)).toBe(true);
    const objectiveDoc = buildObjectiveReport({ ...data, scope: { objective: 8, cycleCode: CYCLE.code } });
    expect(sectionById(objectiveDoc, 'challenges').blocks[0]).toEqual({ type: 'paragraph', text: '3 updates reported challenges on Objective 8.' });
    const stake = proseOf(o8).find((b) => proseText(b).startsWith('Missing Migrants Watch (GCM-P-2025-00090): “Documented 120 deaths'))!;
    expect(byNumber.get(stake.runs[0].citations[0])).toMatchObject({ source: 'update', reference: 'GCM-P-2025-00090', organisation: 'Missing Migrants Watch' });
  });

  it('quotes the expert report filed on objective 8 with its reference', () => {
    const expert = proseOf(o8).find((b) => proseText(b).includes('Deaths at sea and the criminalisation of rescue'))!;
    expect(proseText(expert)).toBe('Special Rapporteur on the human rights of migrants, “Deaths at sea and the criminalisation of rescue” (2026, report er1): ' +
      '“Rescue NGOs face prosecution in several States.”');
    expect(byNumber.get(expert.runs[0].citations[0])).toMatchObject({ source: 'expert_report', reference: 'er1', quote: 'Rescue NGOs face prosecution in several States.' });
    expect(JSON.stringify(doc)).not.toContain('Not yet reviewed.');
  });

  it('chooses practices by relevance to what was reported and shows each once in the report', () => {
    const chosen = tableById(doc, 'practices-8').rows.map((r) => r.code);
    // 1.2.6 shares three words with the actions and challenges (families, hotline, missing); 1.2.4 and 1.2.5 two; 1.2.9 is only referred to.
    expect(chosen).toEqual(['1.2.6', '1.2.4', '1.2.5']);
    expect(tableById(doc, 'practices-8').rows.map((r) => r.matched)).toEqual(['families, hotline, missing', 'missing, search', 'forensic, missing']);
    const all = sectionById(doc, 'progress').blocks.flatMap((b) => (b.type === 'table' && b.id.startsWith('practices-') ? b.rows.map((r) => r.code) : []));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(['1.2.7', '1.2.8']));
  });

  it('prints the same numbers in the prose as in the tables and figures', () => {
    const reported = tableById(doc, 'reporting-states-8').rows.length;
    const coverage = buildObjectiveReport({ ...data, scope: { objective: 8, cycleCode: CYCLE.code } });
    expect(figureValue(coverage, 'coverage')).toBe(reported / 35);
    for (const n of [4, 8, 9, 10, 11, 13, 21]) {
      const blocks = objectiveBlocks(doc, n);
      const sentence = proseOf(blocks).map(proseText).find((t) => /^\d+ States? reported on Objective/.test(t));
      const rows = blocks.find((b) => b.type === 'table' && b.id === `reporting-states-${n}`);
      expect({ n, count: sentence ? Number(sentence.split(' ')[0]) : 0 }).toEqual({ n, count: rows && rows.type === 'table' ? rows.rows.length : 0 });
    }
    const distribution = blockById(doc, 'status-8');
    expect(distribution.type === 'status_distribution' && distribution.total).toBe(12);
  });

  it('the objective report names the States that reported on it and carries the same citations', () => {
    const objectiveDoc = buildObjectiveReport({ ...data, scope: { objective: 8, cycleCode: CYCLE.code } });
    const overview = sectionById(objectiveDoc, 'overview');
    expect(proseText(proseOf(overview.blocks)[0])).toMatch(/^6 States reported on Objective 8 in 2026-H1: /);
    expect(tableById(objectiveDoc, 'reporting-states-8').rows).toHaveLength(6);
    expect(footnotes(objectiveDoc, 'overview').items.some((f) => f.reference === 'er1')).toBe(true);
    expect(tableById(objectiveDoc, 'practices').rows.map((r) => r.code)).toEqual(['1.2.6', '1.2.4', '1.2.5']);
  });

  it('is written in the report language', () => {
    const fr = buildRoundTableReport({ ...data, language: 'fr', scope: { roundTable: 'RT2', cycleCodes: [CYCLE.code] } });
    expect(sectionById(fr, 'progress').title).toBe('2. Aperçu des progrès');
    expect(proseOf(sectionById(fr, 'progress').blocks).map(proseText)).toEqual(expect.arrayContaining([expect.stringMatching(/^6 États ont fait rapport sur l’objectif 8 en 2026-H1 : /)]));
  });
});

describe('reports on an empty population', () => {
  const data = handMadeDataset();
  data.updates = [];

  it('the round-table note says so in prose instead of printing empty tables', () => {
    const doc = buildRoundTableReport({ ...data, scope: { roundTable: 'RT2', cycleCodes: [CYCLE.code] } });
    expect(sectionById(doc, 'progress').blocks).toEqual([{ type: 'paragraph', text: expect.stringMatching(/^No State or stakeholder reported progress in 2026-H1/) }]);
    // The note's own sections print no table and no figures; the change since the last cycle still compares
    // the two cycles' rates (a State that reported then and not now is worth saying), and no table anywhere is empty.
    expect(doc.sections.filter((s) => s.id !== 'change').flatMap((s) => s.blocks).filter((b) => b.type === 'table' || b.type === 'key_figures')).toEqual([]);
    expect(doc.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'table' && b.rows.length === 0)).toEqual([]);
  });

  it('the objective report says so in prose', () => {
    const doc = buildObjectiveReport({ ...data, scope: { objective: 8, cycleCode: CYCLE.code } });
    expect(sectionById(doc, 'overview').blocks).toEqual([{ type: 'paragraph', text: 'No update on a pledge aligned with Objective 8 was counted for 2026-H1, so there is no progress to give.' }]);
    const none = handMadeDataset();
    none.pledges = [];
    const empty = buildObjectiveReport({ ...none, scope: { objective: 8, cycleCode: CYCLE.code } });
    expect(empty.sections.flatMap((s) => s.blocks).filter((b) => (b.type === 'table' && b.rows.length === 0) || b.type === 'status_distribution')).toEqual([]);
    expect(sectionById(empty, 'pledges').blocks).toEqual([{ type: 'paragraph', text: 'No pledge aligned with Objective 8 owes an update for 2026-H1.' }]);
    expect(sectionById(empty, 'overview').blocks).toEqual([{ type: 'paragraph', text: 'No pledge aligned with Objective 8 owes an update for 2026-H1.' }]);
  });
});

describe('overview helpers', () => {
  it('quotes the first sentence and keeps content words', () => {
    expect(firstSentence('Adopted a protocol. Trained 40 officers.')).toBe('Adopted a protocol.');
    expect([...terms('Search and rescue of missing migrants at sea')]).toEqual(['search', 'rescue', 'missing']);
  });
});
