import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp } from '@gcm/platform';
import { DataSource } from 'typeorm';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { ApiModule } from '../../apps/api/src/api.module';
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
export async function createTestApp(options: { module?: Type<unknown>; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
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
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    dataSource: app.get(DataSource),
    redisPrefix,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
