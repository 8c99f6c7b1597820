import { parseArgs } from 'node:util';
import { passwordWeakness, UsersService } from '@gcm/accounts';
import { withApiContext } from './app-context';
import { readPassword } from './prompt.util';
import { ensureServices } from './services';

const USAGE = 'usage: npm run create-secretariat -- --email a@b.org --name "Full Name"  (password from GCM_ADMIN_PASSWORD or a prompt)';
const MIN_PASSWORD = 12;

/**
 * `npm run create-secretariat`: the first secretariat account, on the same
 * database `npm start` uses (or DATABASE_URL). There is no default password
 * anywhere: it is typed at a prompt, piped on stdin, or given in
 * GCM_ADMIN_PASSWORD for unattended set-ups.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
  const email = values.email?.trim().toLowerCase();
  const name = values.name?.trim();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !name) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const password = process.env.GCM_ADMIN_PASSWORD ?? (await readPassword(`Password for ${email}: `));
  if (password.length < MIN_PASSWORD) {
    process.stderr.write(`the password must be at least ${MIN_PASSWORD} characters\n`);
    return 65;
  }
  // The same policy as invitations and resets (common passwords, the account's own e-mail and name), before any start-up.
  const weakness = passwordWeakness(password, { email, name });
  if (weakness) {
    process.stderr.write(`${weakness}\n`);
    return 65;
  }
  const services = await ensureServices(process.env.GCM_DB_NAME ?? 'gcm_tracker');
  process.env.REDIS_URL = services.redisUrl;
  try {
    return await withApiContext(services.databaseUrl, async (ctx) => {
      const user = await ctx.get(UsersService).createWithPassword({ email, name, role: 'secretariat', password }, 'user.create_secretariat');
      process.stdout.write(`secretariat account created: ${user.email} (${user.id})\n`);
      return 0;
    });
  } finally {
    await services.stop();
  }
}

void main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  },
);
