import { isUtf8 } from 'node:buffer';
import type { FieldError } from '../errors/domain-error';

/**
 * The edge check every value a client sends passes before validation, the
 * services or PostgreSQL see it. Each refusal here used to be a 500 further
 * in: class-transformer and class-validator recurse without a bound (a body
 * nested a few thousand levels deep ran out of stack), PostgreSQL refuses
 * NUL in text, validators throw on lone UTF-16 surrogates, and keys such as
 * `__proto__` reach object spreads and merges.
 */
export const MAX_INPUT_DEPTH = 32;
const MAX_REPORTED = 20;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be accepted as text, or null. */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(s)) return 'must be well-formed Unicode (it contains a lone surrogate)';
  return null;
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * Every problem in a parsed value (a JSON body, a parsed query, path
 * parameters), each naming its field as the validation pipe does
 * (`indicators.0.unit`). Walks iteratively and stops descending at the depth
 * bound, so no input can exhaust the stack here either.
 */
export function inspectInput(value: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => {
    if (errors.length < MAX_REPORTED) errors.push({ field: field || 'body', messages: [message] });
  };
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) add(path, `${path || 'value'} ${problem}`);
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      add(path, `${path || 'body'} is nested deeper than ${MAX_INPUT_DEPTH} levels`);
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, i), depth + 1]);
      continue;
    }
    // Pushed last-first so that fields are reported in the order the client wrote them.
    for (const key of Object.keys(v).reverse()) {
      const field = join(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        add(field, `property ${key} is not allowed`);
        continue;
      }
      const problem = textProblem(key);
      if (problem) {
        add(path, `a property name ${problem}`);
        continue;
      }
      stack.push([(v as Record<string, unknown>)[key], field, depth + 1]);
    }
  }
  return errors;
}

/** Percent-decodes to bytes (never throws, unlike decodeURIComponent), so malformed UTF-8 can be told from text. */
export function percentDecodedBytes(s: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      bytes.push(...Buffer.from(s[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** Problems in the raw query string: malformed UTF-8 escapes, NUL, and forbidden keys, per parameter. */
export function inspectRawQuery(rawQuery: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = (eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' ');
    const rawValue = (eq < 0 ? '' : pair.slice(eq + 1)).replace(/\+/g, ' ');
    const keyBytes = percentDecodedBytes(rawKey);
    const key = isUtf8(keyBytes) ? keyBytes.toString('utf8').split('\u0000').join('') || 'query' : 'query';
    for (const bytes of [keyBytes, percentDecodedBytes(rawValue)]) {
      if (!isUtf8(bytes)) errors.push({ field: key, messages: [`${key} must be UTF-8 text (malformed percent-encoding)`] });
      else if (bytes.includes(0)) errors.push({ field: key, messages: [`${key} must not contain NUL characters`] });
    }
    if (errors.length >= MAX_REPORTED) break;
  }
  return errors;
}
