import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, localeDirection, type Locale } from '@gcm/platform/pure';
import { expandAst, isCompiledMessage, messageLocale, type CompiledCatalogue, type CompiledMessage } from './compiled';
import type { en } from './en';
import type { Icu } from './icu';

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

/** The argument order of each message function in `t` (a caller holding named values, such as a plausibility warning, needs it). */
const paramsOf = new WeakMap<object, readonly string[]>();

/** The names `message` (a function of `t`) takes its arguments by, in order; `[]` for a plain string. */
export function messageParams(message: unknown): readonly string[] {
  return (typeof message === 'function' && paramsOf.get(message)) || [];
}

function formatter(message: Exclude<CompiledMessage, string>, locale: Locale, textsIn: Locale): (...args: Arg[]) => string {
  const [params, ast] = message;
  const lang = messageLocale(message, textsIn);
  let format: IntlMessageFormat | undefined;
  const fn = (...args: Arg[]) => {
    format ??= new IntlMessageFormat(expandAst(ast), lang);
    const text = format.format(values(locale, params, args) as Record<string, string | number>);
    return Array.isArray(text) ? text.join('') : String(text);
  };
  paramsOf.set(fn, params);
  return fn;
}

/** Writes the messages of `catalogue` into `target`, keeping the identity of every nested object (modules may hold one). */
function fill(target: Record<string, unknown>, catalogue: CompiledCatalogue, locale: Locale, textsIn: Locale): void {
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') target[key] = value;
    else if (isCompiledMessage(value)) target[key] = formatter(value, locale, textsIn);
    else fill((target[key] ??= {}) as Record<string, unknown>, value, locale, textsIn);
  }
}

/** The one message object every component reads (`t.nav.pledges`, `t.common.pageOf(1, 3)`); filled by `setLocale` before the app's modules run. */
export const t = {} as Messages;

/**
 * Makes `locale` the interface language, with its compiled catalogue (the
 * whole interface, a missing translation already replaced by English at
 * build time: apps/web/build/compile-catalogue.ts). `textsIn` is the
 * language the catalogue is written in, for its plural rules: English when
 * the page's own catalogue could not be fetched.
 */
export function setLocale(locale: Locale, catalogue: CompiledCatalogue, textsIn: Locale = locale): void {
  fill(t as unknown as Record<string, unknown>, catalogue, locale, textsIn);
  Object.assign(t, { lang: locale, locale: INTL_LOCALE[locale], dir: localeDirection(locale) });
}
