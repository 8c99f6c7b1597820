import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FRAMEWORK_ENTITIES } from './entities';
import { FrameworkEditController } from './edit/framework-edit.controller';
import { FrameworkEditService } from './edit/framework-edit.service';
import { FrameworkController } from './framework.controller';
import { FrameworkSeeder } from './framework.seeder';
import { FrameworkService } from './framework.service';

@Module({
  imports: [TypeOrmModule.forFeature(FRAMEWORK_ENTITIES)],
  controllers: [FrameworkController, FrameworkEditController],
  providers: [FrameworkService, FrameworkSeeder, FrameworkEditService],
  exports: [FrameworkService, FrameworkSeeder, TypeOrmModule],
})
export class FrameworkModule {}
