import { ReportDocument } from '../model/document.types';
import { ReportInput, ReportKind } from '../model/report-kind.types';
import { buildImrfSummary } from './imrf-summary.builder';
import { buildObjectiveReport } from './objective.builder';
import { buildRegionReport } from './region.builder';
import { buildRoundTableReport } from './round-table.builder';
import { buildStateReport } from './state.builder';
import { buildThemeReport } from './theme.builder';

const BUILDERS: { [K in ReportKind]: (input: ReportInput<K>) => ReportDocument } = {
  state: buildStateReport,
  objective: buildObjectiveReport,
  theme: buildThemeReport,
  region: buildRegionReport,
  round_table: buildRoundTableReport,
  imrf_summary: buildImrfSummary,
};

/** Pure: the same input always gives an equal document. Throws ReportInputError on a scope the data lacks. */
export function buildReport<K extends ReportKind>(kind: K, input: ReportInput<K>): ReportDocument {
  const builder = BUILDERS[kind] as (input: ReportInput<K>) => ReportDocument;
  if (!builder) throw new TypeError(`unknown report kind ${String(kind)}`);
  return builder(input);
}
