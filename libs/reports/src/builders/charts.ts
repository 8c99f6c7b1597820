import { Block, ChartBlock, ChartSeries, Section, StatusDistributionBlock, TableBlock } from '../model/document.types';
import type { BuilderText } from '../i18n/builder-text';

/**
 * The charts of a report, drawn from the blocks the builders already made:
 * every status distribution, every objective coverage table and the trend
 * table of a span. A chart copies the numbers of its table cell by cell (the
 * one rule: the figures are computed once, in statistics.ts and
 * cycle-change.ts, and the table and the chart print the same values); it is
 * placed just before its table, which renderers print beside it.
 */
export function withCharts(sections: Section[], tr: BuilderText): Section[] {
  return sections.map((s) => ({ ...s, blocks: s.blocks.flatMap((b) => [...chartsOf(b, tr), b]) }));
}

/** The table ids that get a chart; the coverage table keeps its id in every report that prints it. */
export const COVERAGE_TABLE_ID = 'objective-coverage';
export const TREND_TABLE_ID = 'change-trend';

function chartsOf(b: Block, tr: BuilderText): ChartBlock[] {
  if (b.type === 'status_distribution') return b.total > 0 ? [statusChart(b, tr)] : [];
  if (b.type !== 'table') return [];
  if (b.id === COVERAGE_TABLE_ID) return coverageChart(b);
  if (b.id === TREND_TABLE_ID) return trendCharts(b, tr);
  return [];
}

function statusChart(d: StatusDistributionBlock, tr: BuilderText): ChartBlock {
  return {
    type: 'chart', id: `${d.id}-chart`, chart: 'bar', title: d.caption, tableId: d.id, tableCaption: d.caption,
    categoryAxis: tr.t('colStatus'), valueAxis: tr.t('pledges'), format: 'integer',
    categories: d.entries.map((e) => ({ key: e.status, label: e.label })),
    series: [{ column: 'count', label: tr.t('pledges'), values: d.entries.map((e) => e.count) }],
  };
}

/** A column of a table as a series; null unless the cell is a number. */
function columnSeries(t: TableBlock, column: string): ChartSeries | null {
  const c = t.columns.find((x) => x.key === column);
  if (!c) return null;
  return { column, label: c.label, values: t.rows.map((r) => (typeof r[column] === 'number' ? r[column] as number : null)) };
}

const label = (t: TableBlock, column: string) => t.columns.find((c) => c.key === column)?.label ?? column;
const hasValue = (s: ChartSeries) => s.values.some((v) => v !== null);

function tableChart(
  t: TableBlock, id: string, chart: ChartBlock['chart'], title: string, categoryColumn: string, valueAxis: string,
  format: ChartBlock['format'], series: ChartSeries[],
): ChartBlock {
  return {
    type: 'chart', id, chart, title, tableId: t.id, tableCaption: t.caption, categoryAxis: label(t, categoryColumn), valueAxis, format,
    categories: t.rows.map((r) => ({ key: String(r[categoryColumn]), label: String(r[categoryColumn]) })),
    series,
  };
}

/** One bar per objective: the share of reporting States that reported on it (none when no State reported). */
function coverageChart(t: TableBlock): ChartBlock[] {
  const share = columnSeries(t, 'share');
  if (!share || !hasValue(share) || t.rows.length === 0) return [];
  return [tableChart(t, `${t.id}-chart`, 'bar', t.caption, 'objective', label(t, 'share'), 'percent', [share])];
}

/** A span's trend: the reporting rates as lines, and the status transitions stacked, cycle by cycle. */
function trendCharts(t: TableBlock, tr: BuilderText): ChartBlock[] {
  if (t.rows.length < 2) return [];
  const rates = ['reportingRate', 'pledgesReported'].map((c) => columnSeries(t, c)).filter((s): s is ChartSeries => s !== null && hasValue(s));
  const moves = ['newlyAchieved', 'newlyDelayed', 'newlyDiscontinued'].map((c) => columnSeries(t, c)).filter((s): s is ChartSeries => s !== null);
  const out: ChartBlock[] = [];
  if (rates.length > 0) out.push(tableChart(t, `${t.id}-chart-rates`, 'line', tr.t('chartRatesTitle'), 'cycle', tr.t('chartAxisShare'), 'percent', rates));
  if (moves.some(hasValue)) {
    out.push(tableChart(t, `${t.id}-chart-transitions`, 'stacked_bar', tr.t('chartTransitionsTitle'), 'cycle', tr.t('pledges'), 'integer', moves));
  }
  return out;
}
