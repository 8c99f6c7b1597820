import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

/**
 * Every response the e2e tests receive through `createTestApp().http` is held
 * against the committed openapi.json: the operation is found by method and
 * path template, the status must be documented, the content type declared,
 * and a JSON body must match the schema of that status. Objects may carry no
 * property the spec does not name, so a column added to a SQL view (or one
 * renamed) fails the test that reads it until the DTO says so.
 */
type Schema = Record<string, unknown>;
interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const SPEC_PATH = join(__dirname, '..', '..', 'openapi.json');

/** OpenAPI 3.0 to JSON Schema as ajv reads it: `nullable` as a null alternative, closed objects. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'properties' ? mapValues(v as Schema) : toJsonSchema(v);
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined && !out.allOf) out.additionalProperties = false;
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

function mapValues(props: Schema): Schema {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, toJsonSchema(v)]));
}

class Contract {
  private readonly operations: Operation[];
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(spec: { paths: Record<string, Record<string, Operation['responses'] | unknown>>; components: unknown }) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'openapi', components: toJsonSchema(spec.components) });
    this.operations = Object.entries(spec.paths).flatMap(([template, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method,
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
        responses: (op as { responses: Operation['responses'] }).responses,
      })),
    );
    // A literal segment wins over a parameter, as in the router (`/pledges/export.csv` before `/pledges/{id}`).
    this.operations.sort((a, b) => a.params - b.params);
  }

  /** Undefined when the response agrees with the spec; otherwise what is wrong. */
  check(method: string, url: string, res: Response): string | undefined {
    const path = new URL(url, 'http://x').pathname;
    const op = this.operations.find((o) => o.method === method.toLowerCase() && o.pattern.test(path));
    if (!op) return undefined; // not an API operation (web files, the queue monitor's pages)
    const where = `${method.toUpperCase()} ${path} (${op.template}) → ${res.status}`;
    const status = String(res.status);
    const documented = op.responses[status] ?? op.responses[`${status[0]}XX`] ?? op.responses.default;
    if (!documented) return `${where}: status not documented in openapi.json (documented: ${Object.keys(op.responses).join(', ')})`;
    const type = String(res.headers['content-type'] ?? '').split(';')[0].trim();
    if (!type || res.status === 304 || method.toUpperCase() === 'HEAD') return undefined;
    const content = documented.content ?? {};
    const media = content[type] ?? Object.entries(content).find(([k]) => k.split(';')[0].trim() === type)?.[1] ?? content['*/*'];
    if (!media) return `${where}: content type ${type} not declared (declared: ${Object.keys(content).join(', ') || 'none'})`;
    // A file that happens to be JSON (a report's JSON edition) is a download, not a body to validate.
    if (type !== 'application/json' || !media.schema || media.schema.format === 'binary') return undefined;
    const validate = this.validator(op, status, type, media.schema);
    if (validate(res.body)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 8).map((e) => `  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    return `${where}: body does not match its schema in openapi.json\n${errors.join('\n')}`;
  }

  private validator(op: Operation, status: string, type: string, schema: Schema): ValidateFunction {
    const key = `${op.method} ${op.template} ${status} ${type}`;
    let fn = this.compiled.get(key);
    if (!fn) {
      // Refs are `#/components/...`: resolve them against the registered components document.
      const text = JSON.stringify(toJsonSchema(schema)).replace(/"#\/components\//g, '"openapi#/components/');
      fn = this.ajv.compile(JSON.parse(text) as Schema);
      this.compiled.set(key, fn);
    }
    return fn;
  }
}

let contract: Contract | undefined;

export function apiContract(): Contract {
  contract ??= new Contract(JSON.parse(readFileSync(SPEC_PATH, 'utf8')));
  return contract;
}
