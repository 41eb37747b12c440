// `npm run email:dev`: every mail template rendered with its PreviewProps on http://localhost:3883
// (EMAIL_DEV_PORT), HTML and plain text side by side. Offline; reloads templates on every request.
import { createServer } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const port = Number(process.env.EMAIL_DEV_PORT ?? 3883)
const registry = pathToFileURL(path.resolve('emails', 'render.ts')).href

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

const page = (title: string, body: string) =>
  `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem 2rem}iframe{width:100%;height:70vh;border:1px solid #ccc}
pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem;max-height:70vh;overflow:auto}.cols{display:grid;grid-template-columns:3fr 2fr;gap:1rem}</style>
</head><body>${body}</body></html>`

createServer(async (req, res) => {
  try {
    // A fresh import per request picks up template edits without a restart.
    const { TEMPLATES, renderEmail } = (await import(
      `${registry}?t=${Date.now()}`
    )) as typeof import('../emails/render')
    const url = new URL(req.url ?? '/', `http://localhost:${port}`)
    const name = url.pathname.slice(1).replace(/\.(html|txt)$/, '') as keyof typeof TEMPLATES
    const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'it'
    if (!name) {
      const links = Object.keys(TEMPLATES)
        .map((n) => `<li><a href="/${n}">${n}</a> · <a href="/${n}?lang=en">English</a></li>`)
        .join('')
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(page('Mail', `<h1>Anteprima delle mail</h1><ul>${links}</ul>`))
      return
    }
    if (!(name in TEMPLATES)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Modello sconosciuto')
      return
    }
    const props = { ...(TEMPLATES[name].component.PreviewProps as object), language: lang }
    const rendered = await renderEmail(name, props as never)
    if (url.pathname.endsWith('.html'))
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(rendered.html)
    else if (url.pathname.endsWith('.txt'))
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(rendered.text)
    else
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        page(
          name,
          `<p><a href="/">← tutte le mail</a></p><h1>${escapeHtml(name)}</h1><p>Oggetto: <strong>${escapeHtml(rendered.subject)}</strong></p>
<div class="cols"><iframe title="HTML" src="/${name}.html?lang=${lang}"></iframe><pre>${escapeHtml(rendered.text)}</pre></div>`,
        ),
      )
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String((error as Error).stack ?? error))
  }
}).listen(port, '127.0.0.1', () => console.log(`Anteprima delle mail: http://localhost:${port}`))
