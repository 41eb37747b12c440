import { describe, expect, it } from 'vitest'
import { activeContent } from './helpers/inert'

// The XSS tests trust this checker, so it must itself catch every way markup can run code.
describe('the inert-markup checker', () => {
  it.each([
    ['<script>alert(1)</script>', '<script>'],
    ['<script type="module" src="/x.js"></script>', '<script src="/x.js">'],
    ['<p onclick="x()">a</p>', 'p[onclick]'],
    ['<IMG SRC=x ONERROR=alert(1)>', 'img[onerror]'],
    ['<a href="javascript:alert(1)">a</a>', 'a[href=javascript:alert(1)]'],
    ['<a href="&#106;avascript:alert(1)">a</a>', 'a[href=javascript:alert(1)]'],
    ['<a href=" java\tscript:alert(1)">a</a>', 'a[href= java\tscript:alert(1)]'],
    ['<iframe src="https://x.example"></iframe>', '<iframe>'],
    ['<iframe srcdoc="<b>x</b>"></iframe>', 'iframe[srcdoc]'],
    ['<form action="javascript:x()"></form>', 'form[action=javascript:x()]'],
    ['<meta http-equiv="Refresh" content="0;url=x">', '<meta refresh>'],
    ['<object data="data:text/html,x"></object>', '<object>'],
  ])('flags %s', (html, finding) => {
    expect(activeContent(html)).toContain(finding)
  })

  it('passes plain markup, JSON-LD, escaped text, data images and allowed script files', () => {
    const html = [
      '<p>Testo &lt;script&gt;alert(1)&lt;/script&gt; onclick=x</p>',
      '<script type="application/ld+json">{"@type":"Event"}</script>',
      '<img alt="" src="data:image/png;base64,iVBORw0KGgo=">',
      '<a href="https://example.org/javascript:">ok</a>',
      '<script type="module" src="/_astro/page.js"></script>',
    ].join('')
    expect(activeContent(html, { allowScriptSrc: (src) => src.startsWith('/_astro/') })).toEqual([])
  })
})
