type LexicalNode = { type?: string; text?: string; children?: LexicalNode[] }
const BLOCKS = new Set(['paragraph', 'heading', 'listitem', 'quote', 'list'])

/** Plain text of a Lexical document: text nodes only, one line per block. Never HTML. */
export const lexicalToPlainText = (value: unknown): string => {
  const root = (value as { root?: LexicalNode } | null)?.root
  if (!root) return ''
  const out: string[] = []
  const walk = (node: LexicalNode) => {
    if (typeof node.text === 'string') out.push(node.text)
    if (node.type === 'linebreak') out.push('\n')
    for (const child of node.children ?? []) walk(child)
    if (node.type && BLOCKS.has(node.type)) out.push('\n')
  }
  walk(root)
  return out
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** A Lexical document with one paragraph per line of plain text (for seeds and imports). */
export const plainTextToLexical = (text: string) => ({
  root: {
    type: 'root',
    format: '' as const,
    indent: 0,
    version: 1,
    direction: 'ltr' as const,
    children: text.split(/\n+/).map((line) => ({
      type: 'paragraph',
      format: '' as const,
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      textFormat: 0,
      children: [{ type: 'text', text: line, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
    })),
  },
})
