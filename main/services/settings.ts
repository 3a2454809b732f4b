// District settings, kept as key–value pairs so later settings need no migration.
import type { Kysely } from 'kysely';
import type { DistrictSettings } from '../../shared/domain.ts';
import type { Database } from '../db/schema.ts';

const DEFAULTS: DistrictSettings = { districtRu: '', districtKk: '' };

export async function getSettings(db: Kysely<Database>): Promise<DistrictSettings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  return { districtRu: stored.districtRu ?? DEFAULTS.districtRu, districtKk: stored.districtKk ?? DEFAULTS.districtKk };
}

export async function updateSettings(db: Kysely<Database>, settings: DistrictSettings): Promise<DistrictSettings> {
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(settings)) {
      await trx.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    }
  });
  return getSettings(db);
}
