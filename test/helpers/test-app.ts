import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp } from '@gcm/platform';
import { DataSource } from 'typeorm';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { ApiModule } from '../../apps/api/src/api.module';
import { apiContract } from './contract';
import { createTestDatabase, TestDatabase, testRedisPrefix } from './test-database';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  db: TestDatabase;
  dataSource: DataSource;
  redisPrefix: string;
  close(): Promise<void>;
}

/**
 * The real API module on a fresh clone of the template database, with the same
 * HTTP set-up as main.ts (validation, error filter, helmet, body limits).
 */
export async function createTestApp(
  options: { module?: Type<unknown>; env?: Record<string, string>; beforeInit?: (app: INestApplication) => void; db?: TestDatabase } = {},
): Promise<TestApp> {
  // A database of the test's own (e.g. on a server it stops and starts), or a clone of the template.
  const db = options.db ?? (await createTestDatabase());
  const redisPrefix = testRedisPrefix();
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    REDIS_PREFIX: redisPrefix,
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // supertest plays a client behind a proxy on loopback: X-Forwarded-For tells each test's client apart.
    TRUST_PROXY: 'loopback',
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [options.module ?? ApiModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureHttpApp(app, { useLogger: false });
  // e.g. mountSwagger, which main.ts also calls between configureHttpApp and listen.
  options.beforeInit?.(app);
  await app.init();
  return {
    app,
    http: heldToContract(request(app.getHttpServer())),
    db,
    dataSource: app.get(DataSource),
    redisPrefix,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** The same contract-checked agent for an API listening elsewhere, e.g. a compiled API process: `remoteHttp('http://127.0.0.1:3000')`. */
export function remoteHttp(baseUrl: string): TestAgent {
  return heldToContract(request(baseUrl));
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/**
 * The agent every e2e test uses, with one assertion added first to each
 * request: the response agrees with openapi.json (test/helpers/contract.ts).
 */
function heldToContract(agent: TestAgent): TestAgent {
  return new Proxy(agent, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !METHODS.has(prop) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const test = value.apply(target, args) as request.Test;
        return test.expect((res: request.Response) => {
          const problem = apiContract().check(prop, test.url, res);
          if (problem) throw new Error(`${problem}\n  body: ${JSON.stringify(res.body).slice(0, 600)}`);
        });
      };
    },
  });
}
