import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FRAMEWORK_ENTITIES } from './entities';
import { FrameworkEditController } from './edit/framework-edit.controller';
import { FrameworkEditService } from './edit/framework-edit.service';
import { FrameworkController } from './framework.controller';
import { FrameworkSeeder } from './framework.seeder';
import { FrameworkService } from './framework.service';
import { TranslationsController } from './translations/translations.controller';

/** The catalogue's tables, its reader, seeder and versioned edits; no routes, so any app may load it. */
@Module({
  imports: [TypeOrmModule.forFeature(FRAMEWORK_ENTITIES)],
  providers: [FrameworkService, FrameworkSeeder, FrameworkEditService],
  exports: [FrameworkService, FrameworkSeeder, FrameworkEditService, TypeOrmModule],
})
export class FrameworkCoreModule {}

/** The public catalogue routes and the secretariat's edits (API only). */
@Module({
  imports: [FrameworkCoreModule],
  controllers: [FrameworkController, FrameworkEditController, TranslationsController],
})
export class FrameworkHttpModule {}
