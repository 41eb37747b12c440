import path from 'node:path'
import { withPayload } from '@payloadcms/next/withPayload'

const root = path.resolve(process.cwd(), process.cwd().endsWith(`${path.sep}cms`) ? '..' : '.')

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Collections, emails and shared code live beside cms/, in the repository root.
  turbopack: { root },
  outputFileTracingRoot: root,
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // pdfkit reads its font metrics from its own folder at run time: bundled, it would not find them.
  serverExternalPackages: ['pdfkit'],
  // Types are checked by `npm run typecheck` over the whole repository, not per build.
  typescript: { tsconfigPath: 'tsconfig.json', ignoreBuildErrors: true },
  // Headers every CMS response carries. The Content-Security-Policy (with a per-request nonce), the request id
  // and HSTS (only over HTTPS) are set per request by cms/proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          {
            key: 'Permissions-Policy',
            value:
              'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
          },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        ],
      },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
