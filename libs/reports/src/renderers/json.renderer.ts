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
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v, `${path}[${i}]`)).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`${path}: only plain objects are allowed`);
      const keys = Object.keys(value).sort();
      const obj = value as Record<string, unknown>;
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k], `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`${path}: ${typeof value} has no JSON form`);
  }
}

export function renderJson(doc: ReportDocument): Buffer {
  return Buffer.from(canonicalJson(doc), 'utf8');
}

/** SHA-256 (hex) of rendered bytes: identifies a report version. */
export function contentHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
