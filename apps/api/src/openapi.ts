import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from './api.module';
import { buildOpenApiDocument } from './swagger';

/**
 * Writes (or with --check, verifies) the committed openapi.json. It must run on
 * the nest-built output: the Swagger compiler plugin adds the DTO metadata there.
 * `preview` builds the module graph without instantiating providers, so no
 * database or Redis is needed.
 */
export async function generateOpenApi(): Promise<string> {
  process.env.DATABASE_URL ??= 'postgres://preview@127.0.0.1:1/preview';
  process.env.REDIS_URL ??= 'redis://127.0.0.1:1';
  const app = await NestFactory.create(ApiModule, { preview: true, logger: false, abortOnError: false });
  const doc = buildOpenApiDocument(app);
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const OPENAPI_PATH = join(__dirname, '..', '..', '..', '..', 'openapi.json');

if (require.main === module) {
  void generateOpenApi().then((json) => {
    if (process.argv.includes('--check')) {
      const committed = readFileSync(OPENAPI_PATH, 'utf8');
      if (committed !== json) {
        process.stderr.write('openapi.json is stale: run `npm run openapi` and commit it\n');
        process.exit(1);
      }
      process.stdout.write('openapi.json is current\n');
    } else {
      writeFileSync(OPENAPI_PATH, json);
      process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
    }
    process.exit(0);
  });
}
