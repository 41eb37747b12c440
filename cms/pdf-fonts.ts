import { existsSync } from 'node:fs'
import path from 'node:path'
import { appRoot } from '../shared/paths'

// The fonts of the PDFs the CMS builds (registration lists, printed programmes): embedded, so the text is real
// text in the network's typeface on any printer.

const FONTSOURCE = 'node_modules/@fontsource/titillium-web/files'
/** Titillium Web's Latin file covers these code points (its unicode-range); other names use DejaVu Sans if present. */
const LATIN_RANGES: [number, number][] = [
  [0x0000, 0x00ff],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0304, 0x0304],
  [0x0308, 0x0308],
  [0x0329, 0x0329],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
]
const latin = (value: string) =>
  [...value].every((ch) => {
    const cp = ch.codePointAt(0) ?? 0
    return LATIN_RANGES.some(([a, b]) => cp >= a && cp <= b)
  })
const DEJAVU = '/usr/share/fonts/truetype/dejavu'

export type PdfFonts = {
  regular: string
  bold: string
  wide: string | null
  wideBold: string | null
  /** The font that can draw `value`: Titillium Web for Latin text, DejaVu Sans for the rest when present. */
  face: (value: string, bold?: boolean) => string
}

/** Titillium Web (the site's typeface) when its files are there, else PDF's standard Helvetica. */
export const pdfFonts = (doc: PDFKit.PDFDocument): PdfFonts => {
  const file = (weight: number) => path.join(appRoot(), FONTSOURCE, `titillium-web-latin-${weight}-normal.woff`)
  const own = existsSync(file(400)) && existsSync(file(700))
  if (own) {
    doc.registerFont('Body', file(400))
    doc.registerFont('Bold', file(700))
  }
  const wide = existsSync(path.join(DEJAVU, 'DejaVuSans.ttf'))
  if (wide) {
    doc.registerFont('Wide', path.join(DEJAVU, 'DejaVuSans.ttf'))
    doc.registerFont('WideBold', path.join(DEJAVU, 'DejaVuSans-Bold.ttf'))
  }
  const regular = own ? 'Body' : 'Helvetica'
  const bold = own ? 'Bold' : 'Helvetica-Bold'
  const wideFont = wide ? 'Wide' : null
  const wideBold = wide ? 'WideBold' : null
  const face = (value: string, strong = false) =>
    latin(value) || !wideFont ? (strong ? bold : regular) : ((strong ? wideBold : wideFont) as string)
  return { regular, bold, wide: wideFont, wideBold, face }
}
