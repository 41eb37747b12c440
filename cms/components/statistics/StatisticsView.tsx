import { redirect } from 'next/navigation'
import type { AdminViewServerProps, CollectionSlug, Payload, Where } from 'payload'
import { staffOf } from '../../../collections/access/roles'
import { ATTENDANCE_FORMAT_LABELS } from '../../../collections/enums'
import { SLUGS } from '../../../collections/slugs'
import { catalogue } from '../../../shared/strings'
import { STATISTICS_PATH } from '../../admin-paths'
import {
  buildReport,
  buildTables,
  currentYear,
  filterQuery,
  parseFilter,
  type StatisticsScope,
  type StatsFilter,
  statisticsScope,
  TABLE_NAMES,
  type TableName,
  withinScope,
} from '../../statistics'
import type { Table } from '../../tables'
import { Frame, type Query } from '../desk/Frame'
import { localeOf } from '../desk/strings'
import { BarChart, type ChartPoint } from './BarChart'

type T = ReturnType<typeof catalogue>['statistics']
type Option = { value: string; label: string }

const STATS_CSS = `
.desk form.stats-filters fieldset { border: 1px solid var(--theme-elevation-150); padding: 1rem; margin: 1rem 0 1.5rem; }
.desk form.stats-filters legend { font-weight: 600; padding: 0 0.35rem; }
.desk .stats-fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.75rem 1rem; margin-bottom: 1rem; }
.desk .stats-fields label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.desk section.stats-block { border-top: 1px solid var(--theme-elevation-150); margin-top: 2rem; }
.desk .stats-pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
@media (max-width: 70rem) { .desk .stats-pair { grid-template-columns: minmax(0, 1fr); } }
.desk .stats-chart { min-height: 220px; color: var(--theme-text); }
.desk .stats-downloads { display: flex; gap: 0.75rem; margin: 0.5rem 0 0; }
`

const listOf = async (
  payload: Payload,
  collection: CollectionSlug,
  field: string,
  where?: Where,
): Promise<Option[]> => {
  const { docs } = await payload.find({
    collection,
    where,
    select: { [field]: true } as never,
    depth: 0,
    limit: 1000,
    sort: field,
    overrideAccess: true, // names for the filter's options: lists every member of staff may read
  })
  return (docs as unknown as Record<string, unknown>[]).map((d) => ({
    value: String(d.id),
    label: String(d[field] ?? ''),
  }))
}

const Select = ({
  name,
  label,
  options,
  value,
  any,
}: {
  name: string
  label: string
  options: Option[]
  value?: unknown
  any: string
}) => (
  <div>
    <label htmlFor={`stats-${name}`}>{label}</label>
    <select id={`stats-${name}`} name={name} defaultValue={value == null ? '' : String(value)}>
      <option value="">{any}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
)

const Filters = async ({
  payload,
  t,
  scope,
  filter,
}: {
  payload: Payload
  t: T
  scope: StatisticsScope
  filter: StatsFilter
}) => {
  const q = filterQuery(filter)
  const libraries =
    scope.kind === 'library'
      ? []
      : await listOf(
          payload,
          SLUGS.libraries,
          'name',
          scope.kind === 'system' ? { system: { equals: scope.system } } : undefined,
        )
  const f = t.filters
  return (
    <form method="get" className="stats-filters">
      <fieldset>
        <legend>{f.legend}</legend>
        <div className="stats-fields">
          <div>
            <label htmlFor="stats-dal">{f.from}</label>
            <input type="date" id="stats-dal" name="dal" defaultValue={q.get('dal') ?? ''} required />
          </div>
          <div>
            <label htmlFor="stats-al">{f.to}</label>
            <input type="date" id="stats-al" name="al" defaultValue={q.get('al') ?? ''} required />
          </div>
          {scope.kind === 'network' ? (
            <Select
              name="sistema"
              label={f.system}
              any={f.any}
              value={filter.system}
              options={await listOf(payload, SLUGS.systems, 'name')}
            />
          ) : null}
          {scope.kind === 'library' ? null : (
            <Select name="biblioteca" label={f.library} any={f.any} value={filter.library} options={libraries} />
          )}
          <Select
            name="categoria"
            label={f.category}
            any={f.any}
            value={filter.category}
            options={await listOf(payload, SLUGS.categories, 'name')}
          />
          <Select
            name="pubblico"
            label={f.audience}
            any={f.any}
            value={filter.audience}
            options={await listOf(payload, SLUGS.audiences, 'name')}
          />
          <Select
            name="campagna"
            label={f.campaign}
            any={f.any}
            value={filter.campaign}
            options={await listOf(payload, SLUGS.campaigns, 'title')}
          />
          <Select
            name="finanziatore"
            label={f.funder}
            any={f.any}
            value={filter.funder}
            options={await listOf(payload, SLUGS.funders, 'name')}
          />
          <Select
            name="formato"
            label={f.format}
            any={f.any}
            value={filter.format}
            options={Object.entries(ATTENDANCE_FORMAT_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </div>
        <button type="submit" className="desk-primary">
          {f.submit}
        </button>
      </fieldset>
    </form>
  )
}

const numberFormat = new Intl.NumberFormat('it-IT')

/** A table as HTML: its title as caption, column headers and each row's first cell as row header. */
const DataTable = ({ table, id, none }: { table: Table; id: string; none: string }) =>
  table.rows.length ? (
    <table id={id}>
      <caption>{table.title}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.label} scope="col" className={c.type === 'number' ? 'desk-num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.join('|')}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={table.columns[i]?.label} scope="row">
                  {String(cell ?? '')}
                </th>
              ) : (
                <td key={table.columns[i]?.label} className="desk-num">
                  {typeof cell === 'number' ? numberFormat.format(cell) : String(cell ?? '')}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  ) : (
    <p className="desk-muted">{none}</p>
  )

/** Which columns a table's chart draws: the period's and the year before's (attendance, or subscribers). */
const CHART_COLUMNS: Partial<Record<TableName, [number, number]>> = {
  'iscritti-mese': [1, 3],
  'iscritti-sistema': [1, 2],
}

const pointsOf = (name: TableName, table: Table): ChartPoint[] => {
  const [current, previous] = CHART_COLUMNS[name] ?? [2, 4]
  return table.rows.map((row) => ({
    label: String(row[0] ?? ''),
    current: Number(row[current] ?? 0),
    previous: Number(row[previous] ?? 0),
  }))
}

/**
 * /admin/statistiche, "Statistiche": the figures of a period (the current year unless the form says otherwise)
 * within the caller's scope, each table beside its chart and downloadable. The form is a GET: a report has an
 * address that can be bookmarked or sent.
 */
export const StatisticsView = async (props: AdminViewServerProps) => {
  const req = props.initPageResult.req
  const t = catalogue(localeOf(req.i18n?.language)).statistics
  const admin = req.payload.config.routes.admin
  if (!req.user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}${STATISTICS_PATH}`)}`)
  const steps = [{ label: t.title }]
  const scope = statisticsScope(staffOf(req))
  if (!scope)
    return (
      <Frame props={props} steps={steps}>
        <h1>{t.accessTitle}</h1>
        <p role="alert" className="desk-notice desk-notice--error">
          {t.refused}
        </p>
      </Frame>
    )
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries((props.searchParams ?? {}) as Query))
    for (const value of Array.isArray(v) ? v : v == null ? [] : [v]) params.append(k, value)
  const parsed = parseFilter(params)
  const filter = withinScope(scope, parsed.ok ? parsed.filter : currentYear())
  const report = await buildReport(req.payload, filter)
  const tables = await buildTables(req.payload, t, report)
  const download = (name: TableName, file: 'csv' | 'xlsx') => {
    const q = filterQuery(filter)
    q.set('file', file)
    return `${req.payload.config.routes.api}/${SLUGS.attendance}/statistics/${name}?${q}`
  }
  const scopeName = async () => {
    if (scope.kind === 'network') return t.scopeNetwork
    const id = scope.kind === 'system' ? scope.system : scope.library
    const doc = (await req.payload.findByID({
      collection: scope.kind === 'system' ? SLUGS.systems : SLUGS.libraries,
      id,
      depth: 0,
      disableErrors: true,
      overrideAccess: true, // the name of the user's own system or library
    })) as { name?: string } | null
    return scope.kind === 'system' ? t.scopeSystem(doc?.name ?? '') : t.scopeLibrary(doc?.name ?? '')
  }
  return (
    <Frame props={props} steps={steps}>
      <style>{STATS_CSS}</style>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p className="desk-muted">{await scopeName()}</p>
      {parsed.ok ? null : (
        <p role="alert" className="desk-notice desk-notice--error">
          {t.badFilter(parsed.field)}
        </p>
      )}
      <Filters payload={req.payload} t={t} scope={scope} filter={filter} />
      {TABLE_NAMES.map((name) => {
        const table = tables[name]
        const id = `stats-${name}`
        const links = (
          <p className="stats-downloads">
            <a href={download(name, 'csv')} download aria-label={`${t.download} CSV: ${table.title}`}>
              {t.download} CSV
            </a>
            <a href={download(name, 'xlsx')} download aria-label={`${t.download} XLSX: ${table.title}`}>
              {t.download} XLSX
            </a>
          </p>
        )
        return (
          <section key={name} className="stats-block" aria-labelledby={`${id}-title`}>
            <h2 id={`${id}-title`}>{table.title}</h2>
            {name === 'riepilogo' || !table.rows.length ? (
              <DataTable table={table} id={id} none={t.none} />
            ) : (
              <div className="stats-pair">
                <BarChart
                  points={pointsOf(name, table)}
                  label={t.chartLabel(table.title)}
                  currentName={t.period}
                  previousName={t.lastYear}
                />
                <DataTable table={table} id={id} none={t.none} />
              </div>
            )}
            {table.rows.length ? links : null}
          </section>
        )
      })}
    </Frame>
  )
}
