'use client'
import { useField, useFormModified } from '@payloadcms/ui'
import { useId } from 'react'

type Props = { path: string; count: number; followers: string; willTell: string; notify: string; hint: string }

/** The count, in the future tense once the form has unsaved changes, and the box that silences this save. */
export const FollowersNoticeClient = ({ path, count, followers, willTell, notify: notifyLabel, hint }: Props) => {
  const { value, setValue } = useField<boolean | null>({ path })
  const modified = useFormModified()
  const box = useId()
  const notify = value !== false
  return (
    <div data-testid="followers-notice" style={{ margin: '1.5rem 0' }}>
      <p role="status" style={{ margin: '0 0 0.5rem', fontWeight: modified && count ? 600 : 400 }}>
        {modified && count ? willTell : followers}
      </p>
      {count > 0 ? (
        <>
          <input id={box} type="checkbox" checked={notify} onChange={(e) => setValue(e.target.checked)} />{' '}
          <label htmlFor={box}>{notifyLabel}</label>
          <p style={{ margin: '0.25rem 0 0', fontSize: '0.85em' }}>{hint}</p>
        </>
      ) : null}
    </div>
  )
}
