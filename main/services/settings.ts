// District settings, kept as key–value pairs so later settings need no migration.
import type { Kysely } from 'kysely';
import { DISTRICT_SETTING_KEYS, type DistrictSettings } from '../../shared/domain.ts';
import type { Database } from '../db/schema.ts';

export async function getSettings(db: Kysely<Database>): Promise<DistrictSettings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const settings = {} as DistrictSettings;
  for (const key of DISTRICT_SETTING_KEYS) settings[key] = stored.get(key) ?? '';
  return settings;
}

/** Stores the settings given; those left out keep their value. */
export async function updateSettings(db: Kysely<Database>, settings: Partial<DistrictSettings>): Promise<DistrictSettings> {
  await db.transaction().execute(async (trx) => {
    for (const key of DISTRICT_SETTING_KEYS) {
      const value = settings[key];
      if (value === undefined) continue;
      await trx.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    }
  });
  return getSettings(db);
}
