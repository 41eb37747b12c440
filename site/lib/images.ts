import type { Media } from '../../cms/payload-types'
import { mediaUrl } from './urls'

export type ImageSource = { url: string; width: number; height: number }

/** What a template needs to draw an image without layout shift: a fallback, WebP and AVIF candidates. */
export type ResponsiveImage = {
  src: string
  width: number
  height: number
  srcset: string
  avifSrcset: string | null
  alt: string
}

const source = (
  size: { url?: string | null; width?: number | null; height?: number | null } | undefined | null,
): ImageSource | null => {
  const url = mediaUrl(size?.url)
  return url && size?.width && size?.height ? { url, width: size.width, height: size.height } : null
}

/**
 * The 16:9 crops (`card`, `cardAvif`) plus the large `wide` rendition for big screens. The template
 * fixes the box to 16:9 with object-fit, so mixing the uncropped `wide` in the srcset never shifts layout.
 */
export const responsiveImage = (
  media: Media | null | undefined,
  alt: string | null | undefined,
): ResponsiveImage | null => {
  if (!media || typeof media !== 'object') return null
  const card = source(media.sizes?.card)
  const wide = source(media.sizes?.wide)
  const original = source(media)
  const base = card ?? wide ?? original
  if (!base) return null
  const candidates = [card, wide].filter((c): c is ImageSource => c !== null)
  const avif = source(media.sizes?.cardAvif)
  return {
    src: base.url,
    width: card ? card.width : base.width,
    height: card ? card.height : Math.round((base.width * 9) / 16),
    srcset: (candidates.length ? candidates : [base]).map((c) => `${c.url} ${c.width}w`).join(', '),
    avifSrcset: avif ? `${avif.url} ${avif.width}w` : null,
    alt: alt ?? media.alt ?? '',
  }
}

/** Small 4:3 thumbnails for agenda rows. */
export const thumbnail = (media: Media | null | undefined, alt: string | null | undefined): ResponsiveImage | null => {
  const thumb = source(media?.sizes?.thumb)
  if (!media || !thumb) return null
  return {
    src: thumb.url,
    width: thumb.width,
    height: thumb.height,
    srcset: `${thumb.url} ${thumb.width}w`,
    avifSrcset: null,
    alt: alt ?? media.alt ?? '',
  }
}

/**
 * A funder's logo, never cropped: the uncropped `wide` rendition when the upload was large enough to have one,
 * else the original. The template bounds its height.
 */
export const logoImage = (media: Media | null | undefined, alt: string): (ImageSource & { alt: string }) | null => {
  if (!media || typeof media !== 'object') return null
  const image = source(media.sizes?.wide) ?? source(media)
  return image ? { ...image, alt } : null
}
