import type { Payload } from 'payload'
import sharp from 'sharp'
import { SLUGS } from '../../collections/slugs'

/**
 * The demo events' pictures: flat illustrations drawn here as SVG (shapes only, no text, no fonts) in the colour
 * of the event's kind, rendered to PNG with sharp and uploaded to Media like any librarian's image, so the
 * site shows them through the usual renditions (WebP thumbnails and cards, AVIF). Made for this project:
 * no third-party artwork, no licence to carry.
 */

const W = 1600
const H = 900

type Palette = { bg: string; light: string; dark: string; accent: string }

const PALETTES = {
  reading: { bg: '#f28c38', light: '#ffd9a8', dark: '#7a3a0a', accent: '#2b5fad' },
  workshop: { bg: '#3a9a5b', light: '#c8edd2', dark: '#134a26', accent: '#ffcc33' },
  group: { bg: '#7b4fa8', light: '#e2d2f2', dark: '#35184f', accent: '#ffb347' },
  author: { bg: '#1f8a8a', light: '#c4ecec', dark: '#0b3f3f', accent: '#ff7f50' },
  cinema: { bg: '#253b6e', light: '#c9d5f2', dark: '#0e1a36', accent: '#ffd24d' },
  course: { bg: '#2f7fd1', light: '#d3e6fa', dark: '#0f3768', accent: '#ffcf3f' },
  music: { bg: '#c2457a', light: '#f7d2e2', dark: '#5a1535', accent: '#ffe066' },
  visit: { bg: '#8c6239', light: '#efdcc6', dark: '#3e2710', accent: '#e8c547' },
  talk: { bg: '#4f6173', light: '#d7e0ea', dark: '#1e2a36', accent: '#f2a541' },
  show: { bg: '#c73e3a', light: '#f6d0cf', dark: '#5c1514', accent: '#ffd447' },
  exhibition: { bg: '#d9a521', light: '#fbecc0', dark: '#5e4506', accent: '#2f6fb5' },
} satisfies Record<string, Palette>

/** Scattered dots and a large soft circle: the same backdrop for every picture, in its palette. */
const backdrop = (p: Palette, seed: number) => {
  const dots = Array.from({ length: 18 }, (_, i) => {
    const x = (seed * 97 + i * 211) % W
    const y = (seed * 53 + i * 137) % H
    const r = 6 + ((seed + i * 7) % 5) * 4
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="${p.light}" opacity="0.35"/>`
  }).join('')
  return `<rect width="${W}" height="${H}" fill="${p.bg}"/>
<circle cx="${W * 0.62}" cy="${H * 0.48}" r="380" fill="${p.light}" opacity="0.28"/>${dots}
<rect y="${H - 120}" width="${W}" height="120" fill="${p.dark}" opacity="0.25"/>`
}

const openBook = (p: Palette, x: number, y: number, s = 1) =>
  `<g transform="translate(${x} ${y}) scale(${s})">
<path d="M0 40 Q150 -10 300 40 L300 300 Q150 250 0 300 Z" fill="#fff"/>
<path d="M300 40 Q450 -10 600 40 L600 300 Q450 250 300 300 Z" fill="${p.light}"/>
<path d="M300 40 L300 300" stroke="${p.dark}" stroke-width="6"/>
${[90, 130, 170, 210].map((ly) => `<path d="M50 ${ly} Q150 ${ly - 30} 260 ${ly}" stroke="${p.dark}" stroke-width="6" fill="none" opacity="0.5"/><path d="M340 ${ly} Q450 ${ly - 30} 550 ${ly}" stroke="${p.dark}" stroke-width="6" fill="none" opacity="0.5"/>`).join('')}
</g>`

const star = (x: number, y: number, r: number, fill: string) => {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.45
    const a = (Math.PI / 5) * i - Math.PI / 2
    return `${(x + radius * Math.cos(a)).toFixed(1)},${(y + radius * Math.sin(a)).toFixed(1)}`
  }).join(' ')
  return `<polygon points="${points}" fill="${fill}"/>`
}

const bookSpine = (x: number, y: number, w: number, h: number, fill: string, band: string) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="${fill}"/><rect x="${x}" y="${y + 24}" width="${w}" height="14" fill="${band}"/><rect x="${x}" y="${y + h - 40}" width="${w}" height="10" fill="${band}"/>`

const person = (x: number, y: number, fill: string, s = 1) =>
  `<g transform="translate(${x} ${y}) scale(${s})"><circle cx="0" cy="-150" r="55" fill="${fill}"/><path d="M-95 60 Q-95 -80 0 -80 Q95 -80 95 60 Z" fill="${fill}"/></g>`

/** One motif per kind of demo event, drawn around the centre right of the picture. */
const MOTIFS: Record<string, (p: Palette) => string> = {
  // Bedtime stories for the smallest: a book under the moon and stars.
  moon: (p) =>
    `<circle cx="1180" cy="230" r="110" fill="#fff8dc"/><circle cx="1225" cy="200" r="100" fill="${p.bg}"/>
${star(960, 170, 34, '#fff8dc')}${star(1380, 380, 26, '#fff8dc')}${star(820, 330, 20, '#fff8dc')}${openBook(p, 640, 420, 1.1)}`,
  // A volunteer reading a picture book to children.
  reading: (p) =>
    `${person(760, 640, p.dark, 1.3)}${person(1060, 700, p.accent, 0.8)}${person(1220, 700, '#fff', 0.7)}
<rect x="620" y="380" width="280" height="200" rx="14" fill="#fff"/><circle cx="760" cy="470" r="50" fill="${p.accent}"/><path d="M660 560 L730 480 L800 540 L840 500 L880 560 Z" fill="${p.bg}"/>`,
  // Comics: speech bubbles and a pencil.
  comics: (p) =>
    `<rect x="560" y="170" width="420" height="260" rx="40" fill="#fff"/><path d="M660 420 L640 510 L740 425 Z" fill="#fff"/>
<ellipse cx="1160" cy="330" rx="220" ry="150" fill="${p.light}"/><path d="M1080 470 L1060 560 L1140 475 Z" fill="${p.light}"/>
<circle cx="700" cy="300" r="22" fill="${p.dark}"/><circle cx="770" cy="300" r="22" fill="${p.dark}"/><circle cx="840" cy="300" r="22" fill="${p.dark}"/>
<g transform="rotate(-30 1000 650)"><rect x="760" y="620" width="460" height="60" rx="10" fill="${p.accent}"/><path d="M1220 620 L1300 650 L1220 680 Z" fill="#f6deb0"/><rect x="720" y="620" width="50" height="60" rx="8" fill="#f4a1a1"/></g>`,
  // A reading group: a stack of books and a cup.
  stack: (p) =>
    `${bookSpine(640, 560, 520, 90, '#fff', p.accent)}${bookSpine(680, 470, 460, 90, p.light, p.dark)}${bookSpine(620, 380, 500, 90, p.accent, '#fff')}${bookSpine(700, 290, 420, 90, p.dark, p.light)}
<rect x="1220" y="480" width="150" height="170" rx="20" fill="#fff"/><path d="M1370 520 Q1440 560 1370 610" stroke="#fff" stroke-width="22" fill="none"/><path d="M1260 440 Q1280 400 1260 370 M1320 440 Q1340 400 1320 370" stroke="#fff" stroke-width="10" fill="none" opacity="0.7"/>`,
  // An author on stage with a microphone.
  author: (p) =>
    `${person(980, 660, p.dark, 1.5)}<rect x="1150" y="360" width="18" height="300" fill="${p.dark}"/><rect x="1125" y="300" width="68" height="110" rx="34" fill="${p.accent}"/>
<rect x="560" y="560" width="260" height="180" rx="10" fill="#fff"/>${bookSpine(600, 470, 180, 90, p.accent, '#fff')}`,
  // A treasure map with its dashed path and cross.
  map: (p) =>
    `<path d="M520 220 L820 170 L1080 230 L1380 180 L1380 680 L1080 730 L820 670 L520 720 Z" fill="#f6e7c1"/>
<path d="M820 170 L820 670 M1080 230 L1080 730" stroke="#d9c28e" stroke-width="6"/>
<path d="M600 620 Q700 500 850 540 T1100 420 T1250 330" stroke="${p.dark}" stroke-width="12" stroke-dasharray="30 22" fill="none"/>
<path d="M1220 290 L1300 370 M1300 290 L1220 370" stroke="#c0392b" stroke-width="22" stroke-linecap="round"/>${star(640, 300, 40, p.accent)}`,
  // Cinema: a film strip and a reel.
  film: (p) =>
    `<g transform="rotate(-8 900 450)"><rect x="420" y="330" width="960" height="240" fill="${p.dark}"/>
${Array.from({ length: 12 }, (_, i) => `<rect x="${440 + i * 80}" y="345" width="40" height="26" rx="4" fill="#fff"/><rect x="${440 + i * 80}" y="529" width="40" height="26" rx="4" fill="#fff"/>`).join('')}
${[0, 1, 2, 3].map((i) => `<rect x="${460 + i * 230}" y="390" width="200" height="120" fill="${i % 2 ? p.light : p.accent}"/>`).join('')}</g>
<circle cx="1300" cy="230" r="120" fill="#fff"/>${[0, 1, 2, 3, 4].map((i) => `<circle cx="${1300 + 65 * Math.cos((i * 2 * Math.PI) / 5)}" cy="${230 + 65 * Math.sin((i * 2 * Math.PI) / 5)}" r="26" fill="${p.bg}"/>`).join('')}`,
  // A digital course: a laptop and a phone.
  screen: (p) =>
    `<rect x="560" y="230" width="620" height="380" rx="24" fill="${p.dark}"/><rect x="590" y="260" width="560" height="320" rx="8" fill="${p.light}"/>
<path d="M500 620 L1240 620 L1200 680 L540 680 Z" fill="#fff"/>
<rect x="640" y="310" width="260" height="30" rx="15" fill="${p.bg}"/><rect x="640" y="370" width="420" height="24" rx="12" fill="#fff"/><rect x="640" y="420" width="360" height="24" rx="12" fill="#fff"/><circle cx="1060" cy="500" r="44" fill="${p.accent}"/>
<rect x="1260" y="330" width="180" height="330" rx="28" fill="#fff"/><rect x="1280" y="370" width="140" height="240" rx="6" fill="${p.bg}"/>`,
  // Music among the shelves: notes over a shelf.
  music: (p) =>
    `${bookSpine(520, 560, 60, 160, '#fff', p.accent)}${bookSpine(590, 580, 60, 140, p.light, p.dark)}${bookSpine(660, 550, 60, 170, p.accent, '#fff')}
<g fill="#fff"><ellipse cx="900" cy="520" rx="60" ry="44"/><rect x="944" y="260" width="18" height="262"/><ellipse cx="1120" cy="470" rx="60" ry="44"/><rect x="1164" y="210" width="18" height="262"/><path d="M944 260 L1182 210 L1182 270 L944 320 Z"/></g>
<g fill="${p.accent}"><ellipse cx="1330" cy="380" rx="46" ry="34"/><rect x="1362" y="180" width="14" height="202"/><path d="M1376 180 Q1440 230 1410 300 Q1420 240 1376 230 Z"/></g>`,
  // Old books and a scroll for a guided visit to the rare collections.
  scroll: (p) =>
    `<rect x="560" y="270" width="600" height="360" fill="#f6e7c1"/><ellipse cx="560" cy="450" rx="40" ry="180" fill="#e9d29b"/><ellipse cx="1160" cy="450" rx="40" ry="180" fill="#e9d29b"/>
${[340, 400, 460, 520, 580].map((y) => `<path d="M640 ${y} L1080 ${y}" stroke="${p.dark}" stroke-width="8" opacity="0.45"/>`).join('')}
<circle cx="1260" cy="620" r="56" fill="#b03a2e"/>${bookSpine(1260, 240, 90, 260, p.dark, p.accent)}${bookSpine(1360, 270, 80, 230, p.accent, p.dark)}`,
  // A talk on the town's history: houses and a bell tower.
  town: (p) =>
    `<rect x="540" y="420" width="220" height="260" fill="#fff"/><path d="M520 430 L650 320 L780 430 Z" fill="${p.dark}"/>
<rect x="800" y="200" width="140" height="480" fill="${p.light}"/><path d="M790 210 L870 110 L950 210 Z" fill="${p.dark}"/><circle cx="870" cy="290" r="34" fill="${p.accent}"/>
<rect x="980" y="460" width="260" height="220" fill="#fff"/><path d="M960 470 L1110 370 L1260 470 Z" fill="${p.dark}"/>
${[580, 680, 1020, 1140].map((x) => `<rect x="${x}" y="${x < 900 ? 500 : 530}" width="50" height="70" fill="${p.bg}"/>`).join('')}`,
  // A puppet show: stage curtains and two puppets.
  puppets: (p) =>
    `<rect x="480" y="140" width="940" height="560" fill="${p.dark}"/><rect x="520" y="180" width="860" height="420" fill="${p.light}"/>
<path d="M520 180 Q620 400 560 600 L520 600 Z M1380 180 Q1280 400 1340 600 L1380 600 Z" fill="#fff" opacity="0.85"/>
<path d="M480 140 L1420 140 L1420 210 Q1180 260 950 210 Q720 260 480 210 Z" fill="${p.accent}"/>
<circle cx="820" cy="400" r="70" fill="#f6c9a0"/><path d="M750 370 L820 290 L890 370 Z" fill="${p.bg}"/><rect x="760" y="470" width="120" height="130" rx="20" fill="${p.bg}"/>
<circle cx="1080" cy="410" r="70" fill="#f6c9a0"/><path d="M1010 390 Q1080 310 1150 390 Z" fill="${p.dark}"/><rect x="1020" y="480" width="120" height="120" rx="20" fill="${p.accent}"/>`,
  // A book club for teenagers: two books and a heart.
  club: (p) =>
    `<g transform="rotate(-10 800 450)">${bookSpine(620, 250, 280, 380, '#fff', p.accent)}</g><g transform="rotate(8 1100 450)">${bookSpine(980, 240, 280, 380, p.accent, '#fff')}</g>
<path d="M950 250 C950 190 1040 190 1040 250 C1040 190 1130 190 1130 250 C1130 320 1040 360 1040 390 C1040 360 950 320 950 250 Z" fill="#e74c6f"/>`,
  // An exhibition of illustrations: framed pictures on a wall.
  frames: (p) =>
    `<rect x="520" y="200" width="360" height="280" fill="${p.dark}"/><rect x="545" y="225" width="310" height="230" fill="${p.light}"/><circle cx="640" cy="310" r="40" fill="${p.accent}"/><path d="M560 440 L680 340 L760 410 L820 370 L840 440 Z" fill="${p.bg}"/>
<rect x="940" y="160" width="260" height="340" fill="${p.dark}"/><rect x="962" y="182" width="216" height="296" fill="#fff"/>${star(1070, 330, 60, p.accent)}
<rect x="1250" y="240" width="200" height="200" fill="${p.dark}"/><rect x="1270" y="260" width="160" height="160" fill="${p.light}"/><circle cx="1350" cy="340" r="50" fill="${p.bg}"/>
<rect x="700" y="600" width="560" height="20" rx="10" fill="#fff" opacity="0.6"/>`,
  // "Why read?": an open book and a question mark.
  question: (p) =>
    `${openBook(p, 560, 470, 0.95)}<path d="M1140 260 Q1140 140 1260 140 Q1380 140 1380 250 Q1380 320 1300 350 Q1260 370 1260 430 L1260 470" stroke="#fff" stroke-width="56" fill="none" stroke-linecap="round"/><circle cx="1260" cy="580" r="36" fill="#fff"/>`,
}

/** The picture of each demo template, by the template's title (cms/seed/events.ts), with its alt text. */
export const DEMO_PICTURES: Record<
  string,
  { motif: keyof typeof MOTIFS; palette: keyof typeof PALETTES; alt: string }
> = {
  'Storie piccine: letture per i più piccoli': {
    motif: 'moon',
    palette: 'reading',
    alt: 'Illustrazione: un libro aperto sotto la luna e le stelle, su fondo arancione.',
  },
  'Nati per Leggere: il sabato delle storie': {
    motif: 'reading',
    palette: 'reading',
    alt: 'Illustrazione: una lettrice mostra un albo illustrato a due bambini.',
  },
  'Laboratorio di fumetto': {
    motif: 'comics',
    palette: 'workshop',
    alt: 'Illustrazione: due nuvolette dei fumetti e una matita, su fondo verde.',
  },
  'Gruppo di lettura: i classici': {
    motif: 'stack',
    palette: 'group',
    alt: 'Illustrazione: una pila di libri accanto a una tazza fumante.',
  },
  'Incontro con l’autrice': {
    motif: 'author',
    palette: 'author',
    alt: 'Illustrazione: una scrittrice sul palco davanti a un microfono, accanto ai suoi libri.',
  },
  'Caccia al tesoro in biblioteca': {
    motif: 'map',
    palette: 'workshop',
    alt: 'Illustrazione: una mappa del tesoro con un sentiero tratteggiato e una croce rossa.',
  },
  'Cineforum: film tratti da libri': {
    motif: 'film',
    palette: 'cinema',
    alt: 'Illustrazione: una pellicola cinematografica e una bobina, su fondo blu notte.',
  },
  'Corso di alfabetizzazione digitale': {
    motif: 'screen',
    palette: 'course',
    alt: 'Illustrazione: un computer portatile e uno smartphone.',
  },
  'Musica tra gli scaffali': {
    motif: 'music',
    palette: 'music',
    alt: 'Illustrazione: note musicali sopra uno scaffale di libri.',
  },
  'Visita guidata ai fondi antichi': {
    motif: 'scroll',
    palette: 'visit',
    alt: 'Illustrazione: una pergamena con sigillo di ceralacca e due volumi antichi.',
  },
  'Conferenza: la storia della città': {
    motif: 'town',
    palette: 'talk',
    alt: 'Illustrazione: case e un campanile di paese.',
  },
  'Teatro di burattini': {
    motif: 'puppets',
    palette: 'show',
    alt: 'Illustrazione: un teatrino con il sipario aperto e due burattini.',
  },
  'Book club ragazzi': {
    motif: 'club',
    palette: 'group',
    alt: 'Illustrazione: due libri inclinati e un cuore rosso.',
  },
  'Mostra di illustrazione per l’infanzia': {
    motif: 'frames',
    palette: 'exhibition',
    alt: 'Illustrazione: quadri incorniciati appesi a una parete gialla.',
  },
  'Perché leggere? Dialogo in città': {
    motif: 'question',
    palette: 'talk',
    alt: 'Illustrazione: un libro aperto e un grande punto interrogativo.',
  },
}

/** The SVG of one picture. */
export const pictureSvg = (motif: keyof typeof MOTIFS, palette: keyof typeof PALETTES, seed: number): string => {
  const p = PALETTES[palette]
  const draw = MOTIFS[motif] as (p: Palette) => string
  // Motifs sit a little left of centre right, inside both the 16:9 card and the 4:3 thumbnail crops.
  // Drawn on a 1600 × 900 grid, rendered at 1280 × 720: large enough for the 800 px card renditions (and their
  // 2× use), small enough that the seed encodes them quickly; no 1600 px `wide` rendition is made from it.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 ${W} ${H}">${backdrop(p, seed)}<g transform="translate(-70 0)">${draw(p)}</g></svg>`
}

export type SeededPicture = { id: number | string; alt: string }

/** Uploads one picture per demo template; the Media ids (and alt texts) by template title. */
export const seedPictures = async (
  payload: Payload,
  log: (line: string) => void,
): Promise<Map<string, SeededPicture>> => {
  const started = Date.now()
  const ids = new Map<string, SeededPicture>()
  for (const [i, [title, picture]] of Object.entries(DEMO_PICTURES).entries()) {
    const data = await sharp(Buffer.from(pictureSvg(picture.motif, picture.palette, i + 3)))
      .png({ compressionLevel: 3 })
      .toBuffer()
    const doc = await payload.create({
      collection: SLUGS.media,
      data: { alt: picture.alt, credit: 'Illustrazione dimostrativa' },
      file: { data, mimetype: 'image/png', name: `demo-${picture.motif}.png`, size: data.length },
      overrideAccess: true,
      depth: 0,
      context: { seed: true },
    })
    ids.set(title, { id: doc.id, alt: picture.alt })
  }
  log(`${ids.size} immagini in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return ids
}
