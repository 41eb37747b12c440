import type { CollectionConfig, Field } from 'payload'

type DateField = Extract<Field, { type: 'date' }>
type Appearance = 'dayAndTime' | 'dayOnly' | 'timeOnly' | 'monthOnly'

/**
 * What each kind of date field shows and accepts in the admin. The first format is the one shown (react-datepicker
 * displays `dateFormat[0]`); the others are also read when typed. With a list of formats react-datepicker never
 * falls back to `new Date(text)`, which reads `09/01/2027` the American way (1 September).
 */
const FORMATS: Record<Appearance, { formats: string[]; placeholder: string }> = {
  dayAndTime: {
    formats: [
      'dd/MM/yyyy HH:mm',
      'd/M/yyyy H:mm',
      'd/M/yyyy, H:mm',
      'd/M/yyyy H.mm',
      'd/M/yy H:mm',
      'd/M/yyyy',
      'd MMM yyyy, H:mm',
    ],
    placeholder: 'gg/mm/aaaa hh:mm',
  },
  dayOnly: {
    formats: ['dd/MM/yyyy', 'd/M/yyyy', 'd/M/yy', 'd.M.yyyy', 'd-M-yyyy', 'd MMM yyyy'],
    placeholder: 'gg/mm/aaaa',
  },
  timeOnly: { formats: ['HH:mm', 'H:mm', 'H.mm'], placeholder: 'hh:mm' },
  monthOnly: { formats: ['MMMM yyyy', 'M/yyyy'], placeholder: 'mm/aaaa' },
}

/** react-datepicker's own words (English by default) for the calendar pop-up. */
const PICKER_WORDS = {
  timeCaption: 'Ora',
  previousMonthButtonLabel: 'Mese precedente',
  nextMonthButtonLabel: 'Mese successivo',
  previousYearButtonLabel: 'Anno precedente',
  nextYearButtonLabel: 'Anno successivo',
  chooseDayAriaLabelPrefix: 'Scegli',
  disabledDayAriaLabelPrefix: 'Non disponibile',
  weekAriaLabelPrefix: 'settimana',
  monthAriaLabelPrefix: 'mese',
}

const italianDate = (field: DateField): DateField => {
  const date = field.admin?.date ?? {}
  // Payload's "default" appearance is a day pinned at noon shown as MM/dd/yyyy: here a day and a time.
  const appearance: Appearance =
    date.pickerAppearance && date.pickerAppearance !== 'default' ? date.pickerAppearance : 'dayAndTime'
  const { formats, placeholder } = FORMATS[appearance]
  const label = typeof field.label === 'string' ? field.label : undefined
  return {
    ...field,
    admin: {
      ...field.admin,
      components: { Label: './components/DateLabel#DateLabel', ...field.admin?.components },
      placeholder: field.admin?.placeholder ?? placeholder,
      date: {
        ...date,
        pickerAppearance: appearance,
        displayFormat: formats[0],
        ...(appearance === 'dayAndTime' || appearance === 'timeOnly'
          ? { timeFormat: 'HH:mm', timeIntervals: 'timeIntervals' in date ? date.timeIntervals : 15 }
          : {}),
        overrides: {
          ...PICKER_WORDS,
          ...date.overrides,
          dateFormat: formats,
          // A reminder of the format (the name comes from the label, cms/components/DateLabel.tsx).
          ...(label ? { title: `${label} (${placeholder}, ora italiana)` } : {}),
        },
      },
    },
  } as DateField
}

const walk = (fields: Field[]): Field[] =>
  fields.map((field) => {
    if (field.type === 'date') return italianDate(field)
    if (field.type === 'tabs')
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: walk(tab.fields) })) }
    if (field.type === 'blocks')
      return { ...field, blocks: field.blocks.map((block) => ({ ...block, fields: walk(block.fields) })) }
    if ('fields' in field && Array.isArray(field.fields)) return { ...field, fields: walk(field.fields) } as Field
    return field
  })

/**
 * Every date field of every collection in Italian: dd/mm/yyyy, 24-hour times, the year always shown, and what
 * is typed read day first. One place, so a new date field cannot come out American.
 */
export const withItalianDates = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => ({ ...collection, fields: walk(collection.fields) }))
