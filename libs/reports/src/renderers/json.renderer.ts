import { createHash } from 'node:crypto';
import { ReportDocument } from '../model/document.types';

/**
 * Canonical JSON in the manner of RFC 8785: object keys sorted by code unit, no
 * insignificant whitespace, numbers as ECMAScript prints them. Values JSON
 * cannot carry faithfully (undefined, NaN, Infinity, functions, class
 * instances such as Date) are refused instead of silently changed, because two
 * different models must never hash alike.
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (err) {
    if (err instanceof NoJsonForm) throw new TypeError(`$${err.path.reverse().join('')}: ${err.reason}`);
    throw err;
  }
}

/** Raised where a value has no JSON form; each enclosing array or object adds its step to the path on the way out. */
class NoJsonForm extends Error {
  readonly path: string[] = [];
  constructor(readonly reason: string) {
    super(reason);
  }
}

const within = (err: unknown, step: string) => {
  if (err instanceof NoJsonForm) err.path.push(step);
  return err;
};

/** Object keys as JSON text: a document repeats few keys many times (row keys, field names). */
const quotedKeys = new Map<string, string>();
function quotedKey(key: string): string {
  let q = quotedKeys.get(key);
  if (q === undefined) {
    if (quotedKeys.size >= 10_000) quotedKeys.clear();
    quotedKeys.set(key, (q = JSON.stringify(key)));
  }
  return q;
}

// Hot: every report's JSON and every version key goes through here, so no per-value path text is built unless a value fails.
function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new NoJsonForm(`${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        let i = 0;
        try {
          for (; i < value.length; i++) out += i === 0 ? write(value[i]) : `,${write(value[i])}`;
        } catch (err) {
          throw within(err, `[${i}]`);
        }
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new NoJsonForm('only plain objects are allowed');
      const keys = Object.keys(value).sort();
      const obj = value as Record<string, unknown>;
      let out = '{';
      let i = 0;
      try {
        for (; i < keys.length; i++) out += `${i === 0 ? '' : ','}${quotedKey(keys[i])}:${write(obj[keys[i]])}`;
      } catch (err) {
        throw within(err, `.${keys[i]}`);
      }
      return `${out}}`;
    }
    default:
      throw new NoJsonForm(`${typeof value} has no JSON form`);
  }
}

export function renderJson(doc: ReportDocument): Buffer {
  return Buffer.from(canonicalJson(doc), 'utf8');
}

/** SHA-256 (hex) of rendered bytes: identifies a report version. */
export function contentHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
