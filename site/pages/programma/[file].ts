import type { APIRoute } from 'astro'
import { programmeFile } from '../../lib/print'

/** A ready printed programme (public data), as a PDF attachment; 404/409/410 as the print wing answers. */
export const GET: APIRoute = async ({ params }) => {
  const id = /^(\d{1,15}|[a-f0-9]{24})\.pdf$/.exec(params.file ?? '')?.[1]
  if (!id) return new Response(null, { status: 404 })
  const file = await programmeFile(id)
  if (!file.ok)
    return new Response(file.message, {
      status: file.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
      'Content-Length': String(file.body.length),
      'Cache-Control': 'no-store',
    },
  })
}
