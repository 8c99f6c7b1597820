/**
 * Generated malformed requests for one OpenAPI operation: a bounded, fixed
 * set per operation (no randomness, so a failure names a case that can be
 * replayed), built from the served description's parameters and body schema.
 */
export interface Operation {
  method: string;
  path: string;
  params: { in: string; name: string }[];
  body?: { type: string; schema: Schema };
}

export interface MalformedCase {
  name: string;
  url: string;
  headers?: Record<string, string>;
  contentType?: string;
  body?: string | Buffer;
}

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
}

type Doc = { paths: Record<string, Record<string, Record<string, unknown>>>; components?: { schemas?: Record<string, Schema> } };

export function operationsOf(doc: Doc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content ?? {};
      const [type] = Object.keys(content);
      ops.push({
        method: method.toUpperCase(),
        path,
        params: ((op.parameters as { in: string; name: string }[] | undefined) ?? []).map((p) => ({ in: p.in, name: p.name })),
        body: type ? { type, schema: content[type].schema } : undefined,
      });
    }
  }
  return ops;
}

/** A plausible value for a schema: what a client would send, so that one mutated field is what makes it malformed. */
export function sampleOf(doc: Doc, schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return 'sample';
  if (schema.$ref) return sampleOf(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!], depth + 1);
  const first = schema.allOf?.[0] ?? schema.oneOf?.[0];
  if (first) return sampleOf(doc, first, depth + 1);
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'integer': case 'number': return 1;
    case 'boolean': return true;
    case 'array': return [sampleOf(doc, schema.items, depth + 1)];
    case 'string':
      return schema.format === 'email' ? 'someone@example.org' : schema.format === 'date' ? '2026-01-01' : 'sample';
    default:
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, sampleOf(doc, s, depth + 1)]));
  }
}

const nested = (levels: number, open: string, close: string, inner = '1') => `${open.repeat(levels)}${inner}${close.repeat(levels)}`;
/** Raw JSON texts, so values JSON.stringify cannot write (1e400, lone surrogates as escapes) reach the parser. */
const BAD_VALUES: [string, string][] = [
  ['NUL', '"a\\u0000b"'], ['lone surrogate', '"x\\ud800y"'], ['lone low surrogate', '"\\udc00"'],
  ['nested arrays', '[[[]]]'], ['deep object', nested(200, '{"a":', '}')], ['huge number', '1e400'],
  ['2^64', '18446744073709551616'], ['operator object', '{"$gt":""}'], ['wrong type', 'false'],
];

/** The body with the value at `path` (dotted, array indexes as numbers) replaced by a raw JSON text. */
function withValue(base: Record<string, unknown>, path: string, rawValue: string): string {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = (at[k] ?? (at[k] = {})) as Record<string, unknown>;
  at[keys[keys.length - 1]] = '__FUZZ_MARKER__';
  return JSON.stringify(copy).replace('"__FUZZ_MARKER__"', rawValue);
}

/** Where to put bad values: e-mail-like and text leaves anywhere first (what reaches validators and SQL), then every top-level field. */
function targetsOf(base: Record<string, unknown>, max: number): string[] {
  const leaves: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string' && path.includes('.')) leaves.push(path);
    else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, path ? `${path}.${k}` : k);
  };
  walk(base, '');
  const emails = leaves.filter((l) => /mail/i.test(l));
  return [...new Set([...emails.slice(0, 2), ...Object.keys(base), ...leaves])].slice(0, max);
}

export function malformedCases(
  doc: Doc,
  op: Operation,
  pathValues: (op: Operation, name: string) => string,
  validBody: Record<string, unknown> = {},
): MalformedCase[] {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query').map((p) => p.name);
  const fill = (override?: [string, string]) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => (override && override[0] === name ? override[1] : encodeURIComponent(pathValues(op, name))));
  const url = fill();
  const cases: MalformedCase[] = [
    { name: 'unknown query parameter', url: `${url}?unknownParam=1` },
    { name: '__proto__ query key', url: `${url}?__proto__=1` },
    { name: 'constructor query key', url: `${url}?constructor[prototype]=1` },
  ];
  for (const q of queryParams.slice(0, 3)) {
    cases.push(
      { name: `NUL in ?${q}`, url: `${url}?${q}=a%00b` },
      { name: `malformed UTF-8 in ?${q}`, url: `${url}?${q}=%FF%FE` },
      { name: `UTF-8-encoded surrogate in ?${q}`, url: `${url}?${q}=%ED%A0%80` },
      { name: `repeated ?${q}`, url: `${url}?${q}=1&${q}=2` },
    );
  }
  if (queryParams.includes('limit')) cases.push({ name: 'huge ?limit', url: `${url}?limit=1e400` }, { name: 'negative ?limit', url: `${url}?limit=-5` });
  for (const p of pathParams.slice(0, 3)) {
    for (const [label, raw] of [
      ['NUL', 'a%00b'], ['malformed UTF-8', '%FF%FE'], ['surrogate', '%ED%A0%80'], ['overlong', 'x'.repeat(3000)],
      ['huge number', '99999999999999999999'], ['negative', '-1'], ['traversal', '..%2F..%2Fetc'],
    ] as const) cases.push({ name: `${label} in {${p.name}}`, url: fill([p.name, raw]) });
  }
  cases.push({ name: 'non-ASCII If-Match', url, headers: { 'If-Match': '"1"\u00e9' } });
  if (op.method === 'GET') return cases;

  const json = 'application/json';
  const sample = op.body?.type === json ? sampleOf(doc, op.body.schema) : {};
  const base = { ...(sample && typeof sample === 'object' && !Array.isArray(sample) ? sample : {}), ...validBody } as Record<string, unknown>;
  cases.push(
    { name: 'nested 5,000 deep', url, contentType: json, body: nested(5000, '[', ']') },
    { name: 'object nested 100 deep', url, contentType: json, body: nested(100, '{"a":', '}') },
    { name: '__proto__ key', url, contentType: json, body: '{"__proto__":{"polluted":true}}' },
    { name: 'constructor.prototype keys', url, contentType: json, body: '{"constructor":{"prototype":{"polluted":true}}}' },
    { name: 'array body', url, contentType: json, body: '[[[]]]' },
    { name: 'malformed JSON', url, contentType: json, body: '{"a":' },
    { name: 'invalid UTF-8 bytes', url, contentType: json, body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    { name: 'text/plain body', url, contentType: 'text/plain', body: 'hello' },
    { name: 'XML body', url, contentType: 'application/xml', body: '<a>1</a>' },
    { name: 'unknown body field', url, contentType: json, body: JSON.stringify({ ...base, unknownField: 1 }) },
  );
  if (op.body?.type !== 'multipart/form-data') {
    cases.push({ name: 'multipart body', url, contentType: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n' });
  } else {
    const part = (v: string) => `--x\r\nContent-Disposition: form-data; name="title"\r\n\r\n${v}\r\n--x--\r\n`;
    cases.push({ name: 'NUL in a multipart field', url, contentType: 'multipart/form-data; boundary=x', body: part('a\u0000b') });
  }
  targetsOf(base, 11).forEach((field, i) => {
    // Every target gets NUL and a lone surrogate; objects and lists get nested arrays (`"indicators": [[[]]]`), the
    // rest a rotating bad value, so an operation stays under fifty requests.
    const structured = typeof base[field] === 'object' && base[field] !== null;
    const picks = [BAD_VALUES[0], BAD_VALUES[1], structured ? BAD_VALUES[3] : BAD_VALUES[2 + (i % (BAD_VALUES.length - 2))]];
    for (const [label, raw] of picks) cases.push({ name: `${label} in ${field}`, url, contentType: json, body: withValue(base, field, raw) });
  });
  return cases;
}
