import { describe, expect, it } from 'vitest'
import { renderEmail, TEMPLATES, type TemplateName } from '../../emails/render'

const names = Object.keys(TEMPLATES) as TemplateName[]

describe('every mail template', () => {
  for (const name of names)
    for (const language of ['it', 'en'] as const)
      it(`${name} (${language}) renders HTML and plain text that a reader and a screen reader can use`, async () => {
        const props = { ...(TEMPLATES[name].component.PreviewProps as object), language }
        const { html, text, subject } = await renderEmail(name, props as never)
        expect(subject.length).toBeGreaterThan(5)
        expect(html).toContain(`lang="${language}"`)
        expect(html).toContain('<meta name="color-scheme" content="light dark"/>')
        expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
        // No images are needed to read a mail; any that appear carry alt text.
        for (const img of html.match(/<img[^>]*>/g) ?? []) expect(img).toMatch(/alt="[^"]+"/)
        expect(html).not.toMatch(/<style|<script/i)
        expect(text.trim().length).toBeGreaterThan(40)
        for (const href of [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] as string))
          expect(text, `plain text carries ${href}`).toContain(href.replaceAll('&amp;', '&'))
      })

  it('mass and life-cycle mails show the preferences and unsubscribe links in the body', async () => {
    for (const name of ['welcome', 'preferences-changed', 'manage-preferences', 'digest', 'editorial'] as const) {
      const { text } = await renderEmail(name, TEMPLATES[name].component.PreviewProps as never)
      expect(text, name).toContain('/newsletter/preferenze?token=')
      expect(text, name).toContain('/newsletter/disiscrizione?token=')
    }
  })

  it('the confirmation mail repeats nothing from the form (no name: the opt-in spam vector)', async () => {
    const { html, text } = await renderEmail('confirmation', TEMPLATES.confirmation.component.PreviewProps)
    expect(text).toContain('/newsletter/conferma?token=')
    expect(text).toContain('7 giorni')
    expect(html).not.toContain('Giulia')
  })

  it('escapes what editors and subscribers type: names and rich text never become markup', async () => {
    const welcome = await renderEmail('welcome', {
      ...TEMPLATES.welcome.component.PreviewProps,
      firstName: '<b>Ada</b>',
    })
    expect(welcome.html).toContain('&lt;b&gt;Ada&lt;/b&gt;')
    const intro = {
      root: {
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: '<script>alert(1)</script>' },
              { type: 'link', fields: { url: 'javascript:alert(1)' }, children: [{ type: 'text', text: 'clic' }] },
            ],
          },
        ],
      },
    }
    const editorial = await renderEmail('editorial', { ...TEMPLATES.editorial.component.PreviewProps, intro })
    expect(editorial.html).not.toContain('<script>')
    expect(editorial.html).not.toContain('javascript:')
    expect(editorial.html).toContain('&lt;script&gt;')
  })

  it('the digest groups events under one heading per day, each with an add-to-calendar link', async () => {
    const { html } = await renderEmail('digest', TEMPLATES.digest.component.PreviewProps)
    expect(html.match(/<h2[^>]*>[^<]*<\/h2>/g)?.map((h) => h.replace(/<[^>]+>/g, ''))).toEqual([
      'Sabato 28 novembre',
      'Martedì 1 dicembre',
    ])
    expect(html.match(/\.ics"/g)).toHaveLength(2)
    expect(html).toContain('Posti esauriti')
  })
})
