import { cellCode, type FormDefinition, type GridTable } from './types.ts';
import { zabotaV1 } from './zabota.v1.ts';

const HELP_ROWS = ['H01', 'H02', 'H03', 'H04', 'H05', 'H06'];
const KIND_COLUMNS = ['2', '3', '4', '5', '6', '7'];

const helpGrid: GridTable = {
  kind: 'grid',
  id: 'help',
  title: {
    ru: 'Оказанная помощь по категориям детей',
    kk: 'Балалар санаттары бойынша көрсетілген көмек',
  },
  rows: [
    { code: 'H01', label: { ru: 'Детей, получивших помощь, всего', kk: 'Көмек алған балалар, барлығы' }, required: true, requiredColumns: ['1', '8'] },
    { code: 'H02', label: { ru: 'из малообеспеченных семей', kk: 'аз қамтылған отбасылардан' }, required: false },
    { code: 'H03', label: { ru: 'из многодетных семей', kk: 'көп балалы отбасылардан' }, required: false },
    { code: 'H04', label: { ru: 'из неблагополучных семей', kk: 'әлеуметтік жағдайы қолайсыз отбасылардан' }, required: false },
    {
      code: 'H05',
      label: { ru: 'дети-сироты и дети, оставшиеся без попечения родителей', kk: 'жетім балалар және ата-анасының қамқорлығынсыз қалған балалар' },
      required: false,
    },
    { code: 'H06', label: { ru: 'дети с инвалидностью', kk: 'мүгедектігі бар балалар' }, required: false },
  ],
  columns: [
    { code: '1', label: { ru: 'Всего детей, получивших помощь', kk: 'Көмек алған балалар, барлығы' }, type: 'count' },
    { code: '2', label: { ru: 'одеждой', kk: 'киіммен' }, type: 'count' },
    { code: '3', label: { ru: 'обувью', kk: 'аяқ киіммен' }, type: 'count' },
    { code: '4', label: { ru: 'школьными принадлежностями', kk: 'оқу құралдарымен' }, type: 'count' },
    { code: '5', label: { ru: 'питанием', kk: 'тамақпен' }, type: 'count' },
    { code: '6', label: { ru: 'денежной помощью', kk: 'ақшалай көмекпен' }, type: 'count' },
    { code: '7', label: { ru: 'иной помощью', kk: 'өзге көмекпен' }, type: 'count' },
    { code: '8', label: { ru: 'Сумма помощи, тенге', kk: 'Көмек сомасы, теңге' }, type: 'money' },
  ],
};

const KEPT_RULES = ['Z-R1', 'Z-R2', 'Z-R3', 'Z-R7', 'Z-R9', 'Z-R11'];
const REPLACED_ROWS = /^Z(1\d|2\d)$/;

/**
 * Form `zabota`, version 2, as ../shared/spec/forms.md defines it: the rows of version 1 but Z10–Z24, which the
 * help grid (categories of children × kinds of help) replaces, with the grid's rules H-R1…H-R6.
 */
export const zabotaV2: FormDefinition = {
  ...zabotaV1,
  version: 2,
  indicators: zabotaV1.indicators.filter((indicator) => !REPLACED_ROWS.test(indicator.code)),
  rules: [
    ...zabotaV1.rules.filter((rule) => KEPT_RULES.includes(rule.id)),
    ...KIND_COLUMNS.map((column) => ({ id: 'H-R1', text: `*.1 >= *.${column}`, severity: 'error' as const })),
    ...HELP_ROWS.slice(1).map((row) => ({ id: 'H-R2', text: `H01.* >= ${row}.*`, severity: 'error' as const })),
    { id: 'H-R3', text: '*.8 > 0 => *.1 > 0', severity: 'error' },
    { id: 'H-R4', text: `${cellCode('H01', '8')} = Z30`, severity: 'error' },
    { id: 'H-R5', text: `Z01 >= ${cellCode('H01', '1')}`, severity: 'error' },
    { id: 'H-R6', text: '*.2..7 >= *.1', severity: 'warning' },
  ],
  tables: [helpGrid, ...(zabotaV1.tables ?? [])],
};
