import { Block, Cell, Footnote, FootnotesBlock, ProseBlock, ProseRun, TableBlock } from '../model/document.types';
import { CycleInput, ExpertReportInput, PledgeForm, PledgeInput, PracticeInput, UpdateInput } from '../model/report-input.types';
import type { Locale } from '@gcm/platform/pure';
import { BuilderText } from '../i18n/builder-text';
import { col, compact, excerpt, heading, paragraph, table } from './blocks';
import { DatasetIndex, compareText } from './dataset-index';
import { ScopeData } from './scope';
import { expertReportsIn, validatedChallenges } from './shared-sections';
import { scopeOf, updateListHref } from './figure-links';
import { indicatorProgress, latestMeasurement, objectiveCoverage } from './statistics';

/**
 * The "Overview of progress" of one objective, in prose, as the Forum's
 * background notes write it (seed 003): which States reported (named, linked
 * to their reports), what they did by kind of action, the challenges most
 * often reported, the stakeholders' pledges, the expert challenge reports and
 * a few practices. Extractive only: every statement quotes or selects from a
 * validated update (or a published expert report) and cites it as a
 * footnote; the counts are the reporting facts' (one rule), so they equal the
 * tables beside them.
 */

export const OVERVIEW_PARAMETERS = {
  /** Updates quoted per kind of action; the other States of the group are named with their citations. */
  quotesPerAction: 3,
  quoteLength: 240,
  challengeQuotes: 3,
  indicatorMoves: 5,
  stakeholderQuotes: 3,
  practicesPerObjective: 3,
};

/** The path of a State's published report of a cycle, as the public reports list reads it (web `/reports`). */
export function stateReportPath(index: DatasetIndex, organisationId: string, cycleCode: string, language: Locale): string {
  const scope = index.organisations.get(organisationId)?.countryAlpha3 ?? organisationId;
  return `/reports?kind=state&scope=${encodeURIComponent(scope)}&cycle=${encodeURIComponent(cycleCode)}&language=${language}`;
}

/** The numbered footnotes of one document: each cited record gets one number, however often it is cited. */
export class Citations {
  private readonly numbers = new Map<string, number>();
  readonly items: Footnote[] = [];

  constructor(private readonly index: DatasetIndex) {}

  update(u: UpdateInput, quote: string): number {
    const p = this.index.pledges.get(u.pledgeId) as PledgeInput;
    return this.add(`u:${u.id}`, () => ({
      source: 'update', reference: p.reference, recordId: u.id, organisation: this.index.organisationName(p.leadOrganisationId),
      cycleCode: u.cycleCode, title: p.title, quote, href: `/pledges/${encodeURIComponent(p.reference)}`,
    }));
  }

  expertReport(r: ExpertReportInput, quote: string): number {
    return this.add(`e:${r.id}`, () => ({
      source: 'expert_report', reference: r.id, recordId: r.id, organisation: r.author, cycleCode: null, title: r.title, quote,
      href: `/api/v1/expert-reports/${encodeURIComponent(r.id)}`,
    }));
  }

  private add(key: string, make: () => Omit<Footnote, 'number'>): number {
    const hit = this.numbers.get(key);
    if (hit !== undefined) return hit;
    const number = this.items.length + 1;
    this.numbers.set(key, number);
    this.items.push({ number, ...make() });
    return number;
  }

  block(id = 'footnotes'): FootnotesBlock | null {
    return this.items.length === 0 ? null : { type: 'footnotes', id, items: this.items };
  }
}

const STOP = new Set(('with from that this have been were their which about into more also other than there these those they them ' +
  'such some over under after before while where when will would could should being through between during across within ' +
  'against among pledge pledges update updates report reported reporting migrants migrant migration').split(' '));

const termCache = new Map<string, Set<string>>();

/** Content words (four letters or more, stop words dropped), lower case, in any script. Memoised: one report meets the same narrative under several objectives. */
export function terms(text: string): Set<string> {
  const hit = termCache.get(text);
  if (hit) return hit;
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length >= 4 && !STOP.has(w)) out.add(w);
  if (termCache.size > 50_000) termCache.clear();
  termCache.set(text, out);
  return out;
}

/** Picks practices by relevance to what was reported; a practice is shown at most once per report. */
export class PracticePicker {
  private readonly used = new Set<string>();

  constructor(private readonly practices: PracticeInput[]) {}

  /**
   * Practices tied to the objective (by their session), ranked by how many
   * content words of the reported actions and challenges their title,
   * organisation and scope share; fully described cards before briefly
   * referred ones, then by code.
   */
  pick(objective: number, reported: Set<string>, max = OVERVIEW_PARAMETERS.practicesPerObjective): { practice: PracticeInput; matched: string[] }[] {
    const ranked = this.practices
      .filter((p) => p.objectives.includes(objective) && !this.used.has(p.code))
      .map((practice) => ({
        practice,
        matched: [...terms(`${practice.title} ${practice.organisation ?? ''} ${practice.geographicalScope ?? ''}`)].filter((w) => reported.has(w)).sort(),
      }))
      .sort((a, b) => b.matched.length - a.matched.length || Number(a.practice.brieflyReferred) - Number(b.practice.brieflyReferred)
        || compareText(a.practice.code, b.practice.code))
      .slice(0, max);
    for (const r of ranked) this.used.add(r.practice.code);
    return ranked;
  }
}

/** The first sentence of a narrative, cut at a word boundary: what the prose quotes. */
export function firstSentence(text: string, max = OVERVIEW_PARAMETERS.quoteLength): string {
  // Only the head can hold the quote: cleaning a long narrative whole would cost more than the sentence.
  const clean = text.slice(0, max * 4).replace(/\s+/g, ' ').trim();
  const m = /^.+?[.!?。！？](?=\s|$)/u.exec(clean);
  return excerpt(m ? m[0] : clean, max);
}

const run = (text: string, citations: number[] = [], href: string | null = null): ProseRun => ({ text, href, citations });
const prose = (runs: ProseRun[]): ProseBlock => ({ type: 'prose', runs });

/** What one report's overviews share: the citations, the practices already shown, the language. */
export interface OverviewContext {
  index: DatasetIndex;
  tr: BuilderText;
  all: ScopeData;
  label: string;
  citations: Citations;
  practices: PracticePicker;
  expertReports: ExpertReportInput[];
}

export function overviewContext(index: DatasetIndex, tr: BuilderText, all: ScopeData, label: string): OverviewContext {
  return { index, tr, all, label, citations: new Citations(index), practices: new PracticePicker(index.data.practices), expertReports: index.data.expertReports };
}

const FORMS: PledgeForm[] = ['policy', 'financial', 'technical', 'process'];

interface Reported {
  u: UpdateInput;
  p: PledgeInput;
}

/** The reporting States of an objective, by name, with their counted and validated updates on it: the table the prose counts. */
export function reportingStatesTable(ctx: OverviewContext, n: number, counted: UpdateInput[]): TableBlock {
  const { index, tr } = ctx;
  const states = [...(ctx.all.facts.statesByObjective.get(n) ?? [])];
  const byState = new Map<string, { pledges: Set<string>; validated: number }>(states.map((s) => [s, { pledges: new Set(), validated: 0 }]));
  for (const u of counted) {
    const p = index.pledges.get(u.pledgeId) as PledgeInput;
    const row = byState.get(p.leadOrganisationId);
    if (!row) continue;
    row.pledges.add(p.reference);
    if (u.lifecycle === 'validated') row.validated++;
  }
  const sorted = states.map((s) => ({ s, name: index.organisationName(s) })).sort((a, b) => compareText(a.name, b.name));
  const rows: Record<string, Cell>[] = sorted.map(({ s, name }) => {
    const r = byState.get(s)!;
    return { state: name, pledges: [...r.pledges].sort(compareText).join(', '), validated: r.validated };
  });
  // Each State's validated updates on the objective, in the report's cycles: the updates list of exactly those.
  const cycle = scopeOf(ctx.all.cycles);
  return table(`reporting-states-${n}`, tr.t('ovStatesTable', { n }), [
    col('state', tr.t('ovColState')),
    col('pledges', tr.t('ovColPledges')),
    col('validated', tr.t('ovColValidated'), 'integer'),
  ], rows, sorted.map(({ s }) => ({ validated: updateListHref({ cycle, reported: 'validated', objective: n, organisation: s }) })));
}

/**
 * The overview blocks of one objective. `counted` are the counted updates on
 * it in the report's cycles; only validated ones are quoted. With
 * `practices` false the caller shows the chosen practices itself.
 */
export function overviewBlocks(ctx: OverviewContext, n: number, counted: UpdateInput[], cycles: CycleInput[], withPractices = true): Block[] {
  const { index, tr, citations } = ctx;
  const cov = objectiveCoverage(ctx.all.facts, n);
  const validated: Reported[] = counted
    .filter((u) => u.lifecycle === 'validated')
    .map((u) => ({ u, p: index.pledges.get(u.pledgeId) as PledgeInput }))
    .sort((a, b) => compareText(index.organisationName(a.p.leadOrganisationId), index.organisationName(b.p.leadOrganisationId))
      || compareText(a.p.reference, b.p.reference) || compareText(a.u.cycleCode, b.u.cycleCode));
  const byStates = validated.filter((r) => index.isState(r.p.leadOrganisationId));
  const lastCycle = cycles[cycles.length - 1].code;
  const cite = (r: Reported, quote: string) => citations.update(r.u, quote);

  const blocks: (Block | null | false)[] = [heading(tr.t('ovStatesHeading'), 4)];
  if (cov.numerator === 0) blocks.push(paragraph(tr.t('ovNoState', { n, cycles: ctx.label })));
  else {
    const states = [...(ctx.all.facts.statesByObjective.get(n) ?? [])]
      .map((s) => ({ s, name: index.organisationName(s) }))
      .sort((a, b) => compareText(a.name, b.name));
    const runs: ProseRun[] = [run(tr.t('ovStatesReported', { n: cov.numerator, count: tr.count(cov.numerator), objective: n, cycles: ctx.label }))];
    const ofState = new Map<string, Reported[]>();
    for (const r of byStates) (ofState.get(r.p.leadOrganisationId) ?? ofState.set(r.p.leadOrganisationId, []).get(r.p.leadOrganisationId)!).push(r);
    states.forEach(({ s, name }, i) => {
      if (i > 0) runs.push(run(tr.list(['', ''])));
      const cites = (ofState.get(s) ?? []).map((r) => cite(r, firstSentence(r.u.actionsTaken)));
      runs.push(run(name, [...new Set(cites)].sort((a, b) => a - b), stateReportPath(index, s, lastCycle, tr.locale)));
    });
    runs.push(run(tr.t('ovFullStop')));
    blocks.push(prose(runs), reportingStatesTable(ctx, n, counted));
  }

  // What they did, by kind of action: the pledge's form, then the indicators moved and the commitments addressed.
  const acted = byStates.filter((r) => r.u.actionsTaken.trim() !== '');
  if (acted.length > 0) {
    blocks.push(heading(tr.t('ovActionsHeading'), 4));
    for (const form of FORMS) {
      const group = acted.filter((r) => r.p.form === form);
      if (group.length === 0) continue;
      const runs: ProseRun[] = [run(tr.t('ovFormLead', { form: tr.t(`form_${form}`) }))];
      group.slice(0, OVERVIEW_PARAMETERS.quotesPerAction).forEach((r, i) => {
        const quote = firstSentence(r.u.actionsTaken);
        runs.push(run(`${i > 0 ? '; ' : ''}${tr.t('ovQuoteBy', { quote, org: index.organisationName(r.p.leadOrganisationId) })}`, [cite(r, quote)]));
      });
      const rest = group.slice(OVERVIEW_PARAMETERS.quotesPerAction);
      if (rest.length > 0) {
        runs.push(run(tr.t('ovAlso')));
        rest.forEach((r, i) => runs.push(run(`${i > 0 ? tr.list(['', '']) : ''}${index.organisationName(r.p.leadOrganisationId)}`, [cite(r, firstSentence(r.u.actionsTaken))])));
      }
      runs.push(run(tr.t('ovFullStop')));
      blocks.push(prose(runs));
    }
  }
  const moves: ProseRun[] = [];
  for (const r of byStates) {
    for (const ind of r.p.indicators) {
      if (moves.length >= OVERVIEW_PARAMETERS.indicatorMoves) break;
      const m = latestMeasurement(r.u.measurements, ind.id);
      const pr = indicatorProgress(ind, m);
      if (!m || pr.ratio === null) continue;
      const text = tr.t('ovIndicatorMove', {
        org: index.organisationName(r.p.leadOrganisationId), indicator: ind.name, value: String(m.value), unit: ind.unit, date: tr.date(m.asOf),
        baseline: String(ind.baseline.value), target: String(ind.target.value),
      });
      moves.push(run(`${moves.length > 0 ? ' ' : ''}${text}`, [cite(r, m.note ? `${ind.name}: ${m.value} ${ind.unit} (${m.asOf}), ${m.note}` : `${ind.name}: ${m.value} ${ind.unit} (${m.asOf})`)]));
    }
  }
  if (moves.length > 0) blocks.push(prose([run(tr.t('ovIndicatorsLead')), ...moves]));
  const commitments = new Map<string, number[]>();
  for (const r of byStates) {
    for (const c of r.p.commitments) {
      const list = commitments.get(c) ?? [];
      list.push(cite(r, firstSentence(r.u.actionsTaken)));
      commitments.set(c, list);
    }
  }
  if (commitments.size > 0) {
    const codes = [...commitments.keys()].sort(compareText);
    blocks.push(prose([run(tr.t('ovCommitmentsLead')),
      ...codes.map((c, i) => run(`${i > 0 ? tr.list(['', '']) : ''}${c}`, [...new Set(commitments.get(c))].sort((a, b) => a - b))),
      run(tr.t('ovFullStop'))]));
  }

  // The challenges most often reported: those sharing the most content words with the other challenge texts.
  blocks.push(heading(tr.t('challenges'), 4));
  const challenged = validatedChallenges(index, counted);
  if (challenged.length === 0) blocks.push(paragraph(tr.t('challengesNone', { what: tr.t('onObjective', { n }) })));
  else {
    const bags = challenged.map((c) => terms(c.u.challenges));
    const df = new Map<string, number>();
    for (const b of bags) for (const w of b) df.set(w, (df.get(w) ?? 0) + 1);
    const ranked = challenged
      .map((c, i) => ({ c, score: [...bags[i]].reduce((s, w) => s + (df.get(w)! - 1), 0) }))
      .sort((a, b) => b.score - a.score || compareText(a.c.p.reference, b.c.p.reference))
      .slice(0, OVERVIEW_PARAMETERS.challengeQuotes);
    const runs: ProseRun[] = [run(tr.t('challengesCount', { n: challenged.length, count: tr.count(challenged.length), what: tr.t('onObjective', { n }) }))];
    for (const { c } of ranked) {
      const quote = firstSentence(c.u.challenges);
      runs.push(run(` ${tr.t('ovQuoteBy', { quote, org: index.organisationName(c.p.leadOrganisationId) })}`, [cite(c, quote)]));
    }
    blocks.push(prose(runs));
  }

  // The stakeholders' pledges.
  blocks.push(heading(tr.t('ovStakeholdersHeading'), 4));
  const stake = validated.filter((r) => !index.isState(r.p.leadOrganisationId) && r.u.actionsTaken.trim() !== '');
  if (stake.length === 0) blocks.push(paragraph(tr.t('ovNoStakeholder', { n, cycles: ctx.label })));
  else {
    blocks.push(prose(stake.slice(0, OVERVIEW_PARAMETERS.stakeholderQuotes).map((r, i) => {
      const quote = firstSentence(r.u.actionsTaken);
      return run(`${i > 0 ? ' ' : ''}${tr.t('ovStakeholderQuote', { org: index.organisationName(r.p.leadOrganisationId), reference: r.p.reference, quote })}`, [cite(r, quote)]);
    })));
  }

  // Expert challenge reports on the objective or its themes.
  blocks.push(heading(tr.t('ovExpertHeading'), 4));
  const themes = new Set(index.objective(n).themes.map((t) => t.number));
  const experts = expertReportsIn(ctx.expertReports, cycles, (r) => r.objectives.includes(n) || r.themes.some((t) => themes.has(t)));
  if (experts.length === 0) blocks.push(paragraph(tr.t('ovNoExpert', { n })));
  else {
    blocks.push(prose(experts.map((r, i) => {
      const quote = excerpt(r.summary, 600);
      return run(`${i > 0 ? ' ' : ''}${tr.t('ovExpertQuote', { author: r.author, title: r.title, year: String(r.year), reference: r.id, quote })}`, [citations.expertReport(r, quote)]);
    })));
  }

  if (withPractices) blocks.push(...practiceBlocks(ctx, n, validated));
  return compact(blocks);
}

/** The content words of what was reported on an objective: actions and challenges of its validated updates. */
function reportedTerms(validated: Reported[]): Set<string> {
  const out = new Set<string>();
  for (const r of validated) {
    for (const w of terms(r.u.actionsTaken)) out.add(w);
    for (const w of terms(r.u.challenges)) out.add(w);
  }
  return out;
}

/** Two or three practices chosen by relevance to what was reported, each at most once per report. */
export function practiceBlocks(ctx: OverviewContext, n: number, validatedOrCounted: (Reported | UpdateInput)[], id = `practices-${n}`): Block[] {
  const { tr, index } = ctx;
  const validated = validatedOrCounted
    .map((x) => ('u' in x ? x : { u: x, p: index.pledges.get(x.pledgeId) as PledgeInput }))
    .filter((r) => r.u.lifecycle === 'validated');
  const chosen = ctx.practices.pick(n, reportedTerms(validated));
  return [
    heading(tr.t('practicesHeading'), 4),
    chosen.length === 0 ? paragraph(tr.t('ovNoPractice', { n })) : table(id, tr.t('ovPracticesCaption', { n }), [
      col('code', tr.t('colPractice')),
      col('title', tr.t('colTitle')),
      col('organisation', tr.t('colOrganisation')),
      col('scope', tr.t('colScope')),
      col('matched', tr.t('colMatched')),
    ], chosen.map(({ practice: p, matched }) => ({
      code: p.code, title: p.title, organisation: p.organisation, scope: p.geographicalScope, matched: matched.length > 0 ? tr.list(matched) : null,
    }))),
  ];
}
