'use client'
import { useDocumentInfo, useField, useFormFields, useTranslation } from '@payloadcms/ui'
import type { CheckboxFieldClientComponent } from 'payload'
import { useEffect } from 'react'
import { adminStrings } from '../../../shared/strings'

/** A throw-away value that only satisfies the create form's own password check: the server replaces it. */
const placeholderPassword = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return btoa(String.fromCharCode(...bytes))
}

/** Fills one of Payload's password inputs as typing would (its own change handler keeps the form's state). */
const fill = (id: string, value: string): boolean => {
  const input = document.getElementById(id) as HTMLInputElement | null
  // Disabled while the form initialises: a value set then is not taken.
  if (!input || input.disabled) return false
  if (input.value !== value) {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }
  return true
}

/**
 * On a new account, "Invia un invito via email" (ticked by default): the administrator types no password,
 * the server gives the account a random one and mails its person a link to choose their own
 * (collections/Users/hooks/invite.ts). Unticked, Payload's password fields come back.
 */
export const InviteField: CheckboxFieldClientComponent = ({ path: pathFromProps }) => {
  const t = adminStrings(useTranslation().i18n.language)
  const { id } = useDocumentInfo()
  const { path, value, setValue } = useField<boolean>({ potentiallyStalePath: pathFromProps })
  const password = useFormFields(([fields]) => fields.password?.value as string | undefined)
  const inviting = value !== false

  useEffect(() => {
    if (id || (inviting && password)) return
    const next = inviting ? placeholderPassword() : ''
    const apply = () => fill('field-password', next) && fill('field-confirm-password', next)
    if (apply()) return
    // Payload's password fields mount, and become editable, after this one.
    const timer = setInterval(() => apply() && clearInterval(timer), 100)
    return () => clearInterval(timer)
  }, [id, inviting, password])

  if (id) return null
  const inputId = `field-${path.replace(/\./g, '__')}`
  return (
    <div className="field-type checkbox" style={{ marginBottom: '1.5rem' }}>
      {inviting && <style>{'.auth-fields__changing-password{display:none}'}</style>}
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
        <input
          type="checkbox"
          id={inputId}
          checked={inviting}
          onChange={(e) => setValue(e.target.checked)}
          aria-describedby={`${inputId}-hint`}
          style={{ width: '1.25rem', height: '1.25rem' }}
        />
        <label htmlFor={inputId} className="field-label" style={{ margin: 0 }}>
          {t.inviteLabel}
        </label>
      </div>
      <div className="field-description" id={`${inputId}-hint`} style={{ color: 'var(--theme-elevation-800)' }}>
        {inviting ? t.inviteHint : t.inviteOffHint}
      </div>
    </div>
  )
}
