import * as migration_20261125_100618_initial from './20261125_100618_initial';

export const migrations = [
  {
    up: migration_20261125_100618_initial.up,
    down: migration_20261125_100618_initial.down,
    name: '20261125_100618_initial'
  },
];
