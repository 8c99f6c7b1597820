/** Reading and writing `indicators.0.unit`-style paths, the same names the API uses in its field errors. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A copy of `obj` with `path` set; arrays stay arrays. */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const container: unknown = obj ?? (/^\d+$/.test(head) ? [] : {});
  const copy = (Array.isArray(container) ? [...container] : { ...(container as object) }) as Record<string, unknown>;
  copy[head] = rest.length ? setPath(copy[head], rest.join('.'), value) : value;
  return copy as T;
}

/** An element id for a field path (ids with dots would need escaping in selectors). */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
