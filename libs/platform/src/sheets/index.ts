export * from './sheet-report';
export * from './zip-limits';
export * from './sheet-reader';
export * from './cell-parse';
export * from './annotate';
export * from './sheet-import.entity';
