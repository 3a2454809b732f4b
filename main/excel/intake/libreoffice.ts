// Converting what exceljs cannot read (Excel 97–2003 .xls, LibreOffice .ods) to .xlsx with LibreOffice, when the
// district's PC has it: `soffice --headless --convert-to xlsx` in a temporary folder, with its own throw-away
// profile (so a LibreOffice window the user has open is not disturbed and does not swallow the job), a time limit,
// and the folder removed afterwards whatever happens.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A first start of LibreOffice on a slow school PC, profile creation included, can take half a minute. */
export const CONVERSION_TIMEOUT_MS = 90_000;

const WINDOWS_LOCATIONS = [
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];
const UNIX_LOCATIONS = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'];

const isFile = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * Where LibreOffice's `soffice` is, or null when it is not installed. JINAQ_SOFFICE, when set, decides alone
 * (a path that does not exist means "no LibreOffice"); then PATH; then the usual install locations.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const chosen = env.JINAQ_SOFFICE;
  if (chosen !== undefined && chosen !== '') return isFile(chosen) ? chosen : null;
  const windows = platform === 'win32';
  const names = windows ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  const dirs = (env.PATH ?? env.Path ?? '').split(windows ? ';' : ':').filter(Boolean);
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
  }
  const programFiles = [env.ProgramFiles, env['ProgramFiles(x86)']]
    .filter((dir): dir is string => Boolean(dir))
    .map((dir) => path.win32.join(dir, 'LibreOffice', 'program', 'soffice.exe'));
  const locations = windows ? [...programFiles, ...WINDOWS_LOCATIONS] : UNIX_LOCATIONS;
  return locations.find((file) => existsSync(file) && isFile(file)) ?? null;
}

/** Runs soffice and resolves true when it exited 0 in time; on time-out kills it and everything it started. */
function run(soffice: string, args: string[], timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const windows = process.platform === 'win32';
    // Its own process group on Unix, so the soffice.bin it starts dies with it on a time-out.
    const child = spawn(soffice, args, { stdio: 'ignore', windowsHide: true, detached: !windows });
    const timer = setTimeout(() => {
      try {
        if (windows && child.pid) spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
        else if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve(false);
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

/** The file converted to .xlsx by LibreOffice, or null when it could not be (damaged, password, time-out). */
export async function convertToXlsx(soffice: string, bytes: Uint8Array, extension: 'xls' | 'ods', timeoutMs = CONVERSION_TIMEOUT_MS): Promise<Uint8Array | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jinaq-convert-'));
  try {
    // A neutral name: the school's file name may hold anything, and LibreOffice names its output after the input.
    const input = path.join(dir, `report.${extension}`);
    const outDir = path.join(dir, 'out');
    await writeFile(input, bytes);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--convert-to', 'xlsx', '--outdir', outDir, input];
    if (!(await run(soffice, args, timeoutMs))) return null;
    try {
      return new Uint8Array(await readFile(path.join(outDir, 'report.xlsx')));
    } catch {
      return null; // LibreOffice exits 0 even when it could not load the file
    }
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  }
}
