export * from './entities';
export * from './framework.module';
export * from './framework.service';
export * from './framework.seeder';
export * from './framework.snapshot';
