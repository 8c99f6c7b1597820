import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { CompactAst, CompiledCatalogue, CompiledMessage } from '../src/i18n/compiled';
import { isIcu } from '../src/i18n/icu';

/**
 * The build-time half of the web's messages: a language's ICU texts parsed
 * into formatjs ASTs, so the browser formats them with intl-messageformat and
 * ships no parser (vite.config.ts aliases it to `no-parser`).
 *
 * `english` is the English catalogue (i18n/en.ts, the shape and the argument
 * order); `translated` the language's nested JSON (i18n/messages/xx.json), or
 * `undefined` for English itself. The result has English's shape; a leaf is
 * the final text when the message has no argument, otherwise
 * `[argument order, AST]`, with `'en'` third when the key is missing in the
 * language and the English message stands in (formatted with English plural
 * rules, as before): the fallback is decided here, so a page downloads one
 * catalogue only.
 */
export function compileCatalogue(english: object, translated: object | undefined): CompiledCatalogue {
  const out: CompiledCatalogue = {};
  for (const [key, value] of Object.entries(english)) {
    const own = translated ? (translated as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' || isIcu(value)) {
      const source = typeof value === 'string' ? value : value.icu;
      const params = typeof value === 'string' ? [] : [...value.params];
      out[key] = typeof own === 'string' || !translated ? compileMessage(typeof own === 'string' ? own : source, params) : compileMessage(source, params, 'en');
    } else if (value && typeof value === 'object') {
      out[key] = compileCatalogue(value, translated ? (own && typeof own === 'object' ? own : {}) : undefined);
    }
  }
  return out;
}

/** One message: its text if it is only text (escapes like `''` resolved by the parser), else its AST. */
export function compileMessage(source: string, params: string[], fallback?: 'en'): CompiledMessage {
  const ast = parse(source);
  if (ast.every((el) => el.type === TYPE.literal)) {
    const text = ast.map((el) => (el as { value: string }).value).join('');
    // A fallback without arguments is English text, the same whatever the plural rules.
    return text;
  }
  return fallback ? [params, compact(ast), fallback] : [params, compact(ast)];
}

/** The AST as the chunk carries it (compiled.ts `expandAst` undoes it): literals as bare text, no source locations. */
export function compact(elements: MessageFormatElement[]): CompactAst {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return el.value;
    const { location: _location, ...rest } = el;
    if (!('options' in rest)) return rest as MessageFormatElement;
    const options = Object.fromEntries(Object.entries(rest.options).map(([k, o]) => [k, { value: compact(o.value) }]));
    return { ...rest, options } as unknown as MessageFormatElement;
  });
}
