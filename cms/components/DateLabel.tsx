'use client'
import { FieldLabel, useTranslation } from '@payloadcms/ui'
import type { DateFieldLabelClientComponent } from 'payload'
import { useEffect, useId } from 'react'
import { adminStrings } from '../../shared/strings'

/**
 * The label of every date field (set by cms/admin-dates.ts). Payload's label points at the field's wrapper, not
 * at react-datepicker's input, and its "clear" button has no name: this label names both, and keeps them named
 * when the picker re-renders (the clear button comes and goes with the value).
 */
export const DateLabel: DateFieldLabelClientComponent = ({ field, path = '' }) => {
  const t = adminStrings(useTranslation().i18n.language)
  const id = useId()
  const label = typeof field?.label === 'string' ? field.label : ''
  useEffect(() => {
    const wrap = document.getElementById(`field-${path.replace(/\./g, '__')}`)
    if (!wrap) return
    const name = () => {
      const input = wrap.querySelector('.react-datepicker__input-container input')
      if (input && input.getAttribute('aria-labelledby') !== id) input.setAttribute('aria-labelledby', id)
      const clear = wrap.querySelector('.date-time-picker__clear-button')
      const clearName = `${t.clearDate} ${label}`.trim()
      if (clear && clear.getAttribute('aria-label') !== clearName) clear.setAttribute('aria-label', clearName)
    }
    name()
    const observer = new MutationObserver(name)
    observer.observe(wrap, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [path, id, label, t.clearDate])
  // Also the list's column heading, where there is no input to name: the plain label, as Payload's own.
  if (!path) return <>{label}</>
  return (
    <span id={id}>
      <FieldLabel label={field?.label} required={field?.required} localized={field?.localized} path={path} />
    </span>
  )
}
