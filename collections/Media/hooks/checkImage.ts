import { APIError, type CollectionBeforeOperationHook } from 'payload'
import sharp from 'sharp'
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES, RASTER_FORMATS } from '../limits'

const refuse = (message: string) => new APIError(message, 400, undefined, true)

/**
 * Decides by content, not by name: the bytes must decode as a raster image within the pixel limit.
 * A decompression bomb fails at the header (limitInputPixels) before any pixel buffer is allocated.
 */
export const checkImage: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data) return args
  if (file.data.length > MAX_UPLOAD_BYTES)
    throw refuse(`Il file supera il limite di ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`)
  let format: string | undefined
  try {
    const image = sharp(file.data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' })
    const meta = await image.metadata()
    format = meta.format
    if (!format || !(RASTER_FORMATS as readonly string[]).includes(format))
      throw refuse('Sono accettate solo immagini JPEG, PNG, WebP, AVIF o GIF (non SVG né altri formati).')
    await image.resize(32, 32, { fit: 'inside' }).toBuffer()
  } catch (error) {
    if (error instanceof APIError) throw error
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
