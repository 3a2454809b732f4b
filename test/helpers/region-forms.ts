// Region forms as an управление образования sends them, built with exceljs: each laid out differently (one- and
// two-level headers, merged captions, графа numbers or none, codes, «№ п/п» or nothing, labels in Russian, Kazakh or
// both, a units column, «Итого» rows and «Всего» columns, a table of one row per school), each with a title and the
// letter's lines above and the head's signature line below, as the real ones have.
import ExcelJS from 'exceljs';

type Row = Array<string | number | null>;

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

function sheetOf(name: string): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.getColumn(2).width = 50;
  return { workbook, sheet };
}

/** Rows written from `first` down, each cell bordered as a table's. */
function table(sheet: ExcelJS.Worksheet, first: number, rows: Row[]): void {
  rows.forEach((values, i) => {
    const row = sheet.getRow(first + i);
    values.forEach((value, j) => {
      const cell = row.getCell(j + 1);
      if (value !== null) cell.value = value;
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
}

/** A title line merged across the table's width. */
function title(sheet: ExcelJS.Worksheet, row: number, text: string, width: number): void {
  sheet.getCell(row, 1).value = text;
  sheet.getCell(row, 1).font = { bold: true };
  sheet.mergeCells(row, 1, row, width);
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** (a) One header row, codes «01, 02…» in a column, one value column. */
export async function oneLevelWithCodes(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Отчет');
  writeOneLevelWithCodes(sheet);
  return bytesOf(workbook);
}

function writeOneLevelWithCodes(sheet: ExcelJS.Worksheet): void {
  sheet.getCell('C1').value = 'Приложение 1 к письму ГУ «Управление образования» № 12-3/456 от 15.01.2027';
  title(sheet, 2, 'Сведения об охвате детей летним отдыхом', 3);
  title(sheet, 3, 'по состоянию на 1 июня 2027 года', 3);
  table(sheet, 5, [
    ['Код', 'Наименование показателя', 'Количество'],
    ['01', 'Всего детей школьного возраста в районе', null],
    ['02', 'из них охвачено летним отдыхом', null],
    ['03', 'в том числе в пришкольных лагерях', null],
    ['04', 'в загородных лагерях', null],
    ['05', 'Количество пришкольных лагерей', null],
  ]);
  sheet.getCell('A12').value = 'Руководитель отдела образования ______________ (подпись)';
  sheet.getCell('A13').value = 'Исполнитель: Иванова А.К., тел. 8 (7172) 55-00-00';
}

/** (b) Two header rows, captions merged over their графы, a row of графа numbers «А Б 1 2 3 4 5», a grid; closed cells shaded and crossed. */
export async function twoLevelGrid(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Контингент');
  sheet.getCell('G1').value = 'Приложение 2';
  title(sheet, 2, 'Сведения о контингенте обучающихся общеобразовательных школ', 7);
  table(sheet, 4, [
    ['№ строки', 'Показатели', 'Численность обучающихся', null, null, 'Количество классов-комплектов', null],
    [null, null, 'всего', 'из них девочек', 'из них с особыми образовательными потребностями', 'всего', 'малокомплектные'],
    ['А', 'Б', 1, 2, 3, 4, 5],
    ['01', '1–4 классы', null, null, null, null, null],
    ['02', '5–9 классы', null, null, null, null, null],
    ['03', '10–11 классы', null, null, null, null, null],
    ['04', 'в том числе в вечерних школах', null, null, null, 'X', 'X'],
  ]);
  sheet.mergeCells('A4:A5');
  sheet.mergeCells('B4:B5');
  sheet.mergeCells('C4:E4');
  sheet.mergeCells('F4:G4');
  sheet.getCell('E10').fill = GREY;
  for (const cell of ['F10', 'G10']) sheet.getCell(cell).fill = GREY;
  sheet.getCell('B13').value = 'Руководитель ______________ М.П.';
  return bytesOf(workbook);
}

/** (c) No codes: a «№ п/п» column numbered 1., 2., 2.1; a yes/no row and a money row told by their labels. */
export async function numberedNoCodes(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Лист1');
  sheet.getCell('C1').value = 'Исх. № 05-14/2210 от 03.02.2027';
  title(sheet, 3, 'Информация о кадровом обеспечении психологической службы', 3);
  table(sheet, 5, [
    ['№ п/п', 'Наименование', 'Значение'],
    ['1.', 'Количество педагогов-психологов', null],
    ['2.', 'Количество социальных педагогов', null],
    ['2.1', 'из них со стажем до 3 лет', null],
    ['2.2', 'из них со стажем более 10 лет', null],
    ['3.', 'Наличие программы профилактики суицида (да/нет)', null],
    ['4.', 'Сумма средств на повышение квалификации, тенге', null],
  ]);
  sheet.getCell('B14').value = 'Руководитель ____________________';
  return bytesOf(workbook);
}

/** (d) An «Итого» row summing the rows above it, a «Всего» column summing the графы left of it (with SUM formulas); cells filled white. */
export async function totalsRowAndColumn(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Свод');
  sheet.getCell('E1').value = 'Приложение 4 к письму';
  title(sheet, 2, 'Численность детей из социально уязвимых категорий семей', 5);
  table(sheet, 4, [
    ['Код', 'Наименование', 'Городская местность', 'Сельская местность', 'Всего'],
    ['01', 'Дети из многодетных семей', null, null, null],
    ['02', 'Дети-сироты и дети, оставшиеся без попечения родителей', null, null, null],
    ['03', 'Дети из семей, получающих адресную социальную помощь', null, null, null],
    [null, 'Итого', null, null, null],
  ]);
  for (let row = 5; row <= 8; row++) sheet.getCell(row, 5).value = { formula: `C${row}+D${row}` };
  // Cells filled white, by RGB and by the theme's background colour, as forms often are: not shading.
  for (const cell of ['C5', 'C6', 'C7']) sheet.getCell(cell).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
  for (const cell of ['D5', 'D6', 'D7']) sheet.getCell(cell).fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 0 } };
  for (const column of ['C', 'D']) sheet.getCell(`${column}8`).value = { formula: `SUM(${column}5:${column}7)` };
  sheet.getCell('A11').value = 'Руководитель отдела ______________';
  return bytesOf(workbook);
}

/** (e) Labels in two columns, Russian and Kazakh; codes «1», «2», «3»; the value's caption in both languages. */
export async function twoLanguageColumns(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Форма');
  title(sheet, 1, 'Мектептерде тамақтандыруды ұйымдастыру туралы мәлімет', 4);
  title(sheet, 2, 'Сведения об организации питания в школах', 4);
  table(sheet, 4, [
    ['Код', 'Наименование показателя', 'Көрсеткіштің атауы', 'Значение / Мәні'],
    ['1', 'Количество школ со столовой', 'Асханасы бар мектептер саны', null],
    ['2', 'Охвачено горячим питанием учащихся', 'Ыстық тамақпен қамтылған оқушылар', null],
    ['3', 'из них бесплатным питанием', 'оның ішінде тегін тамақпен', null],
  ]);
  sheet.getCell('B10').value = 'Руководитель / Басшы ______________';
  return bytesOf(workbook);
}

/** (f) A units column «Ед. изм.»; labels «рус / каз» in one cell; a money and a date row told by their units and number formats. */
export async function unitsColumn(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Показатели');
  sheet.getCell('D1').value = 'Қосымша 3 / Приложение 3';
  title(sheet, 2, 'Отчет о проведении акции «Дорога в школу»', 4);
  table(sheet, 4, [
    ['№', 'Показатель / Көрсеткіш', 'Ед. изм. / Өлш. бірл.', '2027 год / 2027 жыл'],
    ['1', 'Охвачено детей / Қамтылған балалар', 'чел. / адам', null],
    ['2', 'Выделено средств / Бөлінген қаражат', 'тенге / теңге', null],
    ['3', 'Проведено рейдов / Өткізілген рейдтер', 'ед. / бірл.', null],
    ['4', 'Завершение акции / Акцияның аяқталуы', null, null],
  ]);
  sheet.getCell('D8').numFmt = 'dd.mm.yyyy';
  sheet.getCell('A11').value = 'Руководитель ______________ Исполнитель: тел. 55-00-00';
  return bytesOf(workbook);
}

/** (g) A sheet in Kazakh only: «Р/с» numbering and a «Барлығы» row. */
export async function kazakhOnly(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Есеп');
  sheet.getCell('C1').value = 'Білім бөлімінің 2027 жылғы 10 ақпандағы № 45 хатына қосымша';
  title(sheet, 2, 'Балалардың жазғы демалысы туралы мәліметтер', 3);
  table(sheet, 4, [
    ['Р/с', 'Көрсеткіштер атауы', 'Саны'],
    ['1', 'Қала сыртындағы лагерьлерде демалған балалар', null],
    ['2', 'Мектеп жанындағы лагерьлерде демалған балалар', null],
    ['3', 'Шипажайларда демалған балалар', null],
    [null, 'Барлығы', null],
  ]);
  sheet.getCell('B11').value = 'Бөлім басшысы ______________';
  return bytesOf(workbook);
}

/** (h) One row per organisation: «№ | Наименование организации образования | показатель…», empty school rows, a «Всего» row. */
export async function schoolsAsRows(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('По школам');
  sheet.getCell('E1').value = 'Приложение 5';
  title(sheet, 2, 'Сведения о педагогических кадрах в разрезе организаций образования', 5);
  table(sheet, 4, [
    ['№', 'Наименование организации образования', 'Количество педагогов', 'из них с высшей категорией', 'Потребность в педагогах (вакансии)'],
    [1, null, null, null, null],
    [2, null, null, null, null],
    [3, null, null, null, null],
    [4, null, null, null, null],
    [null, 'Всего', null, null, null],
  ]);
  for (const column of ['C', 'D', 'E']) sheet.getCell(`${column}9`).value = { formula: `SUM(${column}5:${column}8)` };
  sheet.getCell('B12').value = 'Руководитель отдела образования ______________';
  return bytesOf(workbook);
}

/**
 * (i) Three header rows in both languages, Kazakh first («каз / рус» in each cell), a «Всего» графа broken down «в том
 * числе» to its right, a level of years; графа numbers 1–7 over the code and name columns too; numbering 1, 1.1, 1.2, 2
 * and a «Барлығы / Итого» row; last year's numbers already in one графа; a letter's number typed over two cells.
 */
export async function threeLevelBilingual(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('2-нысан');
  sheet.getCell('G1').value = 'Қосымша 2 / Приложение 2';
  title(sheet, 2, 'Білім беру ұйымдарындағы компьютерлер туралы мәлімет / Сведения о компьютерах в организациях образования', 7);
  sheet.getCell('A3').value = 'Исх. №';
  sheet.getCell('B3').value = '12-04/778';
  table(sheet, 5, [
    ['Р/с / № п/п', 'Көрсеткіш / Показатель', 'Компьютерлер саны / Количество компьютеров', null, null, null, null],
    [null, null, 'Барлығы / Всего', 'оның ішінде / в том числе', null, 'Интернетке қосылған / Подключено к интернету', null],
    [null, null, null, 'стационарлық / стационарные', 'ноутбуктер / ноутбуки', 2026, 2027],
    [1, 2, 3, 4, 5, 6, 7],
    ['1', 'Қалалық мектептер / Городские школы', null, null, null, 120, null],
    ['1.1', 'оның ішінде гимназиялар / в том числе гимназии', null, null, null, 40, null],
    ['1.2', 'оның ішінде лицейлер / в том числе лицеи', null, null, null, 25, null],
    ['2', 'Ауылдық мектептер / Сельские школы', null, null, null, 80, null],
    [null, 'Барлығы / Итого', null, null, null, null, null],
  ]);
  sheet.getCell('F13').value = { formula: 'F9+F12', result: 200 };
  for (const range of ['A5:A7', 'B5:B7', 'C5:G5', 'C6:C7', 'D6:E6', 'F6:G6']) sheet.mergeCells(range);
  sheet.getCell('B16').value = 'Басшы / Руководитель ______________';
  return bytesOf(workbook);
}

/**
 * (j) Latin codes (one typed with a Cyrillic «З»), rows that start like a signature («Директорам школ»), a value графа
 * «Значение показателя» that is money only by its number format, a date, a count and a notes графа.
 */
export async function paymentsByFormat(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Выплаты');
  title(sheet, 1, 'Информация о выплатах педагогам за классное руководство', 6);
  table(sheet, 3, [
    ['Код строки', 'Наименование показателя', 'Значение показателя', 'Дата выплаты', 'Количество получателей', 'Примечание'],
    ['Z01', 'Директорам школ', null, null, null, null],
    ['З02', 'Заместителям директоров по воспитательной работе', null, null, null, null],
    ['Z03', 'Классным руководителям', null, null, null, null],
  ]);
  for (let row = 4; row <= 6; row++) sheet.getCell(row, 3).numFmt = '#,##0.00';
  sheet.getCell('B9').value = 'Директор ______________';
  return bytesOf(workbook);
}

/**
 * (k) A statistics form's layout: «№ п/п | Наименование показателя | Код строки» with four-digit codes, графы numbered
 * «А Б В 1 2 3», «Всего» and its «в том числе» графы.
 */
export async function statisticsLayout(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('1-ДО');
  sheet.getCell('F1').value = 'Приложение 6';
  title(sheet, 2, 'Сведения о дошкольных организациях', 6);
  table(sheet, 4, [
    ['№ п/п', 'Наименование показателя', 'Код строки', 'Всего', 'в том числе', null],
    [null, null, null, null, 'государственные', 'частные'],
    ['А', 'Б', 'В', 1, 2, 3],
    ['1', 'Количество организаций', '0100', null, null, null],
    ['2', 'Количество мест', '0200', null, null, null],
    ['3', 'Контингент воспитанников', '0300', null, null, null],
    ['3.1', 'из них дети до 3 лет', '0310', null, null, null],
  ]);
  for (const range of ['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:F4']) sheet.mergeCells(range);
  sheet.getCell('B13').value = 'Руководитель ______________';
  return bytesOf(workbook);
}

/**
 * (a) as the region's next letter has it: a units column «Ед. изм.» inserted before the values, and the row of camps
 * (code 05) moved up to the top of the table; title, letter line and signature as before.
 */
export async function oneLevelWithCodesNextLetter(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Отчет');
  sheet.getCell('D1').value = 'Приложение 1 к письму ГУ «Управление образования» № 12-3/501 от 15.01.2028';
  sheet.mergeCells('A2:D2');
  sheet.getCell('A2').value = 'Сведения об охвате детей летним отдыхом';
  const rows = [
    ['Код', 'Наименование показателя', 'Ед. изм.', 'Количество'],
    ['05', 'Количество пришкольных лагерей', 'ед.'],
    ['01', 'Всего детей школьного возраста в районе', 'чел.'],
    ['02', 'из них охвачено летним отдыхом', 'чел.'],
    ['03', 'в том числе в пришкольных лагерях', 'чел.'],
    ['04', 'в загородных лагерях', 'чел.'],
  ];
  rows.forEach((values, i) => (sheet.getRow(5 + i).values = values));
  sheet.getCell('A12').value = 'Руководитель отдела образования ______________ (подпись)';
  return bytesOf(workbook);
}

/**
 * (k) as the region's next letter has it: a графа «Количество групп» inserted after «Всего», so that the графы after it
 * are numbered one more (государственные 3, частные 4), and the row «Количество мест» moved below «Контингент».
 */
export async function statisticsLayoutNextLetter(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('1-ДО');
  sheet.getCell('G1').value = 'Приложение 6';
  sheet.mergeCells('A2:G2');
  sheet.getCell('A2').value = 'Сведения о дошкольных организациях';
  const rows = [
    ['№ п/п', 'Наименование показателя', 'Код строки', 'Всего', 'Количество групп', 'в том числе', null],
    [null, null, null, null, null, 'государственные', 'частные'],
    ['А', 'Б', 'В', 1, 2, 3, 4],
    ['1', 'Количество организаций', '0100'],
    ['2', 'Контингент воспитанников', '0300'],
    ['2.1', 'из них дети до 3 лет', '0310'],
    ['3', 'Количество мест', '0200'],
  ];
  rows.forEach((values, i) => (sheet.getRow(4 + i).values = values));
  for (const range of ['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:G4']) sheet.mergeCells(range);
  sheet.getCell('B13').value = 'Руководитель ______________';
  return bytesOf(workbook);
}

/** The letter on its first sheet, a hidden sheet of lists, and the form (a) on the third. */
export async function letterThenForm(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Письмо').getCell('A1').value = 'Просим представить сведения по форме на листе «Отчет» до 20 февраля.';
  workbook.addWorksheet('Списки', { state: 'hidden' }).getCell('A1').value = 'да';
  writeOneLevelWithCodes(workbook.addWorksheet('Отчет'));
  return bytesOf(workbook);
}

/** Not a form: a list of names with no column for values. */
export async function namesOnly(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Список');
  table(sheet, 1, [['№', 'Наименование организации образования'], [1, 'КГУ «СОШ №1»'], [2, 'КГУ «СОШ №2»']]);
  return bytesOf(workbook);
}

/** Not a form: a header with nothing under it but the signature. */
export async function headerOnly(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Форма');
  table(sheet, 2, [['Код', 'Наименование показателя', 'Значение']]);
  sheet.getCell('A4').value = 'Руководитель ______________';
  return bytesOf(workbook);
}

/** Not a form: a letter typed into a spreadsheet, no table in it. */
export async function letterOnly(): Promise<Buffer> {
  const { workbook, sheet } = sheetOf('Письмо');
  sheet.getCell('A1').value = 'Руководителям отделов образования';
  sheet.getCell('A3').value = 'Просим в срок до 20 февраля представить сведения по прилагаемой форме.';
  sheet.getCell('A5').value = 'Руководитель управления ______________';
  return bytesOf(workbook);
}
