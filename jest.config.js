/** Unit tests live beside the code (*.spec.ts); cross-app tests in test/ (*.e2e-spec.ts). */
const libs = ['platform', 'framework', 'accounts', 'pledges', 'reporting', 'reports', 'dashboard', 'practices', 'notifications', 'subscriptions'];
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: '(apps|libs|test)/.*\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }] },
  moduleNameMapper: {
    '^@gcm/platform/pure$': '<rootDir>/libs/platform/src/pure',
    ...Object.fromEntries(libs.map((l) => [`^@gcm/${l}$`, `<rootDir>/libs/${l}/src`])),
  },
  testTimeout: 60000,
};
