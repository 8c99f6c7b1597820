import { formatMessageIn, LOCALES, localeDirection, SOURCE_LOCALE, type Locale, type MessageCatalogue } from '@gcm/platform/pure';
import { en } from './en';
import { isIcu, type Icu } from './icu';

export { LOCALES, localeDirection, type Locale };

/** What a message argument may be: a list is joined the locale's way (“1, 2 and 3”); `null` selects the `null {…}` case. */
export type Arg = string | number | null | undefined | readonly (string | number)[];

type Built<T> = T extends string
  ? string
  : T extends Icu<infer P>
    ? (...args: { [K in keyof P]: Arg }) => string
    : { [K in keyof T]: Built<T[K]> };

/** Every user-facing string of the web app in the current language, shaped like the English catalogue (en.ts). */
export type Messages = Built<typeof en> & {
  /** The interface language (the URL's prefix). */
  lang: Locale;
  /** The locale for Intl (numbers, dates, country names). */
  locale: string;
  dir: 'ltr' | 'rtl';
};

/** The locale Intl formats with: Simplified Chinese as the UN writes it, British English as the catalogue does. */
export const INTL_LOCALE: Record<Locale, string> = { ar: 'ar', zh: 'zh-Hans', en: 'en-GB', fr: 'fr', ru: 'ru', es: 'es' };

/** The name of each language in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español',
};

/** A nested catalogue flattened to `a.b.c` → ICU text (the shape translations are kept and checked in). */
export function flatten(tree: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else if (isIcu(value)) out[path] = value.icu;
    else if (value && typeof value === 'object') Object.assign(out, flatten(value, path));
  }
  return out;
}

export const english = flatten(en);

/**
 * In a right-to-left language every text argument (a pledge reference, a name,
 * a code) is wrapped in Unicode first-strong isolates (FSI … PDI), so a Latin
 * `GCM-P-2026-00042` or an English organisation name keeps its own order inside
 * the Arabic sentence instead of reordering its neighbours.
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

function values(locale: Locale, params: readonly string[], args: readonly Arg[]): Record<string, unknown> {
  const rtl = localeDirection(locale) === 'rtl';
  const out: Record<string, unknown> = {};
  params.forEach((name, i) => {
    const arg = args[i];
    const value = Array.isArray(arg) ? new Intl.ListFormat(INTL_LOCALE[locale], { type: 'conjunction' }).format(arg.map(String)) : (arg ?? null);
    out[name] = rtl && typeof value === 'string' && value !== 'null' ? isolate(value) : value;
  });
  return out;
}

/** Writes the messages of `locale` into `target`, keeping the identity of every nested object (modules may hold one). */
function fill(target: Record<string, unknown>, source: object, catalogue: MessageCatalogue, locale: Locale, prefix: string): void {
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') target[key] = formatMessageIn(catalogue, locale, path).text;
    else if (isIcu(value)) target[key] = (...args: Arg[]) => formatMessageIn(catalogue, locale, path, values(locale, value.params, args)).text;
    else if (value && typeof value === 'object') {
      const child = (target[key] ??= {}) as Record<string, unknown>;
      fill(child, value, catalogue, locale, path);
    }
  }
}

/** The one message object every component reads (`t.nav.pledges`, `t.common.pageOf(1, 3)`). */
export const t = {} as Messages;

/**
 * Makes `locale` the interface language, with its translated catalogue (flat
 * `key → ICU`); a key it lacks falls back to English (the parity test keeps
 * that from happening in a shipped language).
 */
export function setLocale(locale: Locale, translated: Record<string, string> = {}): void {
  const empty = Object.fromEntries(LOCALES.map((l) => [l, {}])) as unknown as MessageCatalogue;
  const catalogue = { ...empty, en: english, [locale]: locale === SOURCE_LOCALE ? english : translated } as MessageCatalogue;
  fill(t as unknown as Record<string, unknown>, en, catalogue, locale, '');
  Object.assign(t, { lang: locale, locale: INTL_LOCALE[locale], dir: localeDirection(locale) });
}

setLocale(SOURCE_LOCALE);
