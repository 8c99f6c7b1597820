export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (v: unknown): v is { id: string }[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && typeof x.id === 'string');

/**
 * Flattens a snapshot into `path → value`. Objects recurse; lists of records
 * with an `id` (indicators) are keyed by id so a reorder is not a change of
 * every row; other lists are compared whole, as a reader would read them.
 */
function flatten(value: unknown, path: string, out: Map<string, unknown>): void {
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else if (hasIds(value)) {
    for (const { id, ...rest } of value) flatten(rest, `${path}[${id}]`, out);
  } else {
    out.set(path, value ?? null);
  }
}

/** Field-level differences between two snapshots, in field order of `b` then fields only in `a`. */
export function diffSnapshots(a: unknown, b: unknown): FieldChange[] {
  const before = new Map<string, unknown>();
  const after = new Map<string, unknown>();
  flatten(a, '', before);
  flatten(b, '', after);
  const fields = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  return fields
    .filter((f) => JSON.stringify(before.get(f) ?? null) !== JSON.stringify(after.get(f) ?? null))
    .map((field) => ({ field, before: before.get(field) ?? null, after: after.get(field) ?? null }));
}
