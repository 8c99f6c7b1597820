import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FRAMEWORK_ENTITIES } from './entities';
import { FrameworkEditController } from './edit/framework-edit.controller';
import { FrameworkEditService } from './edit/framework-edit.service';
import { GuidingQuestionsController } from './edit/guiding-questions.controller';
import { GuidingQuestionsService } from './edit/guiding-questions.service';
import { FrameworkController } from './framework.controller';
import { FrameworkSeeder } from './framework.seeder';
import { FrameworkService } from './framework.service';
import { TranslationsController } from './translations/translations.controller';

/** The catalogue's tables, its reader, seeder and versioned edits; no routes, so any app may load it. */
@Module({
  imports: [TypeOrmModule.forFeature(FRAMEWORK_ENTITIES)],
  providers: [FrameworkService, FrameworkSeeder, FrameworkEditService, GuidingQuestionsService],
  exports: [FrameworkService, FrameworkSeeder, FrameworkEditService, GuidingQuestionsService, TypeOrmModule],
})
export class FrameworkCoreModule {}

/** The public catalogue routes and the secretariat's edits (API only). */
@Module({
  imports: [FrameworkCoreModule],
  controllers: [FrameworkController, FrameworkEditController, GuidingQuestionsController, TranslationsController],
})
export class FrameworkHttpModule {}
