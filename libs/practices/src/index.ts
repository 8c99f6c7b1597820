export * from './entities';
export * from './practices.module';
export * from './practices.importer';
export * from './practices.service';
export * from './practices-import.handler';
