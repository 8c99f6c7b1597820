import { en } from './en';
import { isIcu } from './icu';

/**
 * The catalogues as they are written (English in en*.ts, the others as nested
 * JSON), for the build (apps/web/build/catalogues.ts) and the tests; the
 * browser receives them compiled and never loads this module.
 */
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

/** The English catalogue flattened to `a.b.c` → ICU text (the shape translations are kept and checked in). */
export const english = flatten(en);
