import { defineConfig } from 'vitest/config'

// Lexical's `node` entry points use top-level await around a dynamic import; Node 20 sometimes never settles such a
// module graph (the process hangs, or exits with status 13). The `production` condition selects Lexical's plain
// ESM build instead. Every Node process that loads Payload runs with it (scripts/start.mjs, scripts/payload.mjs).
const execArgv = ['--conditions=production']

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.spec.ts', 'tests/security/**/*.spec.ts'],
          exclude: ['**/node_modules/**', '**/*.int.spec.ts', '**/*.e2e.spec.ts', '**/*.stack.spec.ts'],
          environment: 'node',
          execArgv,
        },
      },
      {
        test: {
          name: 'int',
          include: ['tests/int/**/*.int.spec.ts', 'tests/security/**/*.int.spec.ts'],
          environment: 'node',
          setupFiles: ['tests/helpers/int-env.ts'],
          pool: 'forks',
          execArgv,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        // Against the real platform (scripts/start.mjs with the existing builds): run after a build.
        test: {
          name: 'stack',
          include: ['tests/security/**/*.stack.spec.ts'],
          environment: 'node',
          setupFiles: ['tests/helpers/int-env.ts', 'tests/security/helpers/stack-env.ts'],
          pool: 'forks',
          execArgv,
          testTimeout: 60_000,
          hookTimeout: 240_000,
          maxWorkers: 1,
        },
      },
    ],
  },
})
