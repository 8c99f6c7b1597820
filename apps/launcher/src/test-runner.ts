import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { withApiContext } from './app-context';
import { ensureDebianTools } from './debian-packages';
import { dropDatabase, ensureDatabase, withDatabase } from './postgres.util';
import { ensureServices } from './services';

export const TEMPLATE_DB = process.env.TEST_TEMPLATE_DB ?? 'gcm_test_template';

/** What the browser and PDF tests drive; missing ones are installed when running as root. */
const TEST_TOOLS = [
  { command: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium', neededBy: 'the browser tests (test/e2e/web-*, workspace-*)' },
  { command: 'pdftotext', pkg: 'poppler-utils', neededBy: 'the PDF report specs' },
];

/**
 * `npm test`: Debian's chromium and poppler-utils when missing, services as for `npm start`, a template database migrated and
 * seeded once, then Jest (each test file clones the template).
 */
async function main(): Promise<number> {
  ensureDebianTools(TEST_TOOLS);
  const services = await ensureServices('postgres');
  try {
    const serverUrl = services.databaseUrl;
    await dropDatabase(serverUrl, TEMPLATE_DB);
    const templateUrl = withDatabase(serverUrl, TEMPLATE_DB);
    await ensureDatabase(templateUrl);
    process.env.REDIS_URL = services.redisUrl;
    process.env.NODE_ENV = 'test';
    await withApiContext(templateUrl, async () => undefined);
    const root = join(__dirname, '..', '..', '..', '..');
    const args = [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--maxWorkers=2', ...process.argv.slice(2)];
    return await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, args, {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          NODE_ENV: 'test',
          TEST_SERVER_URL: serverUrl,
          TEST_TEMPLATE_DB: TEMPLATE_DB,
          REDIS_URL: services.redisUrl,
        },
      });
      child.on('exit', (code) => resolve(code ?? 1));
    });
  } finally {
    await services.stop();
  }
}

void main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`test setup failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
