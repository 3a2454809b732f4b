// Schools' names: natural order, and the name a report's header gives split into the registry's fields.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign } from '../../main/services/campaigns.ts';
import { getPlanExecution } from '../../main/services/execution.ts';
import { createSchool } from '../../main/services/schools.ts';
import { getSummary } from '../../main/services/summary.ts';
import { byName, splitSchoolName } from '../../shared/school-names.ts';
import { tempDatabase } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';

describe('byName', () => {
  it('puts №2 before №10, whatever the case, Kazakh names among Russian ones', () => {
    const names = ['СОШ №10', 'сош №2', 'Гимназия', 'ШЖМ №3', 'Әйтеке би атындағы мектеп', 'СОШ №1'];
    expect(byName(names.map((shortName) => ({ shortName }))).map((s) => s.shortName)).toEqual([
      'Әйтеке би атындағы мектеп', 'Гимназия', 'СОШ №1', 'сош №2', 'СОШ №10', 'ШЖМ №3',
    ]);
  });
});

describe('splitSchoolName', () => {
  it('splits «ru / kk» as Jinaq\'s templates write it', () => {
    expect(splitSchoolName('КГУ «Школа №7» / «№7 мектеп» КММ')).toEqual({ nameRu: 'КГУ «Школа №7»', nameKk: '«№7 мектеп» КММ', shortName: 'КГУ «Школа №7»' });
  });

  it('puts halves written the other way round in their fields', () => {
    expect(splitSchoolName('№7 жалпы білім беретін мектеп / Школа №7')).toMatchObject({ nameRu: 'Школа №7', nameKk: '№7 жалпы білім беретін мектеп' });
  });

  it('puts a name in one language into that language\'s field, and keeps a slash without spaces', () => {
    expect(splitSchoolName(' Школа-лицей №1/2 ')).toEqual({ nameRu: 'Школа-лицей №1/2', nameKk: '', shortName: 'Школа-лицей №1/2' });
    expect(splitSchoolName('№3 шағын жинақты мектеп')).toEqual({ nameRu: '', nameKk: '№3 шағын жинақты мектеп', shortName: '№3 шағын жинақты мектеп' });
  });
});

describe('natural order where the app lists schools', () => {
  let database: Awaited<ReturnType<typeof tempDatabase>>;
  beforeEach(async () => {
    database = await tempDatabase();
  });
  afterEach(() => database.remove());

  it('the summary and the plan execution list СОШ №2 before СОШ №10', async () => {
    for (const [n, shortName] of [[1, 'СОШ №10'], [2, 'СОШ №2'], [3, 'СОШ №1']] as const) await createSchool(database.db, schoolFields(n, { shortName }));
    await zabotaV1Campaign(database.db, 2027);
    const expected = ['СОШ №1', 'СОШ №2', 'СОШ №10'];
    expect((await getSummary(database.db, 'zabota-2027')).missing.map((school) => school.shortName)).toEqual(expected);
    expect((await getPlanExecution(database.db, 'zabota-2027')).schools.map((school) => school.shortName)).toEqual(expected);
  });
});
