import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
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
