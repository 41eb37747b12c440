// @ts-check
import node from '@astrojs/node'
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'

const siteUrl = process.env.SITE_URL ?? `http://localhost:${process.env.SITE_PORT ?? 4321}`

export default defineConfig({
  srcDir: './site',
  publicDir: './public',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  site: siteUrl,
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [react()],
  trailingSlash: 'never',
  build: { inlineStylesheets: 'always' },
  security: { checkOrigin: true },
  i18n: { locales: ['it', 'en'], defaultLocale: 'it', routing: { prefixDefaultLocale: false } },
  server: { port: Number(process.env.SITE_PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  vite: {
    // Payload and its database drivers run as plain Node packages beside the bundled site code.
    ssr: { external: ['payload', 'sharp', '@libsql/client', 'libsql', 'mongoose', 'mongodb', 'drizzle-kit'] },
  },
})
