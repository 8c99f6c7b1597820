import { formatMessage, type Locale } from '@gcm/platform/pure';
import { REPORT_MESSAGES } from '../i18n/report-messages';

export const CITATION_PUBLISHER = 'GCM Tracker';

export interface CitableVersion {
  id: string;
  kind: string;
  scope: string;
  cycleKey: string;
  language: Locale;
  number: number;
  title: string;
  publishedAt: Date | string | null;
  createdAt: Date | string;
  snapshotId: string;
  dataAsOf: string;
}

/** The stable address of an edition: by report, cycles, language and number, never by a row id that a rebuild could change. */
export function permanentPath(v: Pick<CitableVersion, 'kind' | 'scope' | 'cycleKey' | 'language' | 'number'>): string {
  return `/api/v1/reports/editions/${encodeURIComponent(v.kind)}/${encodeURIComponent(v.scope)}/${encodeURIComponent(v.cycleKey)}/${v.language}/${v.number}`;
}

/**
 * "Cite this" for one edition: a sentence in the edition's language, CSL-JSON
 * (the item schema citation processors such as citeproc read: `type`
 * `report`, `issued` as date-parts) and a BibTeX `@techreport`. The snapshot
 * is named in each, so a citation pins the data it quotes.
 */
export function citationOf(v: CitableVersion, baseUrl: string) {
  const url = `${baseUrl}${permanentPath(v)}`;
  const issued = new Date(v.publishedAt ?? v.createdAt);
  const parts = [issued.getUTCFullYear(), issued.getUTCMonth() + 1, issued.getUTCDate()];
  const note = `Data as of ${v.dataAsOf}; snapshot ${v.snapshotId}`;
  const citation = formatMessage(REPORT_MESSAGES, v.language, 'citation', {
    publisher: CITATION_PUBLISHER, year: String(parts[0]), title: v.title, number: String(v.number), takenAt: v.dataAsOf, snapshot: v.snapshotId, url,
  });
  const key = `gcm-${v.kind}-${v.scope}-${v.cycleKey}-${v.language}-v${v.number}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const csl = {
    id: key,
    type: 'report' as const,
    title: v.title,
    author: [{ literal: CITATION_PUBLISHER }],
    publisher: CITATION_PUBLISHER,
    issued: { 'date-parts': [parts] },
    version: String(v.number),
    language: v.language,
    URL: url,
    note,
  };
  const bibtex = [
    `@techreport{${key},`,
    `  title = {${bibEscape(v.title)}},`,
    `  author = {{${CITATION_PUBLISHER}}},`,
    `  institution = {${CITATION_PUBLISHER}},`,
    `  year = {${parts[0]}},`,
    `  month = {${parts[1]}},`,
    `  number = {${v.number}},`,
    `  language = {${v.language}},`,
    `  url = {${url}},`,
    `  note = {${bibEscape(note)}}`,
    '}',
  ].join('\n');
  return { versionId: v.id, permanentUrl: url, snapshotId: v.snapshotId, dataAsOf: v.dataAsOf, citation, csl, bibtex };
}

/** BibTeX's special characters, escaped so a title cannot close a field or start a command. */
function bibEscape(text: string): string {
  return text.replace(/[\\{}]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`)).replace(/[&%$#_]/g, (c) => `\\${c}`).replace(/[~^]/g, (c) => `\\${c}{}`);
}
