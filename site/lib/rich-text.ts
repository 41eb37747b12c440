import {
  convertLexicalToHTML,
  defaultHTMLConverters,
  HeadingHTMLConverter,
  type HTMLConverters,
} from '@payloadcms/richtext-lexical/html'
import sanitizeHtml from 'sanitize-html'
import { mediaUrl } from './urls'

/**
 * Lexical rich text → HTML for public pages, feeds and emails. Payload's own Lexical converter writes the
 * HTML; sanitize-html then keeps a strict allow-list: text, lists, quotes, tables, images and links limited
 * to http(s)/mailto/tel or a site path (always rel="noopener noreferrer"). No script, event handler, embed
 * or style beyond alignment survives, whatever a librarian pastes or an import brings. Headings start at
 * `baseLevel`, so the page keeps its heading order whatever level the librarian picked.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)

/** Schemes a link in staff-written text may use; everything else (javascript:, data:, vbscript:…) is dropped. */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel']

/**
 * A URL typed by staff (booking link, online event link) as an href, or null when it is not an absolute
 * http(s), mailto: or tel: URL. Browsers ignore blanks and control characters inside a scheme, so the
 * scheme is read with them removed (`java\tscript:` is javascript:).
 */
export const safeHref = (value: string | null | undefined): string | null => {
  const trimmed = (value ?? '').trim()
  if (!trimmed) return null
  const compact = [...trimmed].filter((c) => (c.codePointAt(0) ?? 0) > 0x20).join('')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase()
  if (!scheme || !LINK_SCHEMES.includes(scheme)) return null
  if ((scheme === 'http' || scheme === 'https') && !URL.canParse(trimmed)) return null
  return trimmed
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'u',
    's',
    'code',
    'sub',
    'sup',
    'span',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    li: ['value'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    '*': ['style'],
  },
  allowedClasses: { ul: ['list-bullet', 'list-check'], ol: ['list-number'] },
  allowedStyles: {
    '*': {
      'text-align': [/^(left|right|center|justify|start|end)$/],
      'text-decoration': [/^(underline|line-through)$/],
      'padding-inline-start': [/^\d{1,3}px$/],
    },
  },
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Every link opens without handing the opener or the referrer to the other site.
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...(attribs.href ? { href: attribs.href } : {}),
        ...(attribs.target === '_blank' ? { target: '_blank' } : {}),
        rel: 'noopener noreferrer',
      },
    }),
  },
}

/** Sanitises HTML from any source (Lexical output, imports, legacy text) with the allow-list above. */
export const sanitizeRichHtml = (html: string): string => sanitizeHtml(html, SANITIZE)

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const

type UploadValue = { url?: string | null; alt?: string | null; width?: number | null; height?: number | null }

const convertersFor = (baseLevel: number): HTMLConverters => {
  const heading = HeadingHTMLConverter.heading
  return {
    ...defaultHTMLConverters,
    // h1 and h2 become `baseLevel`, deeper ones follow.
    heading: (args) => {
      const asked = HEADINGS.indexOf(args.node.tag as (typeof HEADINGS)[number]) + 1 || 2
      const tag = `h${Math.min(6, Math.max(baseLevel, baseLevel + asked - 2))}` as typeof args.node.tag
      return typeof heading === 'function' ? heading({ ...args, node: { ...args.node, tag } }) : ''
    },
    // Uploaded images live on the CMS: one plain <img> with its size (no layout shift), lazy.
    upload: ({ node }) => {
      const value = (typeof node.value === 'object' ? node.value : null) as UploadValue | null
      const src = mediaUrl(value?.url)
      if (!value || !src) return ''
      const alt = (node.fields as { alt?: string } | undefined)?.alt ?? value.alt ?? ''
      const size = value.width && value.height ? ` width="${value.width}" height="${value.height}"` : ''
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${size} loading="lazy">`
    },
    // Relationships, blocks and nodes this site does not know are left out, not printed as "unknown node".
    unknown: () => '',
  }
}

export type RichTextOptions = { baseLevel?: number }

/**
 * A Lexical value (as Payload stores it) as HTML safe for `set:html`. `baseLevel` is the level the
 * document's top headings take (default 3: below the page's h1 and its section h2s). Anything that is not
 * a Lexical document gives an empty string.
 */
export const richTextToSafeHtml = (value: unknown, options: RichTextOptions = {}): string => {
  const root = (value as { root?: { children?: unknown } } | null | undefined)?.root
  if (!root || typeof root !== 'object' || !Array.isArray(root.children)) return ''
  const baseLevel = Math.min(6, Math.max(2, Math.trunc(options.baseLevel ?? 3)))
  const html = convertLexicalToHTML({
    data: value as never,
    converters: convertersFor(baseLevel),
    disableContainer: true,
  })
  return sanitizeRichHtml(html).trim()
}

/** The description of an event or page, headings starting at `baseLevel` (3: below the page's h2 sections). */
export const richTextToHtml = (value: unknown, baseLevel = 3): string => richTextToSafeHtml(value, { baseLevel })
