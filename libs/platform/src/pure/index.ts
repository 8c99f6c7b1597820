/**
 * The second public entry of platform (`@gcm/platform/pure`): helpers with no
 * Nest, TypeORM or Redis behind them, for code that must stay light, such as
 * the report renderers that run in worker threads (loading the full platform
 * entry costs a thread most of a second). `@gcm/platform` re-exports it all.
 */
export * from './formula-safe';
export * from './locales';
export * from './messages';
export * from './language-tag';
export * from './region-names';
export * from './theme-adoption';
export * from './catalogue-text';
