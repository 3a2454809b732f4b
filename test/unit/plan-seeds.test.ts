// The built-in campaign plans as data: the НИК plan as the Shakhtinsk seed has it (Kazakh restored from the scan),
// and the «Забота» plan from section VI of the methodical recommendations.
import { describe, expect, it } from 'vitest';
import { nikPlanSeed } from '../../shared/plans/seeds/nik.ts';
import { zabotaPlanSeed } from '../../shared/plans/seeds/zabota.ts';
import type { Bilingual } from '../../shared/forms/types.ts';
import type { PlanItemText, PlanSeed } from '../../shared/plans/types.ts';

const SEEDS: [string, PlanSeed][] = [
  ['nik', nikPlanSeed],
  ['zabota', zabotaPlanSeed],
];

function items(seed: PlanSeed): PlanItemText[] {
  return seed.sections.flatMap((section) => section.items);
}

/** Every text of a seed, with where it is. */
function texts(seed: PlanSeed): [string, Bilingual][] {
  const out: [string, Bilingual][] = [['title', seed.title]];
  seed.preamble.forEach((line, i) => {
    out.push([`preamble ${i + 1} label`, line.label], [`preamble ${i + 1} text`, line.text]);
  });
  seed.sections.forEach((section, s) => {
    out.push([`section ${s + 1} title`, section.title]);
    section.items.forEach((item, i) => {
      const at = `section ${s + 1} item ${i + 1}`;
      out.push([`${at} title`, item.title], [`${at} deadline`, item.deadline], [`${at} executors`, item.executors]);
    });
  });
  return out;
}

const NIK_EXECUTORS_KK = [
  'Білім бөлімі',
  'Білім бөлімі, жалпы білім беретін мектептер',
  'Білім бөлімі, жалпы білім беретін мектептер, қосымша білім беру ұйымдары',
  'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі (келісім бойынша)',
  'Білім бөлімі, жалпы білім беретін мектептер, әкімдік, үкіметтік емес ұйымдар (келісім бойынша)',
  'Білім бөлімі, жалпы білім беретін мектептер',
  'Білім бөлімі, жалпы білім беретін мектептер, шығарылымдар (келісім бойынша)',
  'Білім бөлімі, жалпы білім беретін мектептер, шығарылымдар (келісім бойынша)',
  'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі, емхана, ресурстық орталық, әкімдік, жұмыспен қамту бөлімі, үкіметтік емес ұйымдар (келісім бойынша)',
  'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі (келісім бойынша)',
  'Білім бөлімі, жалпы білім беретін мектептер',
  'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі (келісім бойынша), үкіметтік емес ұйымдар (келісім бойынша)',
  'Білім бөлімі, жалпы білім беретін мектептер, ресурстық орталық',
  'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі (келісім бойынша)',
  'Білім бөлімі, әкімдік',
  'Білім бөлімі',
  'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі (келісім бойынша)',
  'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі, әкімдік, үкіметтік емес ұйымдар (келісім бойынша)',
  'Білім бөлімі, жалпы білім беретін мектептер',
];

const NIK_EXECUTORS_RU = [
  'Отдел образования',
  'Отдел образования, общеобразовательные школы',
  'Отдел образования, общеобразовательные школы, организации ДОП',
  'Отдел образования, общеобразовательные школы, отдел полиции (по согласованию)',
  'Отдел образования, общеобразовательные школы, акимат, НПО (по согласованию)',
  'Отдел образования, общеобразовательные школы',
  'Отдел образования, общеобразовательные школы',
  'Отдел образования, общеобразовательные школы, НПО (по согласованию)',
  'Отдел образования, общеобразовательные школы, полиция, поликлиника, ресурсный центр, акимат, отдел занятости и социальных программ, НПО (по согласованию)',
  'Отдел образования',
  'Отдел образования, общеобразовательные школы, отдел полиции, ресурсный центр (по согласованию)',
  'Отдел образования, общеобразовательные школы',
  'Отдел образования, общеобразовательные школы, ресурсный центр (по согласованию)',
  'Отдел образования, общеобразовательные школы, отдел полиции (по согласованию)',
  'Отдел образования, акимат',
  'Отдел образования, отдел полиции (по согласованию)',
  'Отдел образования, общеобразовательные школы отдел полиции',
  'Отдел образования, общеобразовательные школы',
  'Отдел образования, общеобразовательные школы',
];

const NIK_DEADLINES_KK = [
  '30 мамырға дейін',
  'Мамыр',
  '1 маусым',
  '30 мамыр – 13 маусым',
  '1 – 12 маусым',
  '1 – 12 маусым',
  'тұрақты',
  ...Array<string>(7).fill('1-12 маусым'),
  'келісім бойынша',
  '3 маусым',
  'тұрақты',
  'Маусым',
  '12-14 маусым',
];

const NIK_DEADLINES_RU = [
  'до 30 мая',
  'май',
  '1 июня',
  '30 мая - 13 июня',
  '1-12 июня',
  '1-12 июня',
  'постоянно',
  ...Array<string>(7).fill('1-12 июня'),
  'по согласованию',
  '3 июня',
  'постоянно',
  'июнь',
  '13 июня',
];

/** Words as the scan damaged them: none may remain in a Kazakh text. */
const SCAN_DAMAGE = ['белімі', 'акпарат', 'канауга', 'карсы', 'когам', 'корғау', 'тұракты', 'мамырга', '碌', 'seminar'];
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

describe('built-in plan seeds', () => {
  it('the НИК plan has 3 sections of 7 + 10 + 2 = 19 items', () => {
    expect(nikPlanSeed.sections.map((section) => section.items.length)).toEqual([7, 10, 2]);
    expect(items(nikPlanSeed)).toHaveLength(19);
    expect(nikPlanSeed.sections.map((section) => section.title)).toEqual([
      { kk: 'Ұйымдастыру шаралары', ru: 'Организационные мероприятия' },
      { kk: 'Негізгі кезең', ru: 'Основной этап' },
      { kk: 'Қорытынды кезең', ru: 'Заключительный этап' },
    ]);
  });

  it.each(SEEDS)('every text of the %s plan is non-empty in both languages', (_, seed) => {
    for (const [where, text] of texts(seed)) {
      expect(text.kk.trim(), `${where} (kk)`).not.toBe('');
      expect(text.ru.trim(), `${where} (ru)`).not.toBe('');
    }
    expect(seed.preamble.length).toBeGreaterThan(0);
  });

  it.each(SEEDS)('no Kazakh text of the %s plan keeps the scan damage', (_, seed) => {
    for (const [where, text] of texts(seed)) {
      const kk = text.kk.toLowerCase();
      for (const damaged of SCAN_DAMAGE) expect(kk, `${where} contains «${damaged}»`).not.toContain(damaged);
    }
  });

  it.each(SEEDS)('every Kazakh item title of the %s plan is written with Kazakh letters', (_, seed) => {
    for (const item of items(seed)) expect(item.title.kk).toMatch(KAZAKH_LETTERS);
  });

  it('the НИК executors and deadlines are as the plan parser expects, character for character', () => {
    const all = items(nikPlanSeed);
    expect(all.map((item) => item.executors.kk)).toEqual(NIK_EXECUTORS_KK);
    expect(all.map((item) => item.executors.ru)).toEqual(NIK_EXECUTORS_RU);
    expect(all.map((item) => item.deadline.kk)).toEqual(NIK_DEADLINES_KK);
    expect(all.map((item) => item.deadline.ru)).toEqual(NIK_DEADLINES_RU);
  });

  it('the НИК items 10 and 16 keep each language its own executors', () => {
    const all = items(nikPlanSeed);
    const item10 = all[9];
    const item16 = all[15];
    expect(item10.executors).toEqual({
      ru: 'Отдел образования',
      kk: 'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі (келісім бойынша)',
    });
    expect(item10.deadline).toEqual({ ru: '1-12 июня', kk: '1-12 маусым' });
    expect(item16.executors).toEqual({ ru: 'Отдел образования, отдел полиции (по согласованию)', kk: 'Білім бөлімі' });
    expect(item16.deadline).toEqual({ ru: '3 июня', kk: '3 маусым' });
  });

  it('the НИК item 18 carries the campaign hashtag placeholder in both languages', () => {
    const item18 = items(nikPlanSeed)[17];
    expect(item18.title.ru).toContain('{{hashtag}}');
    expect(item18.title.kk).toContain('{{hashtag}}');
    expect(JSON.stringify(nikPlanSeed)).not.toMatch(/#(НИК|ҰАН)\d/);
  });

  it.each(SEEDS)('the %s plan has the year only as {{year}}', (_, seed) => {
    expect(seed.title.ru).toContain('{{year}}');
    expect(seed.title.kk).toContain('{{year}}');
    expect(JSON.stringify(seed)).not.toMatch(/20\d\d/);
  });

  it('the «Забота» plan has 12 + 7 + 4 items and only the school-level items go to schools', () => {
    expect(zabotaPlanSeed.sections.map((section) => section.items.length)).toEqual([12, 7, 4]);
    zabotaPlanSeed.sections.forEach((section, s) => {
      for (const item of section.items) {
        const toSchools = s === 0;
        expect(item.executors.ru.includes('школ'), item.executors.ru).toBe(toSchools);
        expect(item.executors.kk.includes('мектеп'), item.executors.kk).toBe(toSchools);
      }
    });
  });
});
