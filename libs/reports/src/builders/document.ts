import { DOCUMENT_SCHEMA_VERSION, ReportDocument, Section } from '../model/document.types';
import { CycleInput } from '../model/report-input.types';
import { ReportInput, ReportKind } from '../model/report-kind.types';
import { builderText } from '../i18n/builder-text';
import { withCharts } from './charts';
import { absoluteHref } from './figure-links';
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
    sections: withCharts(sections, builderText(input.language, input.catalogue)).map((s) => withAbsoluteLinks(s, input.publicUrl)),
  };
}

/** Figure links made absolute against the public base URL, so a downloaded edition's links still resolve. */
function withAbsoluteLinks(section: Section, publicUrl: string | undefined): Section {
  if (!publicUrl) return section;
  return {
    ...section,
    blocks: section.blocks.map((b) => {
      if (b.type === 'table' && b.links) {
        return { ...b, links: b.links.map((l) => Object.fromEntries(Object.entries(l).map(([k, href]) => [k, absoluteHref(href, publicUrl)]))) };
      }
      if (b.type === 'key_figures' && b.items.some((f) => f.href)) {
        return { ...b, items: b.items.map((f) => (f.href ? { ...f, href: absoluteHref(f.href, publicUrl) } : f)) };
      }
      if (b.type === 'status_distribution' && b.href) {
        return { ...b, href: absoluteHref(b.href, publicUrl), entries: b.entries.map((e) => (e.href ? { ...e, href: absoluteHref(e.href, publicUrl) } : e)) };
      }
      return b;
    }),
  };
}
