'use client'
import { useLivePreviewContext, useTranslation } from '@payloadcms/ui'
import { adminStrings } from '../../../shared/strings'

/**
 * Replaces Payload's icon-only preview button: "Anteprima sul sito", the saved draft as the site will show
 * it, through a signed link that expires (see collections/Events/preview.ts). Only offered to those who may
 * read the event's drafts.
 */
export const PreviewLink = () => {
  const t = adminStrings(useTranslation().i18n.language)
  const { previewURL } = useLivePreviewContext()
  if (!previewURL) return null
  return (
    <a
      href={previewURL}
      target="_blank"
      rel="noopener noreferrer"
      className="btn btn--style-secondary btn--size-medium btn--icon-style-without-border"
      style={{ margin: 0 }}
      id="draft-preview-link"
    >
      {t.previewOnSite}
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {t.opensInNewTab}
      </span>
    </a>
  )
}
