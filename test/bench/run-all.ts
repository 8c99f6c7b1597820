import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `npm run bench`: every benchmark beside this file (`*.bench.js`, and the API's), one process each, in name order. */
const benches = readdirSync(__dirname).filter((f) => f.endsWith('.bench.js') || f === 'api-bench.js').sort();
let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n== ${file}\n`);
  const run = spawnSync(process.execPath, [join(__dirname, file)], { stdio: 'inherit', env: process.env });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
