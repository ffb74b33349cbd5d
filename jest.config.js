// One jest run, three projects: unit (pure, fast), api (real PostgreSQL), browser (real Chromium).
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }];
const moduleNameMapper = {
  '^@symmetry/domain$': '<rootDir>/libs/domain/src',
  '^@symmetry/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  '^@symmetry/surveys$': '<rootDir>/libs/surveys/src',
  '^@symmetry/surveys/(.*)$': '<rootDir>/libs/surveys/src/$1',
};
// ESM-only packages the API loads (NestJS 12 and a few dependencies), compiled to CommonJS.
const ESM_PACKAGES = [
  '@nestjs',
  '@fastify/cookie',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  'content-disposition',
  'cookie',
  'fetch-blob',
  'node-fetch',
  'data-uri-to-buffer',
  'formdata-polyfill',
];
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest, '^.+\\.js$': '<rootDir>/test/setup/esm-to-cjs.js' },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
};
module.exports = {
  // A global option in jest 30 (ignored inside projects): API and browser tests start servers.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'web',
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.ts'],
      transform: {
        '^.+\\.ts$': [
          'ts-jest',
          {
            tsconfig: {
              module: 'commonjs',
              isolatedModules: true,
              esModuleInterop: true,
              resolveJsonModule: true,
              types: ['jest', 'node'],
            },
          },
        ],
      },
    },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
