/** Paths of the project's own admin views, under the admin route (`/admin`): read by the config, links and mails. */
export const STAFF_AGENDA_PATH = '/agenda-interna'
