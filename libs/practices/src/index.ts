export * from './entities';
export * from './practices.module';
export * from './practices.importer';
export * from './practices-import.handler';
