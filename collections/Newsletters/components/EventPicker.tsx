'use client'
import { FieldError, useField, useTranslation } from '@payloadcms/ui'
import type { RelationshipFieldClientComponent } from 'payload'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { adminStrings } from '../../../shared/strings'

type Id = number | string
type Option = { id: Id; label: string }
type Group = { param: 'campaign' | 'series' | 'festival'; id: Id; title: string }

const API = '/api/newsletters/event-options'
const GROUP_SOURCES = [
  { param: 'campaign', collection: 'campaigns' },
  { param: 'series', collection: 'series' },
  { param: 'festival', collection: 'festivals' },
] as const

const idOf = (v: unknown): Id | null => {
  if (v == null) return null
  if (typeof v === 'object')
    return ((v as { id?: Id; value?: Id }).id ?? (v as { value?: Id }).value ?? null) as Id | null
  return v as Id
}

/** The endpoint's answer: the options (`more` when its limit left some out), or the reason it refused (400). */
type Answer = { options: Option[]; more?: boolean } | { error: string | null }

const load = async (query: string): Promise<Answer> => {
  const r = await fetch(`${API}?${query}`, { credentials: 'include' }).catch(() => null)
  const body = r ? await r.json().catch(() => null) : null
  if (r?.ok && Array.isArray(body?.options)) return body as Answer
  return { error: r?.status === 400 && typeof body?.error === 'string' ? body.error : null }
}

/**
 * The newsletter's `events` field: the chosen events listed with date, place and system (Payload's own picker
 * shows only titles, and a network has many "Incontro con l’autrice"), a search over the coming events, and
 * "add all the events of" a campaign, rassegna or festival or of a pasted agenda address (its filters are read
 * by the agenda's own parser on the server). The value stays the relationship's list of ids.
 */
export const EventPicker: RelationshipFieldClientComponent = ({ path, readOnly, field }) => {
  const t = adminStrings(useTranslation().i18n.language)
  const { value, setValue, showError, errorMessage } = useField<unknown[]>({ path })
  const chosen = useMemo(() => (Array.isArray(value) ? value.map(idOf).filter((x): x is Id => x != null) : []), [value])
  const [labels, setLabels] = useState<Map<string, string>>(new Map())
  const [q, setQ] = useState('')
  const [results, setResults] = useState<Option[] | null>(null)
  const [searching, setSearching] = useState(false)
  const [groups, setGroups] = useState<Group[]>([])
  const [group, setGroup] = useState('')
  const [address, setAddress] = useState('')
  const [message, setMessage] = useState('')
  const base = useId()
  const ids = {
    search: `${base}-search`,
    hint: `${base}-hint`,
    group: `${base}-group`,
    agenda: `${base}-agenda`,
    chosen: `${base}-chosen`,
  }
  const disabled = !!readOnly

  const remember = useCallback(
    (options: Option[]) =>
      setLabels((m) => {
        const next = new Map(m)
        for (const o of options) next.set(String(o.id), o.label)
        return next
      }),
    [],
  )

  // Labels of the events already chosen (once per id).
  const missing = chosen.filter((id) => !labels.has(String(id))).join(',')
  useEffect(() => {
    if (!missing) return
    const list = missing.split(',')
    for (let i = 0; i < list.length; i += 100)
      void load(`ids=${list.slice(i, i + 100).join(',')}`).then((a) => 'options' in a && remember(a.options))
  }, [missing, remember])

  // The campaigns, rassegne and festivals to add from (public lists).
  useEffect(() => {
    void Promise.all(
      GROUP_SOURCES.map(async ({ param, collection }) => {
        const r = await fetch(`/api/${collection}?limit=200&depth=0&sort=title&select[title]=true`, {
          credentials: 'include',
        }).catch(() => null)
        const docs: { id: Id; title: string }[] = r?.ok ? (await r.json()).docs : []
        return docs.map((d) => ({ param, id: d.id, title: d.title }))
      }),
    ).then((lists) => setGroups(lists.flat()))
  }, [])

  const search = async () => {
    setSearching(true)
    const answer = await load(`q=${encodeURIComponent(q.trim())}`)
    setSearching(false)
    if (!('options' in answer)) return setMessage(t.pickerFailed)
    const { options } = answer
    remember(options)
    setResults(options)
    setMessage(options.length ? t.pickerResults(options.length) : t.pickerNoResults)
  }

  const add = (options: Option[]) => {
    const have = new Set(chosen.map(String))
    const fresh = options.filter((o) => !have.has(String(o.id)))
    if (fresh.length) setValue([...chosen, ...fresh.map((o) => o.id)])
    return fresh.length
  }

  const addGroup = async () => {
    const picked = groups.find((g) => `${g.param}:${g.id}` === group)
    if (!picked) return setMessage(t.pickerGroupChoose)
    const answer = await load(`${picked.param}=${encodeURIComponent(String(picked.id))}`)
    if (!('options' in answer)) return setMessage(t.pickerFailed)
    const { options, more } = answer
    remember(options)
    if (!options.length) return setMessage(t.pickerGroupEmpty(picked.title))
    const added = add(options)
    setMessage(
      `${t.pickerAdded(added, options.length - added, picked.title)}${more ? ` ${t.pickerLimited(options.length)}` : ''}`,
    )
  }

  const addAgenda = async () => {
    if (!address.trim()) return setMessage(t.pickerAgendaRequired)
    const answer = await load(`agenda=${encodeURIComponent(address.trim())}`)
    if (!('options' in answer)) return setMessage(answer.error ?? t.pickerFailed)
    const { options, more } = answer
    remember(options)
    if (!options.length) return setMessage(t.pickerAgendaEmpty)
    const added = add(options)
    setMessage(
      `${t.pickerAgendaAdded(added, options.length - added)}${more ? ` ${t.pickerLimited(options.length)}` : ''}`,
    )
  }

  const remove = (id: Id) => setValue(chosen.filter((x) => String(x) !== String(id)))

  const label = typeof field?.label === 'string' ? field.label : t.pickerLabel
  const chosenSet = new Set(chosen.map(String))
  return (
    <div className="field-type event-picker" style={{ marginBottom: '1.5rem' }}>
      <fieldset style={{ border: 0, margin: 0, padding: 0 }} aria-describedby={ids.hint}>
        <legend className="field-label" style={{ fontWeight: 600 }}>
          {label}
        </legend>
        <p id={ids.hint} style={{ marginTop: 0 }}>
          {t.pickerDescription}
        </p>
        <FieldError path={path} showError={showError} message={errorMessage} />
        <h2 id={ids.chosen} style={{ fontSize: '1rem', margin: '1rem 0 0.5rem' }}>
          {t.pickerChosen(chosen.length)}
        </h2>
        {chosen.length ? (
          <ol aria-labelledby={ids.chosen} style={{ margin: 0, paddingLeft: '1.5rem' }}>
            {chosen.map((id) => {
              const text = labels.get(String(id)) ?? `${t.pickerEvent} ${id}`
              return (
                <li key={String(id)} style={{ margin: '0 0 0.5rem' }}>
                  <span>{text}</span>{' '}
                  {!disabled && (
                    <button
                      type="button"
                      className="btn btn--style-secondary btn--size-small"
                      style={{ margin: '0 0 0 0.5rem' }}
                      aria-label={t.pickerRemoveLabel(text)}
                      onClick={() => remove(id)}
                    >
                      {t.pickerRemove}
                    </button>
                  )}
                </li>
              )
            })}
          </ol>
        ) : (
          <p style={{ margin: 0 }}>{t.pickerNone}</p>
        )}
        {!disabled && (
          <>
            <div style={{ margin: '1rem 0 0' }}>
              <label htmlFor={ids.search} style={{ display: 'block', fontWeight: 600 }}>
                {t.pickerSearch}
              </label>
              <span id={`${ids.search}-hint`} style={{ display: 'block', margin: '0.25rem 0' }}>
                {t.pickerSearchHint}
              </span>
              <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
                <input
                  id={ids.search}
                  type="search"
                  value={q}
                  maxLength={200}
                  aria-describedby={`${ids.search}-hint`}
                  onChange={(e) => setQ(e.target.value)}
                  onKeyDown={(e) => {
                    // Enter searches here instead of submitting the whole document.
                    if (e.key !== 'Enter') return
                    e.preventDefault()
                    void search()
                  }}
                  style={{ flex: '1 1 auto', padding: '0.5rem', minHeight: '2.5rem' }}
                />
                <button
                  type="button"
                  className="btn btn--style-secondary btn--size-small"
                  style={{ margin: 0 }}
                  onClick={() => void search()}
                >
                  {searching ? t.pickerSearching : t.pickerSearchButton}
                </button>
              </div>
            </div>
            {results?.length ? (
              <ul aria-label={t.pickerResultsLabel} style={{ margin: '0.75rem 0 0', paddingLeft: '1.5rem' }}>
                {results.map((o) => (
                  <li key={String(o.id)} style={{ margin: '0 0 0.5rem' }}>
                    <span>{o.label}</span>{' '}
                    {chosenSet.has(String(o.id)) ? (
                      <em>({t.pickerAlready})</em>
                    ) : (
                      <button
                        type="button"
                        className="btn btn--style-secondary btn--size-small"
                        style={{ margin: '0 0 0 0.5rem' }}
                        aria-label={t.pickerAddLabel(o.label)}
                        onClick={() => add([o])}
                      >
                        {t.pickerAdd}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
            <div style={{ margin: '1rem 0 0' }}>
              <label htmlFor={ids.group} style={{ display: 'block', fontWeight: 600 }}>
                {t.pickerGroupLabel}
              </label>
              <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
                <select
                  id={ids.group}
                  value={group}
                  onChange={(e) => setGroup(e.target.value)}
                  style={{ padding: '0.5rem', minHeight: '2.5rem', maxWidth: '100%' }}
                >
                  <option value="">{t.pickerGroupChoose}</option>
                  {GROUP_SOURCES.map(({ param }) => {
                    const mine = groups.filter((g) => g.param === param)
                    return mine.length ? (
                      <optgroup key={param} label={t.pickerGroups[param]}>
                        {mine.map((g) => (
                          <option key={`${param}:${g.id}`} value={`${param}:${g.id}`}>
                            {g.title}
                          </option>
                        ))}
                      </optgroup>
                    ) : null
                  })}
                </select>
                <button
                  type="button"
                  className="btn btn--style-secondary btn--size-small"
                  style={{ margin: 0 }}
                  onClick={() => void addGroup()}
                >
                  {t.pickerAddGroup}
                </button>
              </div>
            </div>
            <div style={{ margin: '1rem 0 0' }}>
              <label htmlFor={ids.agenda} style={{ display: 'block', fontWeight: 600 }}>
                {t.pickerAgendaLabel}
              </label>
              <span id={`${ids.agenda}-hint`} style={{ display: 'block', margin: '0.25rem 0' }}>
                {t.pickerAgendaHint}
              </span>
              <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
                <input
                  id={ids.agenda}
                  type="text"
                  inputMode="url"
                  autoComplete="off"
                  spellCheck={false}
                  value={address}
                  maxLength={2000}
                  aria-describedby={`${ids.agenda}-hint`}
                  onChange={(e) => setAddress(e.target.value)}
                  onKeyDown={(e) => {
                    // Enter adds here instead of submitting the whole document.
                    if (e.key !== 'Enter') return
                    e.preventDefault()
                    void addAgenda()
                  }}
                  style={{ flex: '1 1 20rem', padding: '0.5rem', minHeight: '2.5rem' }}
                />
                <button
                  type="button"
                  className="btn btn--style-secondary btn--size-small"
                  style={{ margin: 0 }}
                  onClick={() => void addAgenda()}
                >
                  {t.pickerAgendaButton}
                </button>
              </div>
            </div>
          </>
        )}
        <p role="status" style={{ margin: '0.75rem 0 0', minHeight: '1.5em' }}>
          {message}
        </p>
      </fieldset>
    </div>
  )
}
