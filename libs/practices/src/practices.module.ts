import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PracticeAdminService } from './admin/practice-admin.service';
import { PRACTICE_ENTITIES } from './entities';
import { PracticeImportsController } from './imports/practice-imports.controller';
import { PracticeImportsService } from './imports/practice-imports.service';
import { PracticesController } from './practices.controller';
import { PracticesImportHandler } from './practices-import.handler';
import { PracticesImporter } from './practices.importer';
import { PracticesService } from './practices.service';

/** Practice cards: tables, search, the secretariat's contact flag, the importer and its job handler. No routes. */
@Module({
  imports: [TypeOrmModule.forFeature(PRACTICE_ENTITIES)],
  providers: [PracticesImporter, PracticesService, PracticeAdminService, PracticesImportHandler, PracticeImportsService],
  exports: [PracticesImporter, PracticesService, PracticeAdminService, PracticesImportHandler, PracticeImportsService],
})
export class PracticesCoreModule {}

/** The practices routes (public search, the secretariat's contact view and flag, import runs and their warnings). */
@Module({
  imports: [PracticesCoreModule],
  // Imports first: its literal path must win over the public `:code` route, whose pattern would refuse "imports".
  controllers: [PracticeImportsController, PracticesController],
})
export class PracticesHttpModule {}
