import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { apiContract } from '../helpers/contract';

const root = join(__dirname, '..', '..');
const script = join(root, 'dist', 'apps', 'api', 'src', 'openapi.js');
const web = join(root, 'apps', 'web');

interface Op {
  operationId?: string;
  summary?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; type?: string } }> }>;
}
const spec = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, Op>> };
const operations = Object.entries(spec.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files(full, out);
    else if (/\.(dto|view|entity)\.ts$/.test(name)) out.push(full);
  }
  return out;
}

describe('OpenAPI description', () => {
  it('committed openapi.json matches the one generated from the built API', () => {
    expect(existsSync(script)).toBe(true);
    const out = execFileSync(process.execPath, [script, '--check'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('openapi.json is current');
  });

  it("the web app's generated API types (apps/web/src/api/schema.d.ts) are current with openapi.json", () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gcm-schema-')), 'schema.d.ts');
    execFileSync(process.execPath, [join(web, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), '../../openapi.json', '-o', out], {
      cwd: web,
      stdio: 'pipe',
    });
    const stale = readFileSync(out, 'utf8') !== readFileSync(join(web, 'src', 'api', 'schema.d.ts'), 'utf8');
    if (stale) throw new Error('apps/web/src/api/schema.d.ts is stale: run `npm run openapi` and commit it');
  });

  it('every operation has a summary, a unique operationId, declared security and a typed success response', () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const { name, op } of operations) {
      if (!op.summary) problems.push(`${name}: no summary`);
      if (!op.operationId || ids.has(op.operationId)) problems.push(`${name}: operationId missing or repeated`);
      ids.add(op.operationId ?? '');
      if (!Array.isArray(op.security)) problems.push(`${name}: no security (public routes declare [])`);
      const success = Object.entries(op.responses).filter(([status]) => /^2/.test(status));
      // A browser round trip (single sign-on) answers with redirects only, each documented.
      const redirects = Object.keys(op.responses).some((s) => /^30[1278]$/.test(s));
      if (!success.length && !redirects) problems.push(`${name}: no 2xx response`);
      for (const [status, res] of success) {
        // No body: a 204, a HEAD's answer, or a creation that names what it made in headers only (tus: Location).
        if (status === '204' || name.startsWith('HEAD ') || (!res.content && Object.keys((res as { headers?: object }).headers ?? {}).length > 0)) continue;
        const media = Object.values(res.content ?? {});
        const typed = media.length > 0 && media.every((m) => m.schema && (m.schema.$ref || m.schema.type !== 'object' || 'properties' in m.schema || 'additionalProperties' in m.schema));
        if (!typed) problems.push(`${name} ${status}: no response schema`);
      }
      for (const [status, res] of Object.entries(op.responses).filter(([s]) => /^[45]/.test(s))) {
        if (res.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBodyDto') problems.push(`${name} ${status}: not the ErrorBody`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('no two response or request classes share a name (the spec keys schemas by class name, so one would take the other)', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of files(join(root, 'libs'))) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/^export class (\w+)/gm)) {
        const other = seen.get(name);
        if (other) clashes.push(`${name}: ${other} and ${file}`);
        seen.set(name, file);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('the e2e contract check refuses a body that drifted from the spec, and accepts one that did not', () => {
    const headline = {
      cycle: null, pledges: 3, pledgers: 2, statesPledging: 1, statesReporting: 1, reportingRate: 1, achieved: 0, shareAchieved: 0,
      provenance: { dataAsOf: '2026-06-30T12:00:00.000Z', snapshotId: '7' },
    };
    const res = (status: number, body: unknown, type = 'application/json; charset=utf-8') =>
      ({ status, body, headers: { 'content-type': type } }) as unknown as Response;
    const check = (r: Response, path = '/api/v1/stats/headline?cycle=2026-H1') => apiContract().check('GET', `http://127.0.0.1${path}`, r);
    expect(check(res(200, headline))).toBeUndefined();
    // A column the SQL added but the DTO does not name, a renamed one, a wrong type:
    expect(check(res(200, { ...headline, statesLate: 4 }))).toMatch(/must NOT have additional properties.*statesLate/s);
    const { pledgers: _dropped, ...renamed } = headline;
    expect(check(res(200, { ...renamed, organisations: 2 }))).toMatch(/required property 'pledgers'/);
    expect(check(res(200, { ...headline, pledges: '3' }))).toMatch(/\/pledges must be number/);
    // An undocumented status, an error body without its code, an undeclared media type:
    expect(check(res(500, { statusCode: 500 }))).toMatch(/status not documented/);
    expect(check(res(404, { statusCode: 404, error: 'Not Found', message: 'x' }))).toMatch(/required property 'code'/);
    expect(check(res(200, 'a,b', 'text/csv'))).toMatch(/content type text\/csv not declared/);
    expect(check(res(200, 'a,b', 'text/csv'), '/api/v1/open-data/pledges.csv')).toBeUndefined();
  });
});
