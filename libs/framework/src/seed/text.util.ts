/**
 * Text helpers shared by the seed parsers. The source documents were extracted
 * from PDFs and Markdown exports, so every parser must cope with the same
 * artefacts: CRLF line endings, a byte-order mark, `[label](#)` link stubs whose
 * targets were lost, backslash-escaped punctuation and ragged whitespace.
 */

/** Markers a top-level bullet and a nested (indented) bullet start with. */
export const TOP_BULLET = /^-\s+/;
export const SUB_BULLET = /^[ \t]+-\s+/;

/**
 * Splits a document into lines with CRLF/CR normalised away, so that regexes
 * anchored with `$` behave identically on files saved on Windows.
 */
export function toLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

/**
 * `[compilation of legal resources](#)` → `compilation of legal resources`.
 * The link label may itself contain escaped brackets or parentheses
 * (`[Interactive Map on Migration \(i-Map\)](#)`), hence the escape-aware label
 * pattern. Real links (`[x](https://…)`) are left alone: their target matters.
 */
export function stripLinkStubs(text: string): string {
  return text.replace(/\[((?:\\.|[^\]\\])*)\]\(#\)/g, '$1');
}

/** Undoes Markdown escaping of punctuation (`\(` → `(`), which the exporter added. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
}

/** Collapses runs of whitespace (including the line breaks of a joined paragraph). */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The one normalisation every stored sentence goes through. Stub stripping runs
 * before unescaping so that an escaped `\]` inside a label cannot close it early.
 * Markers such as `[illegible]` are deliberately kept: they tell an editor that
 * the source itself is damaged, which silently dropping them would hide.
 */
export function cleanText(text: string): string {
  return foldWhitespace(unescapeMarkdown(stripLinkStubs(text)));
}
