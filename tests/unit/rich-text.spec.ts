import { describe, expect, it } from 'vitest'
import { plainTextToLexical } from '../../collections/lib/lexical-text'
import { richTextToHtml, richTextToSafeHtml, safeHref, sanitizeRichHtml } from '../../site/lib/rich-text'
import { activeContent } from '../security/helpers/inert'

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const link = (url: string, label: string, newTab = false) => ({
  type: 'link',
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields: { url, newTab, linkType: 'custom' },
  children: [text(label)],
})
const doc = (...children: unknown[]) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children },
})
const paragraph = (...children: unknown[]) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children,
})

describe('richTextToSafeHtml', () => {
  it('renders ordinary text, emphasis and a web link', () => {
    const html = richTextToSafeHtml(
      doc(paragraph(text('Letture per '), text('bambini', 1), text(' – '), link('https://www.rbbg.it/npl', 'NpL'))),
    )
    expect(html).toBe(
      '<p>Letture per <strong>bambini</strong> – <a href="https://www.rbbg.it/npl" rel="noopener noreferrer">NpL</a></p>',
    )
  })

  it('keeps mailto: and tel: links, and marks new-tab links noopener noreferrer', () => {
    const html = richTextToSafeHtml(
      doc(
        paragraph(
          link('mailto:biblioteca@comune.example.it', 'scrivici'),
          link('tel:+39035123456', 'chiamaci'),
          link('https://example.org', 'fuori', true),
        ),
      ),
    )
    expect(html).toContain('href="mailto:biblioteca@comune.example.it"')
    expect(html).toContain('href="tel:+39035123456"')
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">fuori</a>')
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '&#106;avascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  ])('drops a %s link but keeps its text', (url) => {
    const html = richTextToSafeHtml(doc(paragraph(link(url, 'clicca qui'))))
    expect(html).toContain('clicca qui')
    // The href the browser would follow (entities decoded, blanks removed) is never an active scheme.
    expect(activeContent(html)).toEqual([])
  })

  it('shows markup typed as text as text, never as elements', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<iframe src="https://evil.example"></iframe>',
      '"><svg onload=alert(1)>',
    ]
    const html = richTextToSafeHtml(plainTextToLexical(payloads.join('\n')))
    expect(activeContent(html)).toEqual([])
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<(script|img|iframe|svg)\b/i)
  })

  it('starts headings below the page title and keeps their order', () => {
    const heading = (tag: string, label: string) => ({
      type: 'heading',
      tag,
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: [text(label)],
    })
    expect(
      richTextToSafeHtml(doc(heading('h1', 'Titolo'), heading('h2', 'Programma'), heading('h3', 'Mattina')), {
        baseLevel: 2,
      }),
    ).toBe('<h2>Titolo</h2><h2>Programma</h2><h3>Mattina</h3>')
    expect(richTextToHtml(doc(heading('h2', 'Programma'), heading('h6', 'Note')))).toBe(
      '<h3>Programma</h3><h6>Note</h6>',
    )
  })

  it('leaves out relationships, blocks and unknown nodes instead of printing "unknown node"', () => {
    const html = richTextToSafeHtml(
      doc(
        paragraph(text('prima')),
        { type: 'relationship', version: 2, relationTo: 'events', value: 1, format: '' },
        { type: 'block', version: 2, format: '', fields: { blockType: 'embed', html: '<script>x</script>' } },
        { type: 'html-embed', version: 1, html: '<iframe src="https://evil.example"></iframe>' },
      ),
    )
    expect(html).toBe('<p>prima</p>')
  })

  it('refuses an upload node whose URL is not http(s)', () => {
    const upload = {
      type: 'upload',
      version: 3,
      format: '',
      relationTo: 'media',
      fields: {},
      value: { url: 'javascript:alert(1)', alt: 'x', mimeType: 'image/png', width: 10, height: 10 },
    }
    expect(activeContent(richTextToSafeHtml(doc(upload)))).toEqual([])
  })

  it('gives an empty string for anything that is not a Lexical document', () => {
    for (const value of [null, undefined, '', '<script>alert(1)</script>', { root: null }, { root: {} }, 42])
      expect(richTextToSafeHtml(value)).toBe('')
  })
})

describe('sanitizeRichHtml (for HTML from any source)', () => {
  it('removes scripts, handlers, frames, forms and style tricks', () => {
    const dirty = [
      '<p onclick="alert(1)" style="background:url(javascript:alert(1));text-align:center">ciao</p>',
      '<script>alert(1)</script><iframe src="https://evil.example"></iframe>',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<a href="javascript:alert(1)">a</a><a href="//evil.example/x">b</a>',
      '<form action="https://evil.example"><input name="q"><button formaction="javascript:alert(1)">x</button></form>',
      '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" onerror="alert(1)">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    ].join('')
    const clean = sanitizeRichHtml(dirty)
    expect(activeContent(clean)).toEqual([])
    expect(clean).not.toMatch(/<(script|iframe|object|embed|form|input|button|svg|math|style|meta)\b/i)
    expect(clean).toContain('<p style="text-align:center">ciao</p>')
    expect(clean).not.toContain('evil.example')
  })
})

describe('safeHref (links typed into plain fields)', () => {
  it.each([
    ['https://prenota.comune.example.it/evento?id=1', 'https://prenota.comune.example.it/evento?id=1'],
    ['  http://example.org  ', 'http://example.org'],
    ['mailto:biblioteca@example.it', 'mailto:biblioteca@example.it'],
    ['tel:+39035123456', 'tel:+39035123456'],
  ])('keeps %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected)
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    ' \u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    'www.example.org',
    'https://',
    '',
    null,
    undefined,
  ])('refuses %s', (input) => {
    expect(safeHref(input as string)).toBeNull()
  })
})
