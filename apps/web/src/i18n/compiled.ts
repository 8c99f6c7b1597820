import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Locale } from '@gcm/platform/pure';

/** A formatjs AST with each literal element written as its bare text (`"Pledges"` for `{ type: 0, value: "Pledges" }`): a third of the size. */
export type CompactAst = (string | MessageFormatElement)[];

/**
 * A message as the browser receives it (built by apps/web/build/compile-catalogue.ts):
 * its final text, or the order of its arguments and its pre-parsed ICU AST,
 * with `'en'` when the English message stands in for a missing translation.
 */
export type CompiledMessage = string | [params: string[], ast: CompactAst, fallback?: 'en'];

/** The formatjs AST of a compact one (literal type 0; plural and select options hold nested ASTs). */
export function expandAst(ast: CompactAst): MessageFormatElement[] {
  return ast.map((el) => {
    if (typeof el === 'string') return { type: 0, value: el } as MessageFormatElement;
    if (!('options' in el)) return el;
    const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: expandAst(o.value as CompactAst) }]));
    return { ...el, options } as MessageFormatElement;
  });
}

/** A language's whole catalogue, shaped like the English one (en.ts). */
export interface CompiledCatalogue {
  [key: string]: CompiledMessage | CompiledCatalogue;
}

export function isCompiledMessage(value: CompiledMessage | CompiledCatalogue | undefined): value is CompiledMessage {
  return typeof value === 'string' || Array.isArray(value);
}

/** What a fallback message formats in. */
export function messageLocale(message: Exclude<CompiledMessage, string>, locale: Locale): Locale {
  return message[2] ?? locale;
}
