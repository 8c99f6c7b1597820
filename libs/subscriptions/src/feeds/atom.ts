import type { Publication } from '../publications.service';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** XML text: escaped, and stripped of the characters XML 1.0 cannot carry. */
export function xmlText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export interface FeedMeta {
  /** Stable id of the feed (a URN built from its filter). */
  id: string;
  title: string;
  /** Absolute URL of the feed itself, and of the site. */
  self: string;
  site: string;
}

/** An Atom 1.0 document (RFC 4287) of publications, newest first. */
export function atomFeed(meta: FeedMeta, entries: Publication[]): string {
  const updated = entries[0]?.occurredAt ?? new Date(0).toISOString();
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(meta.id)}</id>`,
    `  <title>${xmlText(meta.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(meta.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(meta.site)}"/>`,
    '  <author><name>GCM Tracker</name></author>',
  ];
  for (const e of entries) {
    lines.push(
      '  <entry>',
      `    <id>urn:gcm-tracker:publication:${xmlText(e.id)}</id>`,
      `    <title>${xmlText(e.title)}</title>`,
      `    <updated>${e.occurredAt}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(new URL(e.path, meta.site).toString())}"/>`,
      `    <category term="${xmlText(e.kind)}"/>`,
      ...e.countries.map((c) => `    <category scheme="urn:iso:std:iso:3166" term="${xmlText(c)}"/>`),
      ...e.objectives.map((n) => `    <category scheme="urn:gcm:objective" term="${n}"/>`),
      ...e.themes.map((n) => `    <category scheme="urn:gcm:theme" term="${n}"/>`),
      `    <summary>${xmlText(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
