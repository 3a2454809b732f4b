// The `jinaq` command line end to end on a real database file and real workbooks.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_REJECTED, EXIT_UNEXPECTED, EXIT_USAGE, runCli } from '../../main/cli.ts';
import { ERROR_LOG_NAME } from '../../main/error-log.ts';
import { tempDir } from '../helpers/db.ts';
import { registryWorkbook, schoolFields } from '../helpers/schools.ts';
import { fillTemplate, readWorkbook, validZabotaV2 } from '../helpers/workbooks.ts';

let dir: string;
let remove: () => void;
let db: string;

beforeEach(() => {
  ({ dir, remove } = tempDir());
  db = path.join(dir, 'cli.sqlite');
});
afterEach(() => remove());

async function jinaq(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', db, '--lang', 'ru'], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('jinaq CLI', () => {
  it('runs the whole job: registry, campaign, templates, import, summary, export', async () => {
    const registry = path.join(dir, 'registry.xlsx');
    const rows = [1, 2].map((n) => {
      const s = schoolFields(n);
      return [s.bin, s.nameRu, s.nameKk, s.shortName, 'Гимназия', s.locality, s.director, s.phone, s.email];
    });
    writeFileSync(registry, await registryWorkbook([...rows, ['123', 'Плохая', '', 'Плохая', '', '', '', '', '']]));
    const imported = await jinaq('schools', 'import', registry);
    expect(imported.code).toBe(EXIT_REJECTED);
    expect(imported.out).toContain('Добавлено школ: 2, обновлено: 0, строк с ошибками: 1');
    expect(imported.out).toContain('Строка 4: БИН должен состоять из 12 цифр (123)');

    const listed = JSON.parse((await jinaq('schools', 'list', '--json')).out);
    expect(listed.map((s: { bin: string; type: string }) => [s.bin, s.type])).toEqual([[schoolFields(1).bin, 'gymnasium'], [schoolFields(2).bin, 'gymnasium']]);

    expect(await jinaq('campaign', 'create', '--kind', 'zabota', '--year', '2027')).toMatchObject({ code: EXIT_OK, out: 'zabota-2027' });
    const templatesDir = path.join(dir, 'templates');
    expect((await jinaq('templates', '--campaign', 'zabota-2027', '--out', templatesDir)).code).toBe(EXIT_OK);
    const templates = readdirSync(templatesDir).sort();
    expect(templates).toEqual(['Школа №1 - zabota-2027.xlsx', 'Школа №2 - zabota-2027.xlsx']);

    const inbox = path.join(dir, 'inbox');
    const filled = await fillTemplate(readFileSync(path.join(templatesDir, templates[0])), validZabotaV2());
    const broken = await fillTemplate(readFileSync(path.join(templatesDir, templates[1])), { ...validZabotaV2(), Z05: 11 });
    mkdirSync(inbox);
    writeFileSync(path.join(inbox, 'school1.xlsx'), filled);
    writeFileSync(path.join(inbox, 'school2.xlsx'), broken);
    writeFileSync(path.join(inbox, '~$school1.xlsx'), 'Excel lock file');

    const checked = await jinaq('import', '--campaign', 'zabota-2027', inbox, '--dry-run');
    expect(checked.code).toBe(EXIT_REJECTED);
    expect(checked.out).toContain('Принято: 1, отклонено: 1, повторов: 0');
    expect(checked.out).toContain('Только проверка (--dry-run): ничего не сохранено.');
    expect(JSON.parse((await jinaq('summary', '--campaign', 'zabota-2027', '--json')).out).reported).toBe(0);

    const result = await jinaq('import', '--campaign', 'zabota-2027', inbox, '--json');
    expect(result.code).toBe(EXIT_REJECTED);
    const outcomes = JSON.parse(result.out);
    expect(outcomes).toHaveLength(2);
    expect(outcomes[0]).toMatchObject({ file: path.join(inbox, 'school1.xlsx'), status: 'accepted', school_bin: schoolFields(1).bin, errors: [] });
    expect(outcomes[1]).toMatchObject({ status: 'rejected', school_bin: schoolFields(2).bin });
    expect(outcomes[1].errors).toEqual([
      { sheet: 'Форма - Нысан', cell: 'D14', code: 'Z05', message: 'Правило Z-R2 не выполнено: Z05 «из них приступили к занятиям» (11) не может быть больше Z04 «Выявлено обучающихся, систематически пропускающих занятия…» (10)' },
    ]);

    const summary = JSON.parse((await jinaq('summary', '--campaign', 'zabota-2027', '--json')).out);
    expect(summary).toMatchObject({ campaign: 'zabota-2027', expected: 2, reported: 1, missing: [schoolFields(2).bin] });
    expect(summary.totals).toMatchObject({ Z01: 500, Z30: 150000.5, 'H01.1': 20, 'H03.8': 30000.25 });

    const exported = path.join(dir, 'out', 'summary.xlsx');
    expect((await jinaq('export', '--campaign', 'zabota-2027', '--out', exported)).code).toBe(EXIT_OK);
    const workbook = await readWorkbook(readFileSync(exported));
    // --lang ru names the console's language and the workbook's: Russian only (`jinaq export --lang kk`: region-workbook.test.ts).
    expect(workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual(['Свод', 'По школам', 'Полнота', 'Исполнение плана']);
  });

  it('answers usage errors with exit code 2 and rejected input with 1', async () => {
    expect((await jinaq('frobnicate')).code).toBe(EXIT_USAGE);
    expect((await jinaq('campaign', 'create', '--kind', 'zabota')).err).toBe('Не указан параметр --year');
    expect((await jinaq('campaign', 'create', '--kind', 'nope', '--year', '2027')).code).toBe(EXIT_USAGE);
    // The same bounds as the app's (the method's input schema): a year the app would refuse is a usage error naming --year.
    expect(await jinaq('campaign', 'create', '--kind', 'zabota', '--year', '2101')).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining('--year') });
    expect(await jinaq('campaign', 'create', '--kind', 'zabota', '--year', '20x7')).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining('20x7') });
    expect((await jinaq('import', '--campaign', 'zabota-2027', '--bogus-flag')).code).toBe(EXIT_USAGE);
    expect((await jinaq('campaign', 'create', '--kind', 'zabota', '--year', '2027')).code).toBe(EXIT_OK);
    const again = await jinaq('campaign', 'create', '--kind', 'zabota', '--year', '2027');
    expect(again).toMatchObject({ code: EXIT_REJECTED, err: 'Кампания «Республиканская акция „Забота“ — 2027» уже создана' });
  });

  it('writes the empty registry whose headers the registry import reads back', async () => {
    const file = path.join(dir, 'empty.xlsx');
    expect((await jinaq('schools', 'template', '--out', file)).code).toBe(EXIT_OK);
    const header = (await readWorkbook(readFileSync(file))).worksheets[0].getRow(1).values as string[];
    expect(header.slice(1, 4)).toEqual(['БИН / БСН', 'Наименование (рус.) / Атауы (орыс.)', 'Наименование (каз.) / Атауы (қаз.)']);
  });
});

describe('jinaq plan', () => {
  async function raw(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([...args, '--db', db], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('creates a НИК campaign with its plan and prints the plan as JSON with structured deadlines and executors', async () => {
    const created = await jinaq('campaign', 'create', '--kind', 'nik', '--year', '2025');
    expect(created).toMatchObject({ code: EXIT_OK, out: 'nik-2025' });
    const plan = JSON.parse((await jinaq('plan', '--campaign', 'nik-2025', '--json')).out);
    expect(plan.items).toHaveLength(19);
    expect(plan.items[0]).toMatchObject({
      number: 1,
      section: { number: 1, title: { ru: 'Организационные мероприятия', kk: 'Ұйымдастыру шаралары' } },
      deadline: { kind: 'until', date: '2025-05-30', text: { ru: 'до 30 мая', kk: '30 мамырға дейін' } },
      executors: [{ org: 'education_department', agreed: false }],
      for_schools: false,
    });
    expect(plan.items[4].deadline).toMatchObject({ kind: 'range', from: '2025-06-01', to: '2025-06-12' });
    expect(plan.items[4].executors.at(-1)).toEqual({ org: 'ngo', agreed: true });
    expect(plan.items[0].title.kk).toMatch(/[әғқңөұүі]/);

    const text = await jinaq('plan', '--campaign', 'nik-2025');
    expect(text.out).toContain('1. Организационные мероприятия');
    expect(text.out).toContain('до 30 мая');
  });

  it('exports the plan in the language asked for, and imports it back', async () => {
    await jinaq('campaign', 'create', '--kind', 'nik', '--year', '2025');
    const file = path.join(dir, 'plan-kk.xlsx');
    const exported = await raw('plan', 'export', '--campaign', 'nik-2025', '--out', file, '--lang', 'kk');
    expect(exported.code).toBe(EXIT_OK);
    const workbook = await readWorkbook(readFileSync(file));
    expect(workbook.worksheets.map((s) => s.name)).toHaveLength(1);
    expect(JSON.stringify(workbook.worksheets[0].getSheetValues())).toContain('БЕКІТЕМІН');

    const both = path.join(dir, 'plan.xlsx');
    expect((await raw('plan', 'export', '--campaign', 'nik-2025', '--out', both)).code).toBe(EXIT_OK);
    expect((await readWorkbook(readFileSync(both))).worksheets.filter((s) => s.state !== 'veryHidden')).toHaveLength(2);
    const imported = await jinaq('plan', 'import', '--campaign', 'nik-2025', both);
    expect(imported).toMatchObject({ code: EXIT_OK, out: 'План загружен: пунктов — 19' });

    expect((await raw('plan', 'export', '--campaign', 'nik-2025', '--out', file, '--lang', 'de')).code).toBe(EXIT_USAGE);
  });

  it('refuses a file that is not a plan, saying why, with exit code 1', async () => {
    await jinaq('campaign', 'create', '--kind', 'nik', '--year', '2025');
    const bad = path.join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a workbook');
    const result = await jinaq('plan', 'import', '--campaign', 'nik-2025', bad);
    expect(result.code).toBe(EXIT_REJECTED);
    expect(result.out.length).toBeGreaterThan(10);
  });
});

describe('jinaq forms', () => {
  it('lists the forms, exports one as JSON and imports it back: already there, then a changed copy added as v3, a broken file refused', async () => {
    const listed = JSON.parse((await jinaq('forms', 'list', '--json')).out);
    expect(listed.map((f: { id: string; version: number; builtIn: boolean }) => [f.id, f.version, f.builtIn])).toEqual([['nik', 1, true], ['zabota', 2, true], ['zabota', 1, true]]);
    expect((await jinaq('forms', 'list')).out).toContain('zabota v1\tРеспубликанская акция «Забота»\t*');

    const file = path.join(dir, 'zabota.jinaq-form.json');
    expect((await jinaq('forms', 'export', '--form', 'zabota', '--version', '1', '--out', file)).code).toBe(EXIT_OK);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'jinaq-form', formatVersion: 1, form: { id: 'zabota', version: 1 } });

    const changed = JSON.parse(readFileSync(file, 'utf8'));
    changed.form.title.ru = 'Акция «Забота» (форма области)';
    const other = path.join(dir, 'region.jinaq-form.json');
    writeFileSync(other, JSON.stringify(changed));
    expect(await jinaq('forms', 'import', file)).toMatchObject({ code: EXIT_OK, out: 'Форма zabota v1 уже есть — ничего не изменено' });
    expect(await jinaq('forms', 'import', other)).toMatchObject({ code: EXIT_OK, out: 'Форма добавлена как zabota v3: такой номер версии уже занят другой формой' });

    writeFileSync(other, '{"format": "jinaq-form", "formatVersion": 1, "form": {"id": "Плохая"}}');
    const refused = await jinaq('forms', 'import', other);
    expect(refused.code).toBe(EXIT_REJECTED);
    expect(refused.err).toContain('Форма не импортирована:');
    expect(refused.err).toContain('Файл не является файлом формы Jinaq: поле «form.version»');
    expect(await jinaq('forms', 'export', '--form', 'zabota', '--version', 'два', '--out', file)).toMatchObject({ code: EXIT_USAGE });
    expect(await jinaq('forms', 'export', '--form', 'zabota', '--version', '1001', '--out', file)).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining('--version') });
  });
});

// The `jinaq` command as a user runs it: a process of its own, its exit code, its stdout and stderr.
describe('jinaq as a process', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const STACK_LINE = /^\s+at .+[:(]/m;

  function run(args: string[], options: { node?: string; uid?: number; env?: Record<string, string> } = {}) {
    const result = spawnSync(options.node ?? process.execPath, [path.join(root, 'bin/jinaq.js'), ...args, '--lang', 'ru'], {
      encoding: 'utf8',
      cwd: dir,
      uid: options.uid,
      gid: options.uid,
      env: { ...process.env, ...options.env },
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  }

  it('refuses a --db that is empty, a folder, or in a folder that does not exist, creating nothing; a new file in a folder that exists starts a district', () => {
    const missing = path.join(dir, 'no-such-folder', 'jinaq.sqlite');
    const refusals = [
      run(['schools', 'list', '--db', '']),
      run(['schools', 'list', '--db', missing]),
      run(['schools', 'list', '--db', dir]),
      run(['schools', 'list'], { env: { JINAQ_DB: '' } }),
    ];
    for (const refusal of refusals) {
      expect(refusal.code).toBe(EXIT_USAGE);
      expect(refusal.err).not.toMatch(STACK_LINE);
    }
    expect(refusals[0].err).toContain('Путь к базе данных пуст');
    expect(refusals[1].err.trim()).toBe(`Папки ${path.dirname(missing)} нет, поэтому базу данных ${missing} открыть нельзя. Проверьте путь в --db (или JINAQ_DB); чтобы начать новую базу, сначала создайте папку.`);
    expect(refusals[2].err).toContain(`${dir} — папка, а не файл базы данных`);
    expect(refusals[3].err).toContain('Путь к базе данных пуст');
    expect(existsSync(path.dirname(missing))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(run(['schools', 'list', '--db', db])).toMatchObject({ code: EXIT_OK, err: '' });
    expect(existsSync(db)).toBe(true);
  });

  it('says in one line what went wrong and where the details are logged, never a stack', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    const result = run(['schools', 'template', '--out', path.join(file, 'sub', 'registry.xlsx'), '--db', db]);
    expect(result.code).toBe(EXIT_UNEXPECTED);
    expect(result.err).not.toMatch(STACK_LINE);
    const log = path.join(dir, ERROR_LOG_NAME);
    expect(result.err.trim()).toMatch(/^Непредвиденная ошибка: ENOTDIR: not a directory, mkdir '.+'\. Подробности записаны в (.+)$/);
    expect(result.err.trim().endsWith(log)).toBe(true);
    expect(readFileSync(log, 'utf8')).toMatch(/jinaq schools template[\s\S]*ENOTDIR[\s\S]*\n\s+at /);
  });

  it('imports the files of a folder one by one: a file too large or unreadable, a folder it cannot list, links in a loop each get a line, the rest go on', () => {
    // Files and folders a user cannot read exist only for a user other than root: as root the command runs as nobody,
    // with a link to this Node outside /root, which nobody cannot enter.
    let node = process.execPath;
    let uid: number | undefined;
    if (process.getuid?.() === 0) {
      uid = 65534;
      node = path.join(dir, 'node');
      linkSync(process.execPath, node);
      chownSync(dir, uid, uid);
    }
    expect(run(['campaign', 'create', '--kind', 'zabota', '--year', '2027', '--db', db], { node, uid }).code).toBe(EXIT_OK);
    const inbox = path.join(dir, 'inbox');
    mkdirSync(path.join(inbox, 'locked'), { recursive: true });
    writeFileSync(path.join(inbox, 'locked', 'inside.xlsx'), 'never read');
    writeFileSync(path.join(inbox, 'a-first.xlsx'), 'not a workbook');
    writeFileSync(path.join(inbox, 'secret.xlsx'), 'not for this user');
    writeFileSync(path.join(inbox, 'z-last.xlsx'), 'not a workbook either');
    writeFileSync(path.join(inbox, 'huge.xlsx'), '');
    truncateSync(path.join(inbox, 'huge.xlsx'), 25 * 1024 * 1024);
    symlinkSync(inbox, path.join(inbox, 'loop'));
    symlinkSync(path.join(inbox, 'self.xlsx'), path.join(inbox, 'self.xlsx'));
    chmodSync(path.join(inbox, 'locked'), 0o000);
    chmodSync(path.join(inbox, 'secret.xlsx'), 0o000);

    const result = run(['import', '--campaign', 'zabota-2027', inbox, '--db', db], { node, uid });
    expect(result.code).toBe(EXIT_REJECTED);
    expect(result.err).not.toMatch(STACK_LINE);
    expect(result.err.trim().split('\n')).toEqual([
      `Файл «${path.join(inbox, 'huge.xlsx')}» слишком большой: 25 МБ при допустимых 20 МБ. Заполненный шаблон обычно намного меньше — возможно, это не тот файл или в него вставлены фотографии. Попросите школу прислать заполненный шаблон без картинок`,
      `Папку ${path.join(inbox, 'locked')} не удалось просмотреть (нет прав на чтение); файлы в ней пропущены, остальные импортируются`,
      `Папка ${path.join(inbox, 'loop')} — ссылка на папку, которая уже просматривается (${inbox}); пропущена, чтобы не ходить по кругу`,
      `Файл ${path.join(inbox, 'secret.xlsx')} не удалось прочитать (нет прав на чтение); он пропущен, остальные импортируются`,
      `Файл ${path.join(inbox, 'self.xlsx')} не удалось прочитать (символическая ссылка ведёт по кругу); он пропущен, остальные импортируются`,
    ]);
    expect(result.out).toContain(`${path.join(inbox, 'a-first.xlsx')}: отклонён`);
    expect(result.out).toContain(`${path.join(inbox, 'z-last.xlsx')}: отклонён`);
    expect(result.out).toContain('Принято: 0, отклонено: 2, повторов: 0');
  });

  it('reads the files one at a time, so a folder far larger than memory allows is imported in bounded memory', () => {
    const inbox = path.join(dir, 'large');
    mkdirSync(inbox);
    const count = 30;
    const bytes = Buffer.alloc(15 * 1024 * 1024, 0x20);
    for (let n = 0; n < count; n++) {
      bytes[0] = n;
      writeFileSync(path.join(inbox, `school-${String(n).padStart(2, '0')}.xlsx`), bytes);
    }
    expect(run(['campaign', 'create', '--kind', 'zabota', '--year', '2027', '--db', db]).code).toBe(EXIT_OK);
    // The peak memory of the process (resident set, in KB), written by Node at exit.
    const peak = "data:text/javascript,process.on('exit',()=>process.stderr.write('peak-kb='+process.resourceUsage().maxRSS))";
    const result = run(['import', '--campaign', 'zabota-2027', inbox, '--dry-run', '--db', db], { env: { NODE_OPTIONS: `--import=${peak}` } });
    expect(result.out).toContain(`Принято: 0, отклонено: ${count}, повторов: 0`);
    const peakMb = Number(/peak-kb=(\d+)/.exec(result.err)?.[1]) / 1024;
    // 30 files of 15 MB are 450 MB together: read all at once they alone would be more; one at a time the whole
    // process (Node, SQLite, the import) peaks near 250 MB.
    expect(peakMb).toBeGreaterThan(0);
    expect(peakMb).toBeLessThan((count * bytes.length) / 2 ** 20);
  });
});
