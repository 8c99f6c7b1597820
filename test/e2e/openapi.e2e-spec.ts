import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const script = join(root, 'dist', 'apps', 'api', 'src', 'openapi.js');

describe('OpenAPI description', () => {
  it('committed openapi.json matches the one generated from the built API', () => {
    expect(existsSync(script)).toBe(true);
    const out = execFileSync(process.execPath, [script, '--check'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('openapi.json is current');
  });
});
