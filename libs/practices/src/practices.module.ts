import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PracticeAdminService } from './admin/practice-admin.service';
import { PRACTICE_ENTITIES } from './entities';
import { PracticesController } from './practices.controller';
import { PracticesImportHandler } from './practices-import.handler';
import { PracticesImporter } from './practices.importer';
import { PracticesService } from './practices.service';

@Module({
  imports: [TypeOrmModule.forFeature(PRACTICE_ENTITIES)],
  controllers: [PracticesController],
  providers: [PracticesImporter, PracticesService, PracticeAdminService, PracticesImportHandler],
  exports: [PracticesImporter, PracticesService, PracticesImportHandler],
})
export class PracticesModule {}
