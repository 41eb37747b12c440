// The newsletter worker (cms/jobs/worker.ts) as one ES module: the project's TypeScript bundled by esbuild,
// packages left to node_modules. Running compiled code instead of tsx saves about 120 MB of RSS (tsx keeps
// its loader thread, sources and source maps in memory); see docs/benchmarks.md.
import path from 'node:path'

/**
 * How the worker is started, by `npm start` and by the newsletter bench alike. A capped old space makes V8
 * collect before the process grows past its budget: the sender's live data is small (one batch of rows and
 * a few rendered bodies), but on a machine with free memory V8 otherwise lets garbage pile up.
 */
export const WORKER_NODE_FLAGS = (
  process.env.JOBS_WORKER_NODE_FLAGS ?? '--conditions=production --max-old-space-size=128'
)
  .split(' ')
  .filter(Boolean)

/** glibc gives each thread its own malloc arena; two are plenty for this process and keep RSS from fragmenting. */
export const WORKER_ENV = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' }

export const workerBundle = (outDir) => path.join(outDir, 'worker.mjs')

export const buildWorker = async (root, outDir) => {
  const { build } = await import('esbuild')
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'cms', 'jobs', 'worker.ts')],
    outfile: workerBundle(outDir),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    conditions: ['production'],
    sourcemap: 'linked',
    logLevel: 'warning',
  })
  return workerBundle(outDir)
}
