// A school not yet in the registry: the blank template, its import refused with an offer, and the kept file judged again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign } from '../../main/services/campaigns.ts';
import { getPlanExecution } from '../../main/services/execution.ts';
import { buildBlankTemplate } from '../../main/services/exports.ts';
import { importReports, reimportStored } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { getSummary } from '../../main/services/summary.ts';
import { tempDatabase } from '../helpers/db.ts';
import { schoolHeaderCells } from '../helpers/edit.ts';
import { schoolFields, validBin } from '../helpers/schools.ts';
import { fillPlanPart, fillTemplate, readWorkbook, validNik } from '../helpers/workbooks.ts';

let database: Awaited<ReturnType<typeof tempDatabase>>;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.remove());

/** What the school does: writes its name and БИН into the header, then fills the form and the plan part. */
async function filledBlank(bytes: Uint8Array, name: string, bin: string): Promise<Buffer> {
  const workbook = await readWorkbook(await fillPlanPart(await fillTemplate(bytes, validNik()), { 2: ['Да', 2, 30, ''] }));
  const cells = schoolHeaderCells(workbook.worksheets[0]);
  cells.name.value = name;
  cells.bin.value = bin;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the blank template', () => {
  it('leaves the school’s name and БИН open for typing and hands out the items meant for every school', async () => {
    await createCampaign(database.db, 'nik', 2025);
    const { files } = await buildBlankTemplate(database.db, 'nik-2025');
    expect(files.map((f) => f.name)).toEqual(['nik-2025-blank.xlsx']);
    const workbook = await readWorkbook(files[0].bytes);
    const sheet = workbook.worksheets[0];
    const header = schoolHeaderCells(sheet);
    for (const cell of [header.name, header.bin]) {
      expect(cell.value ?? '').toBe('');
      expect(cell.protection?.locked).toBe(false);
    }
    expect(header.bin.dataValidation).toMatchObject({ type: 'textLength', operator: 'equal', formulae: [12] });
    const numbers: number[] = [];
    sheet.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') numbers.push(row.getCell(1).value as number);
    });
    expect(numbers).toHaveLength(15);
  });

  it('is refused for a school not in the registry, with the name and БИН the file gives; added, the kept file is accepted', async () => {
    await createCampaign(database.db, 'nik', 2025);
    const { files } = await buildBlankTemplate(database.db, 'nik-2025');
    const bin = validBin(7);
    const bytes = await filledBlank(files[0].bytes, 'КГУ «Школа-лицей №7»', bin);

    const [refused] = await importReports(database.db, 'nik-2025', [{ name: 'from-whatsapp.xlsx', bytes }]);
    expect(refused).toMatchObject({ status: 'rejected', schoolBin: bin, newSchool: { bin, name: 'КГУ «Школа-лицей №7»' } });
    expect(refused.errors.map((e) => e.message.key)).toEqual(['import.unknownSchool']);

    const school = await createSchool(database.db, schoolFields(7, { bin, shortName: 'Школа-лицей №7' }));
    const [accepted] = await reimportStored(database.db, 'nik-2025', [refused.importId!]);
    expect(accepted).toMatchObject({ status: 'accepted', file: 'from-whatsapp.xlsx', schoolName: 'Школа-лицей №7', newSchool: null });
    expect((await getSummary(database.db, 'nik-2025')).totals.N01).toBe(validNik().N01);
    const execution = await getPlanExecution(database.db, 'nik-2025', '2025-06-20');
    expect(execution.entries.filter((e) => e.schoolId === school.id && e.status === 'done')).toHaveLength(1);
  });

  it('is read straight away when the БИН is a school of the registry, and a БИН with a typo is named as such', async () => {
    const school = await createSchool(database.db, schoolFields(3));
    await createCampaign(database.db, 'nik', 2025);
    const { files } = await buildBlankTemplate(database.db, 'nik-2025');
    const good = await filledBlank(files[0].bytes, school.nameRu, school.bin);
    const typo = await filledBlank(files[0].bytes, school.nameRu, `${school.bin.slice(0, 11)}${(Number(school.bin[11]) + 1) % 10}`);
    const outcomes = await importReports(database.db, 'nik-2025', [{ name: 'good.xlsx', bytes: good }, { name: 'typo.xlsx', bytes: typo }]);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'rejected']);
    expect(outcomes[1].errors[0].message).toMatchObject({ key: 'import.badBin', params: { problem: 'checksum' } });
  });

  it('says so when asked to judge again an import that is not there', async () => {
    await createCampaign(database.db, 'nik', 2025);
    await expect(reimportStored(database.db, 'nik-2025', [999])).rejects.toMatchObject({ key: 'import.notFound' });
  });
});
