import type { CollectionConfig } from 'payload'
import { mediaDir } from '../../shared/paths'
import { networkOrSystemWrite, systemStaffCreate } from '../access/by-system'
import { anyone } from '../access/roles'
import { systemField } from '../fields/system'
import { keepFieldErrors } from '../hooks/keepFieldErrors'
import { SLUGS } from '../slugs'
import { checkImage } from './hooks/checkImage'
import { MAX_INPUT_PIXELS, RASTER_MIME_TYPES } from './limits'

const webp = { format: 'webp' as const, options: { quality: 78 } }

export const Media: CollectionConfig = {
  slug: SLUGS.media,
  labels: { singular: 'Immagine', plural: 'Immagini' },
  admin: { group: 'Programmazione', defaultColumns: ['filename', 'alt', 'system'] },
  access: { read: anyone, create: systemStaffCreate, update: networkOrSystemWrite, delete: networkOrSystemWrite },
  hooks: {
    afterError: [keepFieldErrors],
    beforeOperation: [checkImage],
  },
  upload: {
    staticDir: mediaDir(),
    mimeTypes: RASTER_MIME_TYPES,
    focalPoint: true,
    crop: true,
    withMetadata: false,
    constructorOptions: { limitInputPixels: MAX_INPUT_PIXELS },
    imageSizes: [
      { name: 'thumb', width: 400, height: 300, position: 'centre', formatOptions: webp },
      { name: 'card', width: 800, height: 450, position: 'centre', formatOptions: webp },
      { name: 'wide', width: 1600, formatOptions: webp },
      {
        name: 'cardAvif',
        width: 800,
        height: 450,
        position: 'centre',
        // effort 2: a tenth of the default's encoding time, for a few per cent more bytes.
        formatOptions: { format: 'avif', options: { quality: 55, effort: 2 } },
      },
    ],
    adminThumbnail: 'thumb',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: 'Testo alternativo',
      admin: { description: 'Descrive l’immagine a chi non la vede.' },
    },
    { name: 'credit', type: 'text', label: 'Crediti' },
    systemField({ required: false }),
  ],
}
