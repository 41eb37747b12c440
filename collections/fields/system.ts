import type { Field } from 'payload'
import { refId, type Staff } from '../access/roles'
import { SLUGS } from '../slugs'

/** The owning system; preselected with the editor's own system. */
export const systemField = (overrides: { required?: boolean; description?: string } = {}): Field => ({
  name: 'system',
  type: 'relationship',
  relationTo: SLUGS.systems,
  label: 'Sistema',
  required: overrides.required ?? true,
  index: true,
  defaultValue: ({ user }: { user?: unknown }) => refId((user as Staff | undefined)?.system) ?? undefined,
  admin: { position: 'sidebar', ...(overrides.description ? { description: overrides.description } : {}) },
})
