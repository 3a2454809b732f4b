// Helpers for the end-to-end tests: a real server per spec file (per worker, when its tests run in parallel), valid БИНs,
// workbooks written as people would.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { expect, test, type ConsoleMessage, type Download, type Locator, type Page } from '@playwright/test';
import { binCheckDigit } from '../../shared/bin.ts';
import type { School } from '../../shared/domain.ts';
import { schoolHeaderCells } from '../helpers/edit.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface Server {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** `node main/web.ts --port 0` on a fresh database in a temporary folder; resolves with the URL it prints. */
export async function startServer(): Promise<Server> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinaq-e2e-'));
  const token = randomBytes(16).toString('hex');
  const child: ChildProcess = spawn(
    process.execPath,
    ['main/web.ts', '--port', '0', '--db', path.join(dir, 'e2e.sqlite'), '--token', token],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid БИН from its first 11 digits (YYMM, kind 4–6, attribute 0–3, serial), e.g. '04054000123'. */
export function validBin(first11: string): string {
  if (!/^\d{2}(0[1-9]|1[0-2])[456][0-3]\d{5}$/.test(first11)) throw new Error(`not a БИН prefix: ${first11}`);
  const check = binCheckDigit(first11);
  if (check === null) throw new Error(`no check digit exists for ${first11}`);
  return first11 + String(check);
}

/** The first few valid БИНs after a prefix: serial numbers counted up until enough have a check digit. */
export function validBins(prefix7: string, count: number): string[] {
  const bins: string[] = [];
  for (let serial = 1; bins.length < count; serial++) {
    const first11 = prefix7 + String(serial).padStart(4, '0');
    if (binCheckDigit(first11) !== null) bins.push(validBin(first11));
  }
  return bins;
}

/** Opens the app at the server's URL (the token travels in the hash) with the language set. */
export async function openApp(page: Page, server: Server, language: 'ru' | 'kk' | 'en' = 'ru'): Promise<void> {
  await page.addInitScript((lng) => {
    if (!localStorage.getItem('jinaq.language')) localStorage.setItem('jinaq.language', lng);
  }, language);
  await page.goto(server.url);
}

/** From any screen: the campaigns list, the first campaign in it, then its tab (`tab-${tab}`). */
export async function goToCampaignTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-open').first().click();
  await page.getByTestId(`tab-${tab}`).click();
}

/** Opens the app in the language and goes to the first campaign's tab. */
export async function openCampaignTab(page: Page, server: Server, tab: string, language: 'ru' | 'kk' | 'en' = 'ru'): Promise<void> {
  await openApp(page, server, language);
  await goToCampaignTab(page, tab);
}

export async function downloadBytes(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFileSync(file);
}

export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A registry workbook as a district would keep it: Russian headers, one school a row. */
export async function registryWorkbook(rows: Array<Record<string, string>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Школы');
  const headers = ['БИН', 'Наименование (рус.)', 'Наименование (каз.)', 'Краткое наименование', 'Тип', 'Населённый пункт', 'Директор', 'Телефон', 'Email', 'Язык обучения'];
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? ''));
  return xlsxBuffer(workbook);
}

/** Fills a school's template as the school would: each row code's value cell, each grid cell by row code and графа. */
export { fillTemplate } from '../helpers/workbooks.ts';

/** Types a school's name and БИН into a template's header, beside their labels, as a school does on a blank template. */
export function writeSchoolHeader(sheet: ExcelJS.Worksheet, name: string, bin: string): void {
  const cells = schoolHeaderCells(sheet);
  cells.name.value = name;
  cells.bin.value = bin;
}

/** A «Забота» (version 2) report that passes every rule: the values a school would fill into its template. */
export const ZABOTA_VALID: Readonly<Record<string, number>> = {
  Z01: 500, Z02: 4, Z03: 3, Z04: 10, Z05: 8, Z06: 5, Z07: 12, Z30: 150000, Z31: 100000, Z32: 50000, Z33: 0, Z34: 2,
  'H01.1': 20, 'H01.2': 10, 'H01.4': 10, 'H01.8': 150000, 'H02.1': 6, 'H02.2': 6, 'H03.1': 4, 'H03.4': 4,
};
/** A «Забота» version 1 report that passes every rule, for campaigns that still collect version 1. */
export const ZABOTA_V1_VALID: Readonly<Record<string, number>> = {
  Z01: 500, Z02: 4, Z03: 3, Z04: 10, Z05: 8, Z06: 5, Z07: 12, Z10: 20, Z11: 6, Z12: 4,
  Z20: 10, Z22: 10, Z30: 150000, Z31: 100000, Z32: 50000, Z33: 0, Z34: 2,
};
/** The same report with Z03 > Z02, which breaks rule Z-R1: the file is rejected. */
export const ZABOTA_BREAKS_Z_R1: Readonly<Record<string, number>> = { ...ZABOTA_VALID, Z01: 300, Z03: 6 };

/**
 * An option of the open select list, by its text. Ant Design draws the list virtually: the options a user sees carry
 * no role (only a hidden copy of three of them does), so this one place finds them by their class.
 */
export function dropdownOption(page: Page, text: string): Locator {
  return page.locator('.ant-select-item-option', { hasText: text });
}

/** Chooses an option of the open select list by its text, once the list has slid in: a click while it moves can be lost. */
export async function chooseOption(page: Page, text: string): Promise<void> {
  const option = dropdownOption(page, text);
  await option.evaluate((element) => {
    const list = element.closest('.ant-select-dropdown') ?? element;
    return Promise.all(list.getAnimations({ subtree: true }).map((animation) => animation.finished.catch(() => undefined)));
  });
  await option.click();
}

/** A table's rows of data: rows with cells, not the header row. */
export function dataRows(table: Locator): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('cell') });
}

/** The error a form shows at a field, once the field is marked invalid: the first element its aria-describedby names. */
export async function fieldError(field: Locator): Promise<Locator> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const [id] = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
  if (!id) throw new Error('the invalid field names no message');
  return field.page().locator(`[id="${id}"]`);
}

/** Calls the running server's API directly, for setting the scene faster than the UI would. */
export async function api<T>(server: Server, name: string, input: unknown): Promise<T> {
  const url = new URL(server.url);
  const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? '';
  const response = await fetch(new URL(`/api/${name}`, url.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Jinaq-Token': token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A campaign's templates as exports.templates makes them (one ZIP), unpacked: file name → workbook bytes. */
export async function schoolTemplates(server: Server, campaignId: string): Promise<Record<string, Uint8Array>> {
  const saved = await api<{ kind: string; file: { name: string; base64: string } }>(server, 'exports.templates', { campaignId });
  return unzipSync(new Uint8Array(Buffer.from(saved.file.base64, 'base64')));
}

/** The template among `files` whose name starts with the school's short name (files are named after it). */
export function templateOf(files: Record<string, Uint8Array>, shortName: string): Uint8Array {
  const name = Object.keys(files).find((file) => file.startsWith(shortName));
  if (!name) throw new Error(`no template for ${shortName} among ${Object.keys(files).join(', ')}`);
  return files[name];
}

/** One school's template of a campaign, by the school's short name. */
export async function schoolTemplate(server: Server, campaignId: string, shortName: string): Promise<Uint8Array> {
  return templateOf(await schoolTemplates(server, campaignId), shortName);
}

/** The page's console errors and warnings and the errors thrown in it, from now on: the list fills as they come. */
export function collectConsoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** Fails every test of the spec that logs a console error or warning, or throws in the page. */
export function failOnConsoleProblems(): void {
  let problems: string[] = [];
  test.beforeEach(({ page }) => {
    problems = collectConsoleProblems(page);
  });
  test.afterEach(() => {
    expect(problems).toEqual([]);
  });
}

/**
 * Adds schools to the registry through the API: the Russian short name (and the Kazakh name when given), one БИН each.
 * Resolves with the schools as created, in the order of `bins`.
 */
export async function addSchools(server: Server, bins: string[], names: Array<string | { ru: string; kk: string }>): Promise<School[]> {
  const schools: School[] = [];
  for (const [index, bin] of bins.entries()) {
    const name = names[index];
    const [ru, kk] = typeof name === 'string' ? [name, ''] : [name.ru, name.kk];
    schools.push(await api<School>(server, 'schools.create', {
      bin, shortName: ru, nameRu: ru, nameKk: kk, type: 'general', locality: '', director: '', phone: '', email: '', language: 'kk',
    }));
  }
  return schools;
}

/** The hand entry window of the campaign's import tab, opened for a school. */
export async function openManualEntry(page: Page, school: string): Promise<Locator> {
  await page.getByTestId('manual-entry').click();
  const modal = page.getByTestId('manual-entry-modal');
  await modal.getByTestId('manual-school').click();
  await chooseOption(page, school);
  return modal;
}
