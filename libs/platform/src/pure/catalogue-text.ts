import { Locale, SOURCE_LOCALE } from './locales';

/** Where a catalogue text in a response comes from: the English source, or a translation and its standing. */
export type TextSource = 'original' | 'official' | 'unofficial';

/** One row of `catalogue_translation`, as the framework and the dashboards read it. */
export interface TranslationRow {
  entityKind: string;
  code: string;
  field: string;
  locale: string;
  text: string;
  source: 'official' | 'unofficial';
}

export interface Localised {
  text: string;
  lang: Locale;
  source: TextSource;
}

/** A catalogue text in one language: the translation where one exists, else the English given. */
export type TranslationLookup = (kind: string, code: string, field: string, english: string) => Localised;

/**
 * The one lookup of catalogue translations for every response that carries
 * catalogue texts (the framework's catalogue, the dashboards' aggregates):
 * English (the source) answers the English text as `original`.
 */
export function translationLookup(rows: TranslationRow[], locale: Locale): TranslationLookup {
  const byKey = new Map(rows.filter((r) => r.locale === locale).map((r) => [`${r.entityKind}\u0000${r.code}\u0000${r.field}`, r]));
  return (kind, code, field, english) => {
    const row = locale === SOURCE_LOCALE ? undefined : byKey.get(`${kind}\u0000${code}\u0000${field}`);
    return row ? { text: row.text, lang: locale, source: row.source } : { text: english, lang: SOURCE_LOCALE, source: 'original' };
  };
}

/** `title` → `{ title, titleLang, titleSource }`: the text, the language it is in (English when untranslated) and its source. */
export function localisedFields<F extends string>(name: F, t: Localised): Record<F, string> & Record<`${F}Lang`, Locale> & Record<`${F}Source`, TextSource> {
  return { [name]: t.text, [`${name}Lang`]: t.lang, [`${name}Source`]: t.source } as Record<F, string> & Record<`${F}Lang`, Locale> & Record<`${F}Source`, TextSource>;
}
