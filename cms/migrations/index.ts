import * as migration_20261125_100618_initial from './20261125_100618_initial';
import * as migration_20261202_161038_registrations from './20261202_161038_registrations';
import * as migration_20261202_191035_registrations_desk from './20261202_191035_registrations_desk';
import * as migration_20261207_012951_registration_notices from './20261207_012951_registration_notices';
import * as migration_20261207_021447_events_last_end from './20261207_021447_events_last_end';
import * as migration_20261207_042958_date_without_registration from './20261207_042958_date_without_registration';
import * as migration_20261207_050014_attendance_recording from './20261207_050014_attendance_recording';
import * as migration_20261207_053349_funders from './20261207_053349_funders';
import * as migration_20261207_112905_statistics_covering_indexes from './20261207_112905_statistics_covering_indexes';
import * as migration_20261207_121024_follows from './20261207_121024_follows';
import * as migration_20261207_171637_partners from './20261207_171637_partners';
import * as migration_20261207_175547_partner_accounts from './20261207_175547_partner_accounts';
import * as migration_20261207_203439_attendance_monthly_sums from './20261207_203439_attendance_monthly_sums';
import * as migration_20261207_203558_calendar_import from './20261207_203558_calendar_import';
import * as migration_20261207_204156_event_proposals from './20261207_204156_event_proposals';
import * as migration_20261207_213824_merged_schema_snapshot from './20261207_213824_merged_schema_snapshot';

export const migrations = [
  {
    up: migration_20261125_100618_initial.up,
    down: migration_20261125_100618_initial.down,
    name: '20261125_100618_initial',
  },
  {
    up: migration_20261202_161038_registrations.up,
    down: migration_20261202_161038_registrations.down,
    name: '20261202_161038_registrations',
  },
  {
    up: migration_20261202_191035_registrations_desk.up,
    down: migration_20261202_191035_registrations_desk.down,
    name: '20261202_191035_registrations_desk',
  },
  {
    up: migration_20261207_012951_registration_notices.up,
    down: migration_20261207_012951_registration_notices.down,
    name: '20261207_012951_registration_notices',
  },
  {
    up: migration_20261207_021447_events_last_end.up,
    down: migration_20261207_021447_events_last_end.down,
    name: '20261207_021447_events_last_end',
  },
  {
    up: migration_20261207_042958_date_without_registration.up,
    down: migration_20261207_042958_date_without_registration.down,
    name: '20261207_042958_date_without_registration',
  },
  {
    up: migration_20261207_050014_attendance_recording.up,
    down: migration_20261207_050014_attendance_recording.down,
    name: '20261207_050014_attendance_recording',
  },
  {
    up: migration_20261207_053349_funders.up,
    down: migration_20261207_053349_funders.down,
    name: '20261207_053349_funders',
  },
  {
    up: migration_20261207_112905_statistics_covering_indexes.up,
    down: migration_20261207_112905_statistics_covering_indexes.down,
    name: '20261207_112905_statistics_covering_indexes',
  },
  {
    up: migration_20261207_121024_follows.up,
    down: migration_20261207_121024_follows.down,
    name: '20261207_121024_follows',
  },
  {
    up: migration_20261207_171637_partners.up,
    down: migration_20261207_171637_partners.down,
    name: '20261207_171637_partners',
  },
  {
    up: migration_20261207_175547_partner_accounts.up,
    down: migration_20261207_175547_partner_accounts.down,
    name: '20261207_175547_partner_accounts',
  },
  {
    up: migration_20261207_203439_attendance_monthly_sums.up,
    down: migration_20261207_203439_attendance_monthly_sums.down,
    name: '20261207_203439_attendance_monthly_sums',
  },
  {
    up: migration_20261207_203558_calendar_import.up,
    down: migration_20261207_203558_calendar_import.down,
    name: '20261207_203558_calendar_import',
  },
  {
    up: migration_20261207_204156_event_proposals.up,
    down: migration_20261207_204156_event_proposals.down,
    name: '20261207_204156_event_proposals',
  },
  {
    up: migration_20261207_213824_merged_schema_snapshot.up,
    down: migration_20261207_213824_merged_schema_snapshot.down,
    name: '20261207_213824_merged_schema_snapshot',
  }
];
