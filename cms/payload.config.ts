import path from 'node:path'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { collections } from '../collections'
import { MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from '../collections/Media/limits'
import { SLUGS } from '../collections/slugs'
import { getTransport } from '../emails/transport'
import { cmsUrl, databaseUrl, payloadSecret, siteUrl } from '../shared/env'
import { appRoot } from '../shared/paths'
import { withItalianDates } from './admin-dates'
import { ATTENDANCE_PATH, PRINT_PATH, STAFF_AGENDA_PATH, STATISTICS_PATH } from './admin-paths'
import { ensureAttendanceBands } from './attendance'
import { ANNUAL_REPORT_PATH } from './components/reports/paths'
import { databaseAdapter } from './db'
import { withEndpoints } from './endpoints'
import { reportEndpoints } from './endpoints/reports'
import { hardenCollections, hardenJobs, hardenSanitized } from './hardening'
import { i18n } from './i18n'
import { jobs } from './jobs'
import { logRequestError, payloadLogger } from './logging'
import { migrations } from './migrations'
import { withPrintLinks } from './print-links'
import { withSiteLinks } from './site-links'

const root = appRoot()

// hardenSanitized: the rules of the collections Payload adds itself (locks, jobs, migrations).
export default hardenSanitized(
  buildConfig({
    secret: payloadSecret(),
    serverURL: cmsUrl(),
    db: databaseAdapter(databaseUrl()),
    editor: lexicalEditor(),
    collections: hardenCollections(withEndpoints(withPrintLinks(withSiteLinks(withItalianDates(collections))))),
    // Endpoints of no one collection: the ready-made reports (`/api/reports/<kind>`).
    endpoints: [...reportEndpoints],
    jobs: hardenJobs(jobs),
    sharp,
    i18n,
    admin: {
      user: SLUGS.users,
      avatar: 'default',
      components: {
        beforeDashboard: ['./components/HealthNotice#HealthNotice', './components/LibrarianDay#LibrarianDay'],
        beforeNavLinks: [
          './components/desk/DeskLink#DeskLink',
          './components/attendance/AttendanceLink#AttendanceLink',
          './components/reports/ReportsLink#ReportsLink',
          './components/statistics/StatisticsLink#StatisticsLink',
          './components/print/PrintNavLink#PrintNavLink',
        ],
        afterNavLinks: ['./components/StaffAgendaLink#StaffAgendaLink'],
        // The registrations desk (issue 14): each view checks who asks (custom views are open by default).
        views: {
          staffAgenda: { Component: './components/StaffAgenda#StaffAgenda', path: STAFF_AGENDA_PATH, exact: true },
          deskIndex: {
            Component: './components/desk/DeskIndex#DeskIndex',
            path: '/iscrizioni',
            exact: true,
            meta: { title: 'Sportello iscrizioni' },
          },
          annualReport: {
            Component: './components/reports/AnnualReport#AnnualReport',
            path: ANNUAL_REPORT_PATH,
            exact: true,
            meta: { title: 'Riepilogo annuale per biblioteca' },
          },
          attendanceWaiting: {
            Component: './components/attendance/WaitingDates#WaitingDates',
            path: ATTENDANCE_PATH,
            exact: true,
            meta: { title: 'Date in attesa di presenze' },
          },
          statistics: {
            Component: './components/statistics/StatisticsView#StatisticsView',
            path: STATISTICS_PATH,
            exact: true,
            meta: { title: 'Statistiche' },
          },
          printProgramme: {
            Component: './components/print/PrintProgramme#PrintProgramme',
            path: PRINT_PATH,
            exact: true,
            meta: { title: 'Stampa programma' },
          },
          deskCheckIn: {
            Component: './components/desk/CheckIn#CheckIn',
            path: '/iscrizioni/arrivo',
            exact: true,
            meta: { title: 'Registra l’arrivo' },
          },
          deskSheet: {
            Component: './components/desk/DateSheet#DateSheet',
            path: '/iscrizioni/:event/:start',
            exact: true,
            meta: { title: 'Iscritti di una data' },
          },
        },
      },
      meta: { titleSuffix: ' – Agenda RBB', description: 'Redazione dell’agenda della Rete Bibliotecaria Bergamasca' },
      dateFormat: 'd MMM yyyy, HH:mm',
      timezones: {
        supportedTimezones: [{ label: 'Roma (ora italiana)', value: 'Europe/Rome' }],
        defaultTimezone: 'Europe/Rome',
      },
      importMap: {
        baseDir: path.join(root, 'cms'),
        importMapFile: path.join(root, 'cms', 'app', '(payload)', 'admin', 'importMap.js'),
      },
    },
    cors: [cmsUrl(), siteUrl()],
    csrf: [cmsUrl(), siteUrl()],
    upload: { limits: { fileSize: MAX_UPLOAD_BYTES }, responseOnLimit: TOO_LARGE_MESSAGE },
    email: nodemailerAdapter({
      defaultFromAddress: process.env.MAIL_FROM_ADDRESS ?? 'agenda@rbbg.example.org',
      defaultFromName: process.env.MAIL_FROM_NAME ?? 'Agenda Rete Bibliotecaria Bergamasca',
      transport: getTransport(),
      skipVerify: true,
    }),
    typescript: { outputFile: path.join(root, 'cms', 'payload-types.ts'), autoGenerate: false },
    graphQL: { disable: true },
    telemetry: false,
    logger: payloadLogger(),
    hooks: { afterError: [logRequestError] },
    onInit: async (payload) => {
      // Production applies these through prodMigrations; elsewhere the schema comes from the same files.
      if (process.env.NODE_ENV !== 'production' && payload.db.name === 'sqlite')
        await payload.db.migrate({ migrations: migrations as never })
      await ensureAttendanceBands(payload).catch((error) =>
        payload.logger.warn({ err: error }, 'fasce d’età delle presenze non create'),
      )
    },
  }),
)
