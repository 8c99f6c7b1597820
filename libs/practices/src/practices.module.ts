import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PracticeAdminService } from './admin/practice-admin.service';
import { PRACTICE_ENTITIES } from './entities';
import { PracticesController } from './practices.controller';
import { PracticesImportHandler } from './practices-import.handler';
import { PracticesImporter } from './practices.importer';
import { PracticesService } from './practices.service';

/** Practice cards: tables, search, the secretariat's contact flag, the importer and its job handler. No routes. */
@Module({
  imports: [TypeOrmModule.forFeature(PRACTICE_ENTITIES)],
  providers: [PracticesImporter, PracticesService, PracticeAdminService, PracticesImportHandler],
  exports: [PracticesImporter, PracticesService, PracticeAdminService, PracticesImportHandler],
})
export class PracticesCoreModule {}

/** The practices routes (public search, the secretariat's contact view and flag). */
@Module({
  imports: [PracticesCoreModule],
  controllers: [PracticesController],
})
export class PracticesHttpModule {}
