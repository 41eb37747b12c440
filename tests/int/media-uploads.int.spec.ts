// Uploads are decided by content, not by name: real raster images pass and get WebP/AVIF sizes; SVG,
// oversized files, decompression bombs and truncated files are refused with a 400 and an Italian message,
// leaving no document and no file behind. Uploading is system-scoped like the rest of the content.
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { handleEndpoints } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import config from '../../cms/payload.config'
import { MAX_UPLOAD_BYTES } from '../../collections/Media/limits'
import { SLUGS } from '../../collections/slugs'
import { mediaDir } from '../../shared/paths'
import { buildNetwork, client, countAll, type Network, stored, type UserKey } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

type Upload = { bytes: Buffer; name: string; type: string }

/** POST /api/media as multipart/form-data, through Payload's real HTTP handler. */
const uploadRest = async (who: UserKey | 'public', file: Upload, data: Record<string, unknown> = {}) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  form.append('_payload', JSON.stringify({ alt: 'Immagine di prova', ...data }))
  const headers: Record<string, string> = {}
  if (who !== 'public') headers.authorization = `JWT ${await net.token(who)}`
  const request = new Request('http://localhost:3000/api/media', { method: 'POST', headers, body: form })
  const response = await handleEndpoints({ config, request, path: '/api/media' })
  const json = JSON.parse((await response.text()) || 'null')
  return { status: response.status, json, message: json?.errors?.[0]?.message as string | undefined }
}

/** The same through the Local API, as the given user. */
const uploadLocal = async (who: UserKey, file: Upload, data: Record<string, unknown> = {}) => {
  try {
    const doc = await payload.create({
      collection: SLUGS.media,
      data: { alt: 'Immagine di prova', ...data },
      file: { data: file.bytes, mimetype: file.type, name: file.name, size: file.bytes.length },
      overrideAccess: false,
      user: net.as(who),
    })
    return { status: 201, json: { doc }, message: undefined }
  } catch (error) {
    const e = error as { status?: number; message: string }
    return { status: e.status ?? 500, json: null, message: e.message }
  }
}

const files = () => (existsSync(mediaDir()) ? readdirSync(mediaDir()).sort() : [])

const photo = async (format: 'png' | 'jpeg') => {
  // A gradient with some noise: a plausible photo, not a flat colour.
  const width = 1200
  const height = 800
  const raw = Buffer.alloc(width * height * 3)
  for (let i = 0; i < raw.length; i++) raw[i] = ((i / 3) % width) / 5 + Math.random() * 40
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer()
}

/**
 * A 20,000 × 20,000 single-colour PNG (400 million pixels, 1.2 GB decoded as RGB) that compresses to a
 * few KB: written directly (1-bit greyscale rows of zeros, deflated), since having sharp encode it would
 * take seconds and the very memory this test guards.
 */
const bomb = () => {
  const side = 20_000
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header.writeUInt8(1, 8) // bit depth 1
  header.writeUInt8(0, 9) // greyscale
  const rows = Buffer.alloc((1 + side / 8) * side) // filter byte 0 + zero pixels, every row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
)

describe.each(['rest', 'local'] as const)('uploads over %s', (via) => {
  const upload = (who: UserKey, file: Upload, data?: Record<string, unknown>) =>
    via === 'rest' ? uploadRest(who, file, data) : uploadLocal(who, file, data)

  /**
   * The upload is refused with 400 (413 when the HTTP layer stops an oversized body) and an Italian
   * message; no document and no file are left behind.
   */
  const refused = async (file: Upload, message: RegExp, status = 400) => {
    const docs = await countAll(payload, SLUGS.media)
    const before = files()
    const res = await upload('editorA', file)
    expect(res.status).toBe(status)
    expect(res.message).toMatch(message)
    expect(await countAll(payload, SLUGS.media)).toBe(docs)
    expect(files()).toEqual(before)
    return res
  }

  it('a real PNG passes and gets WebP and AVIF sizes', async () => {
    const res = await upload('editorA', { bytes: await photo('png'), name: 'lettura.png', type: 'image/png' })
    expect(res.status).toBe(201)
    const doc = await stored(payload, SLUGS.media, res.json.doc.id)
    expect(doc).toMatchObject({ mimeType: 'image/png', width: 1200, height: 800, system: net.systems.a })
    expect(doc.sizes.card).toMatchObject({ mimeType: 'image/webp', width: 800, height: 450 })
    expect(doc.sizes.thumb).toMatchObject({ mimeType: 'image/webp', width: 400, height: 300 })
    expect(doc.sizes.wide.filename).toBeNull() // 1600 px wide: never enlarged from 1200
    expect(doc.sizes.cardAvif).toMatchObject({ mimeType: 'image/avif', width: 800, height: 450 })
    for (const size of ['card', 'thumb', 'cardAvif'])
      expect((await sharp(path.join(mediaDir(), doc.sizes[size].filename)).metadata()).format).toBe(
        size === 'cardAvif' ? 'heif' : 'webp',
      )
  })

  it('a real JPEG passes', async () => {
    const res = await upload('editorA', { bytes: await photo('jpeg'), name: 'foto.jpg', type: 'image/jpeg' })
    expect(res.status).toBe(201)
    expect((await stored(payload, SLUGS.media, res.json.doc.id)).mimeType).toBe('image/jpeg')
  })

  it('a PNG named .jpg is accepted as what it is: a PNG', async () => {
    const res = await upload('editorA', { bytes: await photo('png'), name: 'travestita.jpg', type: 'image/jpeg' })
    expect(res.status).toBe(201)
    const doc = await stored(payload, SLUGS.media, res.json.doc.id)
    expect(doc.mimeType).toBe('image/png')
    expect(doc.filename).toMatch(/\.png$/)
    expect((await sharp(path.join(mediaDir(), doc.filename)).metadata()).format).toBe('png')
  })

  it('an SVG is refused', async () => {
    await refused({ bytes: SVG, name: 'logo.svg', type: 'image/svg+xml' }, /solo immagini JPEG, PNG, WebP, AVIF o GIF/)
  })

  it('an SVG named .png is refused too', async () => {
    await refused(
      { bytes: SVG, name: 'logo.png', type: 'image/png' },
      /solo immagini JPEG, PNG, WebP, AVIF o GIF|non è un’immagine/,
    )
  })

  it('a text file named .jpg is refused', async () => {
    await refused(
      { bytes: Buffer.from('non sono una foto'), name: 'nota.jpg', type: 'image/jpeg' },
      /non è un’immagine leggibile|solo immagini/,
    )
  })

  it('a file over the size limit is refused', async () => {
    const side = 1900 // random pixels do not compress: > 10 MB as an uncompressed PNG
    const bytes = await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer()
    expect(bytes.length).toBeGreaterThan(MAX_UPLOAD_BYTES)
    await refused(
      { bytes, name: 'enorme.png', type: 'image/png' },
      /supera il limite di 10 MB/,
      via === 'rest' ? 413 : 400,
    )
  })

  it('a decompression bomb is refused quickly, without decoding it', async () => {
    const bytes = bomb()
    expect(bytes.length).toBeLessThan(200_000)
    expect(await sharp(bytes, { limitInputPixels: false }).metadata()).toMatchObject({ width: 20_000, height: 20_000 })
    global.gc?.()
    const rss = process.memoryUsage().rss
    const t0 = performance.now()
    await refused({ bytes, name: 'bomba.png', type: 'image/png' }, /troppo grande: al massimo 40 milioni di pixel/)
    expect(performance.now() - t0).toBeLessThan(5000)
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024)
  })

  it.each(['png', 'jpeg'] as const)('a truncated %s is refused', async (format) => {
    const whole = await photo(format)
    const bytes = whole.subarray(0, Math.floor(whole.length / 2))
    await refused({ bytes, name: `rotta.${format}`, type: `image/${format}` }, /non è un’immagine leggibile/)
  })
})

describe('who may upload', () => {
  const png = async () => ({ bytes: await photo('png'), name: 'x.png', type: 'image/png' })

  it('a contributor uploads into its own system (preselected)', async () => {
    const res = await uploadRest('contributorA1', await png())
    expect(res.status).toBe(201)
    expect((await stored(payload, SLUGS.media, res.json.doc.id)).system).toBe(net.systems.a)
  })

  it.each(['rest', 'local'] as const)(
    'over %s, nobody uploads into another system, and nothing is written',
    async (via) => {
      const docs = await countAll(payload, SLUGS.media)
      const before = files()
      for (const who of ['editorA', 'contributorA1'] as const) {
        const res =
          via === 'rest'
            ? await uploadRest(who, await png(), { system: net.systems.b })
            : await uploadLocal(who, await png(), { system: net.systems.b })
        expect(res.status).toBe(403)
      }
      expect(await countAll(payload, SLUGS.media)).toBe(docs)
      expect(files()).toEqual(before)
    },
  )

  it('the public cannot upload', async () => {
    const docs = await countAll(payload, SLUGS.media)
    expect((await uploadRest('public', await png())).status).toBe(403)
    expect(await countAll(payload, SLUGS.media)).toBe(docs)
  })

  it('a system editor edits and deletes its system’s images, not another system’s', async () => {
    const mine = (await uploadRest('editorA', await png())).json.doc.id as number
    const theirs = (await uploadRest('editorB', await png())).json.doc.id as number
    const as = client(payload, net, 'rest', 'editorA')
    expect((await as.update(SLUGS.media, mine, { alt: 'Nuovo testo' })).status).toBe(200)
    const before = await stored(payload, SLUGS.media, theirs)
    expect((await as.update(SLUGS.media, theirs, { alt: 'preso' })).status).toBe(403)
    expect((await as.delete(SLUGS.media, theirs)).status).toBe(403)
    expect(await stored(payload, SLUGS.media, theirs)).toEqual(before)
    expect(existsSync(path.join(mediaDir(), before.filename))).toBe(true)
    expect((await as.delete(SLUGS.media, mine)).status).toBe(200)
  })

  it('the network editor curates any image (campaign visuals)', async () => {
    const theirs = (await uploadRest('editorB', await png())).json.doc.id as number
    const res = await client(payload, net, 'local', 'networkEditor').update(SLUGS.media, theirs, { credit: 'Rete' })
    expect(res.status).toBe(200)
  })
})
