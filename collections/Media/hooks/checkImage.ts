import type { CollectionBeforeOperationHook } from 'payload'
import sharp from 'sharp'
import { Refusal } from '../../lib/refusal'
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES, RASTER_FORMATS, TOO_LARGE_MESSAGE } from '../limits'

const refuse = (message: string) => new Refusal(message, 400, 'file')

/**
 * Decides by content, not by name: the bytes must decode as a raster image within the pixel limit.
 * A decompression bomb fails at the header (limitInputPixels) before any pixel buffer is allocated.
 */
export const checkImage: CollectionBeforeOperationHook<'media'> = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data) return args
  if (file.data.length > MAX_UPLOAD_BYTES) throw refuse(TOO_LARGE_MESSAGE)
  let format: string | undefined
  try {
    const image = sharp(file.data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' })
    const meta = await image.metadata()
    format = meta.format
    if (!format || !(RASTER_FORMATS as readonly string[]).includes(format))
      throw refuse('Sono accettate solo immagini JPEG, PNG, WebP, AVIF o GIF (non SVG né altri formati).')
    await image.resize(32, 32, { fit: 'inside' }).toBuffer()
  } catch (error) {
    if (error instanceof Refusal) throw error
    const text = String((error as Error).message)
    if (/pixel limit/i.test(text))
      throw refuse(`L’immagine è troppo grande: al massimo ${MAX_INPUT_PIXELS / 1_000_000} milioni di pixel.`)
    if (/unsupported image format|svg/i.test(text))
      throw refuse('Sono accettate solo immagini JPEG, PNG, WebP, AVIF o GIF (non SVG né altri formati).')
    throw refuse('Il file non è un’immagine leggibile (forse è danneggiato o incompleto).')
  }
  const mimeType = format === 'jpeg' ? 'image/jpeg' : `image/${format}`
  file.mimetype = mimeType
  return args
}
