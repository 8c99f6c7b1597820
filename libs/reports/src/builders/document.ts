import { DOCUMENT_SCHEMA_VERSION, ReportDocument, Section } from '../model/document.types';
import { CycleInput } from '../model/report-input.types';
import { ReportInput, ReportKind } from '../model/report-kind.types';
import { builderText } from '../i18n/builder-text';
import { withCharts } from './charts';
import { reportParameters } from './shared-sections';

/** Assembles the document, with the charts of its tables (see withCharts); metadata is copied from the input, never from the clock. */
export function documentOf<K extends ReportKind>(
  input: ReportInput<K>, kind: K, title: string, subtitle: string | null, cycles: CycleInput[], sections: Section[],
): ReportDocument {
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    kind,
    title,
    subtitle,
    metadata: {
      scope: input.scope,
      cycles: cycles.map(({ code, periodStart, periodEnd, deadline, closedAt }) => ({ code, periodStart, periodEnd, deadline, closedAt })),
      snapshot: { ...input.snapshot },
      parameters: { ...reportParameters(input) },
      language: input.language ?? 'en',
    },
    sections: withCharts(sections, builderText(input.language, input.catalogue)),
  };
}
