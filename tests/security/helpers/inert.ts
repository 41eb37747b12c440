import { Parser } from 'htmlparser2'

/** Script types a browser executes; JSON-LD and other data blocks are inert. */
const EXECUTABLE_SCRIPT =
  /^(|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript)$/i
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background'])
const ACTIVE_SCHEME = /^(javascript|vbscript|data):/i
const EMBEDS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base'])

/** The URL the browser would follow: entities decoded by the parser, then control characters and blanks removed. */
const normaliseUrl = (value: string) =>
  [...value].filter((c) => (c.codePointAt(0) ?? 0) > 0x20 && c !== '\u007f').join('')

/**
 * Everything in an HTML document that could run code or load foreign content: executable `<script>`s
 * (apart from those whose `src` is allowed), `on*` handlers, javascript:/data:/vbscript: URLs, `srcdoc`,
 * embeds and meta refreshes. An empty list means the markup is inert.
 */
export const activeContent = (html: string, options: { allowScriptSrc?: (src: string) => boolean } = {}): string[] => {
  const found: string[] = []
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const tag = name.toLowerCase()
        if (tag === 'script') {
          const type = (attribs.type ?? '').trim()
          const src = attribs.src
          if (EXECUTABLE_SCRIPT.test(type) && !(src && options.allowScriptSrc?.(src)))
            found.push(`<script${src ? ` src="${src}"` : ''}>`)
        }
        if (EMBEDS.has(tag)) found.push(`<${tag}>`)
        if (tag === 'meta' && (attribs['http-equiv'] ?? '').toLowerCase() === 'refresh') found.push('<meta refresh>')
        for (const [key, value] of Object.entries(attribs)) {
          const attr = key.toLowerCase()
          if (attr.startsWith('on')) found.push(`${tag}[${attr}]`)
          if (attr === 'srcdoc') found.push(`${tag}[srcdoc]`)
          if (URL_ATTRIBUTES.has(attr) && ACTIVE_SCHEME.test(normaliseUrl(value))) {
            // A data: image is inert; a data: document or script is not.
            if (!(tag === 'img' && /^data:image\/(png|jpeg|gif|webp|avif);/i.test(normaliseUrl(value))))
              found.push(`${tag}[${attr}=${value.slice(0, 40)}]`)
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  )
  parser.write(html)
  parser.end()
  return found
}
