// The embeddable agenda script (`<agenda-rbbg>`, site/widget/agenda-rbbg.ts) as one minified ES module.
// The site's build imports it through the Vite plugin below (astro.config.mjs), so `astro build` fails when the
// script outgrows its budget; site/pages/widget/agenda-rbbg.js.ts serves it. tests/unit/widget.spec.ts checks the
// same budget on the same bundle.
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

export const WIDGET_ENTRY = 'site/widget/agenda-rbbg.ts'
/** The most the script may weigh once gzipped, in bytes (issue 16: ≤ 10 KB). */
export const WIDGET_GZIP_BUDGET = 10_240
export const WIDGET_MODULE = 'virtual:agenda-rbbg'

/** @param {string} [root] the repository (paths are resolved from the working directory, see docs/architecture.md) */
export const bundleWidget = async (root = process.cwd()) => {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0].text
  return {
    code,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs).map((file) => path.resolve(root, file)),
  }
}

/** @param {{ gzipBytes: number }} bundle */
export const assertWidgetBudget = ({ gzipBytes }) => {
  if (gzipBytes > WIDGET_GZIP_BUDGET)
    throw new Error(
      `${WIDGET_ENTRY} weighs ${gzipBytes} bytes gzipped, over its budget of ${WIDGET_GZIP_BUDGET}: make it smaller.`,
    )
}

/** Vite plugin: `import code from 'virtual:agenda-rbbg'` is the bundled script, within budget or the build fails. */
export const agendaWidget = () => {
  const resolved = `\0${WIDGET_MODULE}`
  return {
    name: 'agenda-rbbg-widget',
    /** @param {string} id */
    resolveId(id) {
      return id === WIDGET_MODULE ? resolved : null
    },
    /** @this {{ addWatchFile(file: string): void }} @param {string} id */
    async load(id) {
      if (id !== resolved) return null
      const bundle = await bundleWidget()
      assertWidgetBudget(bundle)
      for (const file of bundle.inputs) this.addWatchFile(file)
      return `export default ${JSON.stringify(bundle.code)}`
    },
  }
}
