import * as migration_20261125_082456_initial from './20261125_082456_initial'

export const migrations = [
  {
    up: migration_20261125_082456_initial.up,
    down: migration_20261125_082456_initial.down,
    name: '20261125_082456_initial',
  },
]
