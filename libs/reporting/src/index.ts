export * from './reporting.module';
export * from './entities';
export * from './config/reporting-config';
export * from './domain/lifecycle';
export * from './domain/cycle-calendar';
export * from './cycles/cycle-events';
export * from './cycles/cycle.view';
export * from './cycles/cycles.service';
