import { Heading, Link, Text } from '@react-email/components'
import type { ReactNode } from 'react'
import { styles } from './theme'

type LexicalNode = {
  type?: string
  tag?: string
  text?: string
  format?: number | string
  listType?: string
  url?: string
  fields?: { url?: string; linkType?: string }
  children?: LexicalNode[]
}

const safeUrl = (url: string | undefined): string | null =>
  url && /^(https?:|mailto:)/i.test(url.trim()) ? url.trim() : null

const inline = (nodes: LexicalNode[] | undefined, key = ''): ReactNode[] =>
  (nodes ?? []).map((node, i) => {
    const k = `${key}${i}`
    if (node.type === 'linebreak') return <br key={k} />
    if (node.type === 'link' || node.type === 'autolink') {
      const href = safeUrl(node.fields?.url ?? node.url)
      const content = inline(node.children, `${k}-`)
      return href ? (
        <Link key={k} href={href} style={styles.link}>
          {content}
        </Link>
      ) : (
        <span key={k}>{content}</span>
      )
    }
    if (typeof node.text === 'string') {
      const format = typeof node.format === 'number' ? node.format : 0
      let out: ReactNode = node.text
      if (format & 1) out = <strong>{out}</strong>
      if (format & 2) out = <em>{out}</em>
      return <span key={k}>{out}</span>
    }
    return <span key={k}>{inline(node.children, `${k}-`)}</span>
  })

/**
 * The Lexical intro of an editorial newsletter as mail markup: paragraphs, headings (h2/h3 under the
 * subject's h1), lists, bold, italic and http(s)/mailto links. Text is escaped by React; nothing else passes.
 */
export const RichText = ({ value }: { value: unknown }) => {
  const root = (value as { root?: LexicalNode } | null)?.root
  if (!root?.children) return null
  return (
    <>
      {root.children.map((block, i) => {
        const key = `block-${i}`
        if (block.type === 'heading') {
          const level = block.tag === 'h2' || block.tag === 'h1' ? 'h2' : 'h3'
          return (
            <Heading key={key} as={level} style={level === 'h2' ? styles.h2 : styles.h3}>
              {inline(block.children)}
            </Heading>
          )
        }
        if (block.type === 'list') {
          const items = (block.children ?? []).map((item, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rendered once to a string, never reordered
            <li key={`${key}-${j}`} style={{ ...styles.text, margin: '0 0 4px' }}>
              {inline(item.children)}
            </li>
          ))
          return block.listType === 'number' ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>
        }
        if (block.type === 'quote')
          return (
            <Text key={key} style={{ ...styles.text, borderLeft: '3px solid #d0d6dd', paddingLeft: '12px' }}>
              {inline(block.children)}
            </Text>
          )
        return (
          <Text key={key} style={styles.text}>
            {inline(block.children)}
          </Text>
        )
      })}
    </>
  )
}
