// One jest, several layers; each runs alone with `jest --selectProjects <name>`.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
const base = { transform: { '^.+\\.(t|j)sx?$': swc }, moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  // DynamoDB Local and the browser share 2 cores with the rest of the suite: a hook may wait on a busy JVM.
  testTimeout: 20_000,
  projects: [
    { ...base, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/support/env.ts'],
    },
    {
      ...base,
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/component/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/component/support/setup.ts'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/tests/component/support/taro.ts',
        '^@tarojs/components$': '<rootDir>/tests/component/support/components.ts',
        '\\.(s?css|sass|less)$': '<rootDir>/tests/component/support/style.ts',
      },
      // The H5 components ship as ES modules: let swc compile them.
      transformIgnorePatterns: ['/node_modules/(?!@tarojs/components-react/)'],
    },
    {
      ...base,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
    },
  ],
};
