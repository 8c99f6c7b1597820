import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** TypeORM wired from the validated config; entities are registered by each feature's forFeature(). */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.DATABASE_URL, [], {
              size: config.DATABASE_POOL_SIZE, appName: config.APP_NAME, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
            }),
            autoLoadEntities: true,
          }),
        }),
      ],
    };
  }
}
