import { REPORT_KINDS, ReportInput, ReportKind, ReportScopes } from '../model/report-kind.types';
import { canonicalJson } from '../renderers/json.renderer';
import { CYCLE, PREVIOUS, handMadeDataset } from '../testing/hand-made.fixture';
import { buildReport } from './build-report';

const data = handMadeDataset();
const SCOPES: ReportScopes = {
  state: { organisationId: data.organisations[5].id, cycleCode: CYCLE.code },
  objective: { objective: 13, cycleCode: CYCLE.code },
  theme: { theme: 2, cycleCode: CYCLE.code },
  region: { m49: '002', cycleCode: CYCLE.code },
  round_table: { roundTable: 'RT4', cycleCodes: [PREVIOUS.code, CYCLE.code] },
  imrf_summary: { cycleCodes: [PREVIOUS.code, CYCLE.code] },
};
/** The objective report's prose overview is its own section (the IMRF summary's "overview" is figures, not narrative). */
const narrativeIds = (kind: ReportKind) => new Set(['change', 'adoption', 'guiding-questions', ...(kind === 'objective' ? ['overview'] : [])]);
const build = (kind: ReportKind, narrative?: boolean) =>
  buildReport(kind, { ...handMadeDataset(), scope: SCOPES[kind], ...(narrative === undefined ? {} : { narrative }) } as ReportInput<typeof kind>);

/** REPORT_NARRATIVE=off, for bench:reports' comparison run only: the narrative sections go, nothing else changes. */
describe.each(REPORT_KINDS)('the narrative switch (%s)', (kind: ReportKind) => {
  it('on and unset (the default) build the same document', () => {
    expect(canonicalJson(build(kind, true))).toBe(canonicalJson(build(kind)));
  });

  it('off leaves out only the narrative sections, the others unchanged', () => {
    const NARRATIVE = narrativeIds(kind);
    const full = build(kind);
    const bare = build(kind, false);
    expect(bare.sections.filter((s) => NARRATIVE.has(s.id))).toEqual([]);
    expect(bare.metadata).toEqual(full.metadata);
    const kept = full.sections.filter((s) => !NARRATIVE.has(s.id)).map((s) => s.id);
    expect(bare.sections.map((s) => s.id)).toEqual(kept);
    // Outside the round table's progress section (whose prose overviews go), each kept section is as it was.
    for (const s of bare.sections.filter((x) => x.id !== 'progress')) expect(s).toEqual(full.sections.find((f) => f.id === s.id));
  });
});

it('every kind with a narrative has at least one narrative section when it is on', () => {
  for (const kind of ['state', 'objective', 'round_table', 'imrf_summary'] as const) {
    expect(build(kind).sections.some((s) => narrativeIds(kind).has(s.id))).toBe(true);
  }
});
