// @ts-check
import node from '@astrojs/node'
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'
import { agendaWidget } from './scripts/lib/widget-bundle.mjs'

const siteUrl = process.env.SITE_URL ?? `http://localhost:${process.env.SITE_PORT ?? 4321}`
const site = new URL(siteUrl)

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
  // Without allowedDomains the Node adapter ignores the Host header and sees every request as
  // http://localhost (no port), so the Origin check would refuse every same-origin form post. No port in the
  // pattern: the build is reused when only SITE_PORT changes (a second server beside a running one).
  security: {
    checkOrigin: true,
    allowedDomains: [{ protocol: site.protocol.slice(0, -1), hostname: site.hostname }],
  },
  i18n: { locales: ['it', 'en'], defaultLocale: 'it', routing: { prefixDefaultLocale: false } },
  server: { port: Number(process.env.SITE_PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  vite: {
    // The embeddable `<agenda-rbbg>` script, bundled and held to its size budget (scripts/lib/widget-bundle.mjs).
    plugins: [agendaWidget()],
    // Payload and its database drivers run as plain Node packages beside the bundled site code.
    ssr: { external: ['payload', 'sharp', '@libsql/client', 'libsql', 'mongoose', 'mongodb', 'drizzle-kit'] },
  },
})
