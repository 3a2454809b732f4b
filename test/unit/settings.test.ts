// District settings: what the department writes once and every template, summary and message uses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateSettings } from '../../main/services/settings.ts';
import { tempDatabase } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';

let database: Awaited<ReturnType<typeof tempDatabase>>;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.remove());

describe('the department’s БИН in the settings', () => {
  it('is stored when it passes its check digit and refused, naming the problem, when it does not', async () => {
    const good = schoolFields(40).bin;
    expect((await updateSettings(database.db, { departmentBin: good })).departmentBin).toBe(good);
    const typo = `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`;
    await expect(updateSettings(database.db, { departmentBin: typo })).rejects.toMatchObject({ key: 'settings.badBin', params: { bin: typo, problem: 'checksum' } });
    expect((await updateSettings(database.db, { departmentBin: '' })).departmentBin).toBe('');
  });
});
