// District settings, kept as key–value pairs so later settings need no migration.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DISTRICT_SETTING_KEYS, type DistrictSettings } from '../../shared/domain.ts';
import { checkBin } from '../../shared/bin.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';

export async function getSettings(db: Kysely<Database>): Promise<DistrictSettings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const settings = {} as DistrictSettings;
  for (const key of DISTRICT_SETTING_KEYS) settings[key] = stored.get(key) ?? '';
  return settings;
}

/** Stores the settings given; those left out keep their value. A department БИН must pass its check digit. */
export async function updateSettings(db: Kysely<Database>, settings: Partial<DistrictSettings>): Promise<DistrictSettings> {
  const bin = settings.departmentBin;
  const binProblem = bin ? checkBin(bin) : null;
  if (binProblem) throw new AppError('invalid_input', 'settings.badBin', { bin: bin!, problem: binProblem });
  await db.transaction().execute(async (trx) => {
    for (const key of DISTRICT_SETTING_KEYS) {
      const value = settings[key];
      if (value === undefined) continue;
      await trx.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    }
  });
  return getSettings(db);
}

const DATABASE_ID_KEY = 'databaseId';

/** A random id made once per database: templates carry it, so a file from another district's Jinaq is told apart. */
export async function databaseId(db: Kysely<Database>): Promise<string> {
  const stored = await db.selectFrom('settings').select('value').where('key', '=', DATABASE_ID_KEY).executeTakeFirst();
  if (stored) return stored.value;
  const id = randomUUID();
  await db.insertInto('settings').values({ key: DATABASE_ID_KEY, value: id }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await db.selectFrom('settings').select('value').where('key', '=', DATABASE_ID_KEY).executeTakeFirstOrThrow()).value;
}
