// Responsible executors as plan documents write them: the НИК and «Забота» plans in both languages, then back.
import { describe, expect, it } from 'vitest';
import { tFor } from '../../shared/i18n.ts';
import { formatExecutors, includesSchools, organisationName, parseExecutors } from '../../shared/plans/executors.ts';
import { ORGANISATIONS, type Executor, type Organisation } from '../../shared/plans/types.ts';

const known = (org: Organisation): Executor => ({ org, agreed: false });
const agreed = (org: Organisation): Executor => ({ org, agreed: true });
const other = (name: string, isAgreed = false): Executor => ({ org: 'other', name, agreed: isAgreed });

const RUSSIAN: [string, Executor[]][] = [
  ['Отдел образования', [known('education_department')]],
  ['Отдел образования, общеобразовательные школы', [known('education_department'), known('schools')]],
  [
    'Отдел образования, общеобразовательные школы, организации ДОП',
    [known('education_department'), known('schools'), known('additional_education')],
  ],
  [
    'Отдел образования, общеобразовательные школы, отдел полиции (по согласованию)',
    [known('education_department'), known('schools'), agreed('police')],
  ],
  [
    'Отдел образования, общеобразовательные школы, акимат, НПО (по согласованию)',
    [known('education_department'), known('schools'), known('akimat'), agreed('ngo')],
  ],
  ['Отдел образования, общеобразовательные школы, НПО (по согласованию)', [known('education_department'), known('schools'), agreed('ngo')]],
  [
    'Отдел образования, общеобразовательные школы, полиция, поликлиника, ресурсный центр, акимат, отдел занятости и социальных программ, НПО (по согласованию)',
    [
      known('education_department'),
      known('schools'),
      known('police'),
      known('clinic'),
      known('resource_center'),
      known('akimat'),
      known('employment'),
      agreed('ngo'),
    ],
  ],
  [
    'Отдел образования, общеобразовательные школы, отдел полиции, ресурсный центр (по согласованию)',
    [known('education_department'), known('schools'), known('police'), agreed('resource_center')],
  ],
  [
    'Отдел образования, общеобразовательные школы, ресурсный центр (по согласованию)',
    [known('education_department'), known('schools'), agreed('resource_center')],
  ],
  ['Отдел образования, акимат', [known('education_department'), known('akimat')]],
  ['Отдел образования, отдел полиции (по согласованию)', [known('education_department'), agreed('police')]],
  ['Отдел образования, общеобразовательные школы отдел полиции', [known('education_department'), known('schools'), known('police')]],
];

const KAZAKH: [string, Executor[]][] = [
  ['Білім бөлімі', [known('education_department')]],
  ['Білім бөлімі, жалпы білім беретін мектептер', [known('education_department'), known('schools')]],
  [
    'Білім бөлімі, жалпы білім беретін мектептер, қосымша білім беру ұйымдары',
    [known('education_department'), known('schools'), known('additional_education')],
  ],
  [
    'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі (келісім бойынша)',
    [known('education_department'), known('schools'), agreed('police')],
  ],
  [
    'Білім бөлімі, жалпы білім беретін мектептер, әкімдік, үкіметтік емес ұйымдар (келісім бойынша)',
    [known('education_department'), known('schools'), known('akimat'), agreed('ngo')],
  ],
  [
    'Білім бөлімі, жалпы білім беретін мектептер, шығарылымдар (келісім бойынша)',
    [known('education_department'), known('schools'), agreed('media')],
  ],
  [
    'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі, емхана, ресурстық орталық, әкімдік, жұмыспен қамту бөлімі, үкіметтік емес ұйымдар (келісім бойынша)',
    [
      known('education_department'),
      known('schools'),
      known('police'),
      known('clinic'),
      known('resource_center'),
      known('akimat'),
      known('employment'),
      agreed('ngo'),
    ],
  ],
  [
    'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі (келісім бойынша), үкіметтік емес ұйымдар (келісім бойынша)',
    [known('education_department'), known('schools'), agreed('police'), agreed('ngo')],
  ],
  [
    'Білім бөлімі, жалпы білім беретін мектептер, ресурстық орталық',
    [known('education_department'), known('schools'), known('resource_center')],
  ],
  ['Білім бөлімі, әкімдік', [known('education_department'), known('akimat')]],
  [
    'Білім бөлімі, жалпы білім беретін мектептер, полиция бөлімі, әкімдік, үкіметтік емес ұйымдар (келісім бойынша)',
    [known('education_department'), known('schools'), known('police'), known('akimat'), agreed('ngo')],
  ],
];

const ZABOTA: [string, Executor[]][] = [
  ['Отдел образования, СМИ (по согласованию), КДН', [known('education_department'), agreed('media'), known('juvenile_commission')]],
  ['Білім бөлімі, БАҚ (келісім бойынша), КІҚҚК', [known('education_department'), agreed('media'), known('juvenile_commission')]],
  ['общеобразовательные школы, родительская общественность (по согласованию)', [known('schools'), agreed('parents')]],
  ['жалпы білім беретін мектептер, ата-аналар қауымдастығы (келісім бойынша)', [known('schools'), agreed('parents')]],
];

describe('parseExecutors', () => {
  it.each(RUSSIAN)('НИК, Russian: %j', (text, expected) => {
    expect(parseExecutors(text)).toEqual(expected);
  });

  it.each(KAZAKH)('НИК, Kazakh: %j', (text, expected) => {
    expect(parseExecutors(text)).toEqual(expected);
  });

  it.each(ZABOTA)('«Забота»: %j', (text, expected) => {
    expect(parseExecutors(text)).toEqual(expected);
  });

  it.each<[string, Executor[]]>([
    ['', []],
    ['   ', []],
    [' , ; ', []],
    ['Отдел образования, отдел культуры', [known('education_department'), other('отдел культуры')]],
    ['Отдел образования, отдел культуры (по согласованию); ОП', [known('education_department'), other('отдел культуры', true), known('police')]],
    ['  Управление  культуры  ;  ОО', [other('Управление культуры'), known('education_department')]],
    ['Мәдениет бөлімі (келісім бойынша)', [other('Мәдениет бөлімі', true)]],
    ['опека', [other('опека')]],
    // «ОП» and «ДОП» are words of their own, not parts of others
    ['Отдел образования, ДОП организаций, опека', [known('education_department'), known('additional_education'), other('опека')]],
    ['НПО по согласованию', [agreed('ngo')]],
    ['НПО келісім бойынша', [agreed('ngo')]],
    // one executor once, agreed if any mention says so
    ['отдел полиции, ОП (по согласованию)', [agreed('police')]],
    ['Отдел образования, отдел образования, школы', [known('education_department'), known('schools')]],
    ['отдел культуры, Отдел культуры', [other('отдел культуры')]],
    // the text of a scanned Kazakh plan: «ө» read as «е», «қ» as «к», «ұ» as «ү»
    [
      'Білім белімі, жалпы білім беретін мектептері, косымша білім беру ұйымдары',
      [known('education_department'), known('schools'), known('additional_education')],
    ],
    [
      'Білім белімі, жалпы білім беретін мектептері, полиция белімі, емхана, ресурстық орталық, әкімдік, жұмыспен камту белімі, үкіметтік емес үйімдар (келісім бойынша)',
      [
        known('education_department'),
        known('schools'),
        known('police'),
        known('clinic'),
        known('resource_center'),
        known('akimat'),
        known('employment'),
        agreed('ngo'),
      ],
    ],
    // without commas, and with line breaks as table cells have them
    ['Отдел образования\nобщеобразовательные школы\nНПО (по согласованию)', [known('education_department'), known('schools'), agreed('ngo')]],
    ['ГУ «Отдел образования города Шахтинска»', [known('education_department')]],
  ])('%j', (text, expected) => {
    expect(parseExecutors(text)).toEqual(expected);
  });

  it.each<[string, Organisation]>([
    ['Отдел образования', 'education_department'],
    ['отдел образования', 'education_department'],
    ['ОО', 'education_department'],
    ['Білім бөлімі', 'education_department'],
    ['общеобразовательные школы', 'schools'],
    ['Общеобразовательные школы', 'schools'],
    ['школы', 'schools'],
    ['организации образования', 'schools'],
    ['жалпы білім беретін мектептер', 'schools'],
    ['жалпы білім беретін мектептері', 'schools'],
    ['мектептер', 'schools'],
    ['организации ДОП', 'additional_education'],
    ['ДОП организаций', 'additional_education'],
    ['организации дополнительного образования', 'additional_education'],
    ['қосымша білім беру ұйымдары', 'additional_education'],
    ['отдел полиции', 'police'],
    ['полиция', 'police'],
    ['ОП', 'police'],
    ['полиция бөлімі', 'police'],
    ['акимат', 'akimat'],
    ['әкімдік', 'akimat'],
    ['әкімдігі', 'akimat'],
    ['қала әкімдігі', 'akimat'],
    ['НПО', 'ngo'],
    ['неправительственные организации', 'ngo'],
    ['үкіметтік емес ұйымдар', 'ngo'],
    ['ҮЕҰ', 'ngo'],
    ['ресурсный центр', 'resource_center'],
    ['ресурстық орталық', 'resource_center'],
    ['ресурстық орталығы', 'resource_center'],
    ['поликлиника', 'clinic'],
    ['здравоохранение', 'clinic'],
    ['емхана', 'clinic'],
    ['отдел занятости и социальных программ', 'employment'],
    ['отдел занятости и социальный программ', 'employment'],
    ['центр занятости', 'employment'],
    ['жұмыспен қамту бөлімі', 'employment'],
    ['жұмыспен қамту орталығы', 'employment'],
    ['инспекция труда', 'labour_inspection'],
    ['еңбек инспекциясы', 'labour_inspection'],
    ['отдел внутренней политики', 'internal_policy'],
    ['ішкі саясат бөлімі', 'internal_policy'],
    ['СМИ', 'media'],
    ['издания', 'media'],
    ['печатные издания', 'media'],
    ['БАҚ', 'media'],
    ['шығарылымдар', 'media'],
    ['басылымдар', 'media'],
    ['родительская общественность', 'parents'],
    ['ата-аналар қауымдастығы', 'parents'],
    ['КДН', 'juvenile_commission'],
    ['комиссия по делам несовершеннолетних', 'juvenile_commission'],
    ['КІҚҚК', 'juvenile_commission'],
    ['кәмелетке толмағандардың істері жөніндегі комиссия', 'juvenile_commission'],
  ])('%j is %s', (text, org) => {
    expect(parseExecutors(text)).toEqual([known(org)]);
  });
});

describe('includesSchools', () => {
  it.each<[string, boolean]>([
    ['Отдел образования, общеобразовательные школы', true],
    ['Білім бөлімі, мектептер', true],
    ['Отдел образования, акимат', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(includesSchools(parseExecutors(text))).toBe(expected);
  });
});

describe('formatExecutors', () => {
  it.each<[Executor[], string, string, string]>([
    [[], '', '', ''],
    [
      [known('education_department'), known('schools'), agreed('ngo')],
      'Отдел образования, общеобразовательные школы, НПО (по согласованию)',
      'Білім бөлімі, жалпы білім беретін мектептер, үкіметтік емес ұйымдар (келісім бойынша)',
      'Education Department, general education schools, NGOs (by agreement)',
    ],
    [
      [known('education_department'), agreed('media'), known('juvenile_commission')],
      'Отдел образования, СМИ (по согласованию), КДН',
      'Білім бөлімі, БАҚ (келісім бойынша), КІҚҚК',
      'Education Department, media (by agreement), juvenile affairs commission',
    ],
    [
      [known('police'), other('отдел культуры', true)],
      'отдел полиции, отдел культуры (по согласованию)',
      'полиция бөлімі, отдел культуры (келісім бойынша)',
      'police department, отдел культуры (by agreement)',
    ],
  ])('%j', (executors, ru, kk, en) => {
    expect(formatExecutors(tFor('ru'), executors)).toBe(ru);
    expect(formatExecutors(tFor('kk'), executors)).toBe(kk);
    expect(formatExecutors(tFor('en'), executors)).toBe(en);
  });

  it.each(['ru', 'kk', 'en'] as const)('has a name in %s for every organisation', (lng) => {
    const names = ORGANISATIONS.map((org) => organisationName(tFor(lng), org));
    expect(names.filter((name) => name.startsWith('plans.'))).toEqual([]);
    expect(new Set(names).size).toBe(ORGANISATIONS.length);
  });

  it.each(['ru', 'kk'] as const)('writes in %s every organisation so that it is read back', (lng) => {
    for (const org of ORGANISATIONS) {
      for (const executors of [[known(org)], [agreed(org)], [other('отдел культуры'), known(org)]]) {
        const text = formatExecutors(tFor(lng), executors);
        expect(parseExecutors(text), text).toEqual(executors);
      }
    }
  });
});

describe('parse → format → parse gives the same executors', () => {
  it.each([...RUSSIAN, ...KAZAKH, ...ZABOTA].map(([text]) => [text]))('%j', (text) => {
    const executors = parseExecutors(text);
    expect(parseExecutors(formatExecutors(tFor('ru'), executors))).toEqual(executors);
    expect(parseExecutors(formatExecutors(tFor('kk'), executors))).toEqual(executors);
  });

  it('keeps the names of other executors', () => {
    const executors = parseExecutors('Отдел образования, отдел культуры (по согласованию), Мәдениет бөлімі');
    expect(executors).toEqual([known('education_department'), other('отдел культуры', true), other('Мәдениет бөлімі')]);
    expect(parseExecutors(formatExecutors(tFor('ru'), executors))).toEqual(executors);
  });
});
