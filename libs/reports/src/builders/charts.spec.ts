import { ChartBlock, ReportDocument, Section } from '../model/document.types';
import { REPORT_KINDS, ReportInput, ReportKind, ReportScopes } from '../model/report-kind.types';
import { builderText } from '../i18n/builder-text';
import { CYCLE, PREVIOUS, handMadeDataset } from '../testing/hand-made.fixture';
import { EARLIER, LATER, twoCyclesDataset } from '../testing/two-cycles.fixture';
import { buildReport } from './build-report';
import { buildImrfSummary } from './imrf-summary.builder';

const data = handMadeDataset();
const SCOPES: ReportScopes = {
  state: { organisationId: data.organisations[5].id, cycleCode: CYCLE.code },
  objective: { objective: 8, cycleCode: CYCLE.code },
  theme: { theme: 2, cycleCode: CYCLE.code },
  region: { m49: '002', cycleCode: CYCLE.code },
  round_table: { roundTable: 'RT2', cycleCodes: [PREVIOUS.code, CYCLE.code] },
  imrf_summary: { cycleCodes: [PREVIOUS.code, CYCLE.code] },
};

const chartsOf = (doc: ReportDocument): [Section, ChartBlock][] =>
  doc.sections.flatMap((s) => s.blocks.filter((b): b is ChartBlock => b.type === 'chart').map((c) => [s, c] as [Section, ChartBlock]));

/** The chart's numbers read back from the block it names, in the same section: cell by cell, never recomputed. */
function expectSameNumbersAsItsTable(section: Section, chart: ChartBlock): void {
  const at = section.blocks.findIndex((b) => 'id' in b && b.id === chart.tableId && b.type !== 'chart');
  expect({ chart: chart.id, table: at >= 0 }).toEqual({ chart: chart.id, table: true });
  // The table comes right after its chart(s), so the renderers can print it beside them.
  expect(section.blocks.slice(section.blocks.indexOf(chart) + 1, at).every((b) => b.type === 'chart')).toBe(true);
  const table = section.blocks[at];
  if (table.type === 'status_distribution') {
    expect(chart.tableCaption).toBe(table.caption);
    expect(chart.categories).toEqual(table.entries.map((e) => ({ key: e.status, label: e.label })));
    expect(chart.series).toEqual([expect.objectContaining({ column: 'count', values: table.entries.map((e) => e.count) })]);
    return;
  }
  if (table.type !== 'table') throw new Error(`${chart.id} names a ${table.type}`);
  expect(chart.tableCaption).toBe(table.caption);
  const first = table.columns[0].key;
  expect(chart.categoryAxis).toBe(table.columns[0].label);
  expect(chart.categories.map((c) => c.key)).toEqual(table.rows.map((r) => String(r[first])));
  for (const s of chart.series) {
    expect(s.label).toBe(table.columns.find((c) => c.key === s.column)?.label);
    expect({ column: s.column, values: s.values }).toEqual({ column: s.column, values: table.rows.map((r) => r[s.column]) });
  }
}

describe.each(REPORT_KINDS)('the charts of a %s report', (kind: ReportKind) => {
  const doc = buildReport(kind, { ...handMadeDataset(), scope: SCOPES[kind] } as ReportInput<typeof kind>);
  const charts = chartsOf(doc);

  it('chart every status distribution that counts a pledge, with the numbers of its table', () => {
    const distributions = doc.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'status_distribution' && b.total > 0);
    expect(distributions.length).toBeGreaterThan(0);
    expect(charts.filter(([, c]) => c.chart === 'bar' && c.series[0].column === 'count').map(([, c]) => c.tableId).sort())
      .toEqual(distributions.map((d) => (d.type === 'status_distribution' ? d.id : '')).sort());
    for (const [s, c] of charts) expectSameNumbersAsItsTable(s, c);
  });
});

describe('coverage and trend charts', () => {
  it('chart the objective coverage table wherever it is printed (summary, theme, region)', () => {
    for (const kind of ['imrf_summary', 'theme', 'region'] as const) {
      const doc = buildReport(kind, { ...handMadeDataset(), scope: SCOPES[kind] } as ReportInput<typeof kind>);
      const coverage = chartsOf(doc).filter(([, c]) => c.tableId === 'objective-coverage');
      expect({ kind, charts: coverage.map(([, c]) => [c.chart, c.format, c.series.map((x) => x.column)]) })
        .toEqual({ kind, charts: [['bar', 'percent', ['share']]] });
      for (const [s, c] of coverage) expectSameNumbersAsItsTable(s, c);
    }
  });

  it('chart a span\'s trend (reporting rates as lines, status transitions stacked), in the report language', () => {
    for (const language of ['en', 'ar'] as const) {
      const doc = buildImrfSummary({ ...twoCyclesDataset(), language, scope: { cycleCodes: [EARLIER.code, LATER.code] } });
      const trend = chartsOf(doc).filter(([, c]) => c.tableId === 'change-trend');
      const tr = builderText(language);
      expect(trend.map(([, c]) => [c.chart, c.title, c.series.map((s) => s.column)])).toEqual([
        ['line', tr.t('chartRatesTitle'), ['reportingRate', 'pledgesReported']],
        ['stacked_bar', tr.t('chartTransitionsTitle'), ['newlyAchieved', 'newlyDelayed', 'newlyDiscontinued']],
      ]);
      expect(trend[0][1].categories.map((c) => c.key)).toEqual([EARLIER.code, LATER.code]);
      for (const [s, c] of trend) expectSameNumbersAsItsTable(s, c);
    }
  });

  it('draw no chart of nothing: a single cycle has no trend chart, an empty cycle no status or coverage chart', () => {
    const single = buildImrfSummary({ ...handMadeDataset(), scope: { cycleCodes: [CYCLE.code] } });
    expect(chartsOf(single).some(([, c]) => c.tableId === 'change-trend')).toBe(false);
    const empty = buildImrfSummary({ ...handMadeDataset(), pledges: [], updates: [], scope: { cycleCodes: [CYCLE.code] } });
    expect(chartsOf(empty)).toEqual([]);
  });
});
