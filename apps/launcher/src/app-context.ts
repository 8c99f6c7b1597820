import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { ApiModule } from '../../api/src/api.module';

/**
 * Boots the API's module graph without HTTP: its start-up hook migrates and
 * seeds the database at DATABASE_URL. Used to build the test template and to
 * check entities against migrations, with exactly the entities the API loads.
 */
export async function withApiContext<T>(databaseUrl: string, fn: (ctx: INestApplicationContext) => Promise<T>): Promise<T> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  const ctx = await NestFactory.createApplicationContext(ApiModule, { logger: ['error', 'warn'] });
  try {
    await ctx.init();
    return await fn(ctx);
  } finally {
    await ctx.close();
    // process.env coerces undefined to the string "undefined": restore an absent variable as absent.
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}
