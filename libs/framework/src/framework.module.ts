import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FRAMEWORK_ENTITIES } from './entities';
import { FrameworkController } from './framework.controller';
import { FrameworkSeeder } from './framework.seeder';
import { FrameworkService } from './framework.service';

@Module({
  imports: [TypeOrmModule.forFeature(FRAMEWORK_ENTITIES)],
  controllers: [FrameworkController],
  providers: [FrameworkService, FrameworkSeeder],
  exports: [FrameworkService, FrameworkSeeder, TypeOrmModule],
})
export class FrameworkModule {}
