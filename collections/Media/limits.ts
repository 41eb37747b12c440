/** Upload limits, shared by the Payload config (size) and the image check (pixels, formats). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
export const TOO_LARGE_MESSAGE = `Il file supera il limite di ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`
export const MAX_INPUT_PIXELS = 40_000_000
export const RASTER_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'gif'] as const
export const RASTER_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']
