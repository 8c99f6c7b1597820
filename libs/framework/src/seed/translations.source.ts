import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLocale, SOURCE_LOCALE } from '@gcm/platform/pure';
import { TRANSLATABLE, type TranslationRow } from '../i18n/catalogue-i18n';

export const SHIPPED_TRANSLATIONS_FILE = 'catalogue-translations.json';

interface ShippedFile {
  source: 'unofficial';
  entries: { kind: string; code: string; field: string; text: Record<string, string> }[];
}

/**
 * The unofficial translations that ship with the platform (seeds/sources),
 * checked: each names a translatable field of the catalogue and one of the
 * five languages besides English. Absent file: none.
 */
export function loadShippedTranslations(dir: string): TranslationRow[] {
  let raw: string;
  try {
    raw = readFileSync(join(dir, SHIPPED_TRANSLATIONS_FILE), 'utf8');
  } catch {
    return [];
  }
  const file = JSON.parse(raw) as ShippedFile;
  if (file.source !== 'unofficial') throw new Error(`${SHIPPED_TRANSLATIONS_FILE}: shipped translations are unofficial`);
  return file.entries.flatMap((e) => {
    if (!TRANSLATABLE[e.kind]?.includes(e.field)) throw new Error(`${SHIPPED_TRANSLATIONS_FILE}: ${e.kind}.${e.field} is not translatable`);
    return Object.entries(e.text).map(([locale, text]) => {
      if (!isLocale(locale) || locale === SOURCE_LOCALE) throw new Error(`${SHIPPED_TRANSLATIONS_FILE}: unknown language ${locale}`);
      return { entityKind: e.kind, code: e.code, field: e.field, locale, text, source: 'unofficial' as const };
    });
  });
}
