import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The repository root. Bundlers (Next, Astro/Vite) move compiled files around, so paths are never
 * derived from import.meta.url: APP_ROOT wins, otherwise the nearest folder above the working
 * directory that holds this project's package.json.
 */
export const appRoot = (): string => {
  if (process.env.APP_ROOT) return path.resolve(process.env.APP_ROOT)
  let dir = process.cwd()
  for (;;) {
    const pkg = path.join(dir, 'package.json')
    if (existsSync(pkg) && readFileSync(pkg, 'utf8').includes('"name": "agenda-rbb"')) return dir
    const parent = path.dirname(dir)
    if (parent === dir) return process.cwd()
    dir = parent
  }
}

export const dataDir = (): string => path.resolve(appRoot(), process.env.DATA_DIR ?? 'data')
export const mediaDir = (): string => path.resolve(process.env.MEDIA_DIR ?? path.join(dataDir(), 'media'))
