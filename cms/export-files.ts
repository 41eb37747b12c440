import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { SLUGS } from '../collections/slugs'
import { dataDir } from '../shared/paths'

// Where the files of the `exports` rows live (a registration list, a printed programme): one file per row under the
// data folder, never in a public folder; the rows' own endpoints decide who may read them.

type Id = number | string

export const exportsDir = (): string => path.join(dataDir(), 'exports')
export const exportFilePath = (id: Id): string => path.join(exportsDir(), `${String(id).replace(/[^\w]/g, '')}.bin`)

/** Writes a file whole or not at all: a reader never sees half a PDF. */
export const writeExportFile = async (id: Id, body: Buffer): Promise<void> => {
  const file = exportFilePath(id)
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, body, { mode: 0o600 })
  await rename(temporary, file)
}

export const readExportFile = (id: Id): Promise<Buffer> => readFile(exportFilePath(id))

/** Marks an export failed, with the reason on the row (shortened) and in the log under `what`. */
export const failExport = async (payload: Payload, id: Id, message: string, what: string) => {
  payload.logger.error({ export: id, err: message }, what)
  await payload.update({
    collection: SLUGS.exports,
    id,
    data: { status: 'failed', error: message.slice(0, 300) },
    overrideAccess: true,
    depth: 0,
  })
  return 'failed' as const
}

/** Builds an export's file, stores it whole and marks the row ready; whatever `build` throws marks it failed. */
export const completeExport = async (
  payload: Payload,
  id: Id,
  build: () => Promise<Buffer>,
  what: string,
): Promise<'ready' | 'failed'> => {
  try {
    const body = await build()
    await writeExportFile(id, body)
    await payload.update({
      collection: SLUGS.exports,
      id,
      data: { status: 'ready', bytes: body.length },
      overrideAccess: true,
      depth: 0,
    })
    return 'ready'
  } catch (error) {
    return failExport(payload, id, error instanceof Error ? error.message : String(error), what)
  }
}
