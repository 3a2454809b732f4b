// The database file under hostile conditions, on real files and real processes: a second Jinaq on the same
// database, a killed Jinaq, a read-only file or folder, a disk that fills up in the middle of an import.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import { createApiContext, dispatch } from '../../main/api.ts';
import { openDatabase } from '../../main/db/open.ts';
import type { AppError } from '../../main/errors.ts';
import { DatabaseSession } from '../../main/db/session.ts';
import { browserPlatform } from '../../main/platform.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { createSchool, listSchools } from '../../main/services/schools.ts';
import { startWebServer } from '../../main/web.ts';
import { tempDir } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillTemplate, validZabota } from '../helpers/workbooks.ts';

const JINAQ = path.resolve('bin/jinaq.js');
let folder: ReturnType<typeof tempDir>;
let file: string;

beforeEach(() => {
  folder = tempDir('jinaq-storage-');
  file = path.join(folder.dir, 'jinaq.sqlite');
});
afterEach(() => folder.remove());

function cli(args: string[]): { status: number | null; stderr: string } {
  try {
    execFileSync(process.execPath, [JINAQ, ...args, '--db', file, '--lang', 'ru'], { stdio: 'pipe' });
    return { status: 0, stderr: '' };
  } catch (error) {
    const failed = error as { status: number | null; stderr: Buffer };
    return { status: failed.status, stderr: failed.stderr.toString('utf8') };
  }
}

describe('one Jinaq per database', () => {
  it('refuses a second opening of a database in use — in this process, by the CLI, by browser mode — with a clear message', async () => {
    const first = await openDatabase(file);
    try {
      await expect(openDatabase(file)).rejects.toMatchObject({ code: 'conflict', key: 'db.inUse', params: { file } });
      const second = cli(['schools', 'list']);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`База данных ${file} уже открыта другой программой Jinaq`);
      await expect(startWebServer({ dbFile: file, port: 0 })).rejects.toMatchObject({ key: 'db.inUse' });
    } finally {
      await first.close();
    }
    // Once the first one closes, the database opens as usual.
    const again = await openDatabase(file);
    await again.close();
  });

  it('lets the database open again after the process holding it was killed', async () => {
    const holder = spawn(process.execPath, ['--input-type=module', '-e', `
      const { openDatabase } = await import(${JSON.stringify(path.resolve('main/db/open.ts'))});
      await openDatabase(${JSON.stringify(file)});
      console.log('open');
      setInterval(() => {}, 1000);
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    await expect(openDatabase(file)).rejects.toMatchObject({ key: 'db.inUse' });
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const after = await openDatabase(file);
    expect(after.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await after.close();
  });
});

/**
 * Makes `target` read-only for this process the way an office PC can: chmod for a normal user; for root (as in CI),
 * whom chmod does not stop, the immutable attribute. Returns a function that undoes it, or null when neither works.
 */
function makeReadOnly(target: string, mode: number): (() => void) | null {
  if (process.getuid?.() !== 0) {
    chmodSync(target, mode);
    return () => chmodSync(target, 0o755);
  }
  try {
    execFileSync('chattr', ['+i', target], { stdio: 'pipe' });
    return () => execFileSync('chattr', ['-i', target], { stdio: 'pipe' });
  } catch {
    return null;
  }
}

describe('a database that cannot be written', () => {
  for (const what of ['file', 'folder'] as const) {
    it(`names a read-only ${what} as such and changes nothing`, async (context) => {
      const database = await openDatabase(file);
      await createSchool(database.db, schoolFields(1));
      await database.close();
      const before = readFileSync(file);
      const undo = makeReadOnly(what === 'file' ? file : folder.dir, what === 'file' ? 0o444 : 0o555);
      if (!undo) context.skip('neither chmod (we are root) nor chattr +i (the file system does not support it) can make a file read-only here');
      try {
        const error = await openDatabase(file).then(() => null, (e: unknown) => e);
        expect(error).toMatchObject({ code: 'storage', key: 'db.readOnly', params: { file } });
        const { key, params } = error as AppError;
        expect(formatMessage(tFor('kk'), { key, params })).toContain('тек оқуға арналған');
      } finally {
        undo!();
      }
      expect(readFileSync(file).equals(before)).toBe(true);
    });
  }

  it('reports a full disk in the middle of an import as such: nothing half-stored, and the next try after space is freed works', async () => {
    const session = await DatabaseSession.open(file);
    try {
      const ctx = createApiContext(session, browserPlatform);
      for (let n = 1; n <= 3; n++) await createSchool(session.db, schoolFields(n));
      await zabotaV1Campaign(session.db, 2027);
      const { files } = await buildTemplates(session.db, 'zabota-2027');
      const filled = await Promise.all(files.map(async (f, i) => ({ name: f.name, base64: (await fillTemplate(f.bytes, validZabota(i + 1))).toString('base64') })));
      const first = await dispatch(ctx, 'reports.import', { campaignId: 'zabota-2027', files: [filled[0]] });
      expect(first.ok).toBe(true);

      // SQLite answers SQLITE_FULL when its file cannot grow — the same code a full disk gives.
      const raw = session.raw;
      const pages = raw.pragma('page_count', { simple: true }) as number;
      raw.pragma(`max_page_count = ${pages}`);
      const counts = () => raw.prepare("SELECT (SELECT count(*) FROM imports) || '/' || (SELECT count(*) FROM files) || '/' || (SELECT count(*) FROM reports)").pluck().get();
      const before = counts();
      const full = await dispatch(ctx, 'reports.import', { campaignId: 'zabota-2027', files: [filled[1]] });
      expect(full).toMatchObject({ ok: false, error: { code: 'storage', message: { key: 'db.full', params: { file } } } });
      expect(counts()).toBe(before);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');

      raw.pragma('max_page_count = 1073741823');
      const retried = await dispatch(ctx, 'reports.import', { campaignId: 'zabota-2027', files: [filled[1], filled[2]] });
      expect(retried).toMatchObject({ ok: true, value: [{ status: 'accepted' }, { status: 'accepted' }] });
      expect((await listSchools(session.db)).length).toBe(3);
    } finally {
      await session.close();
    }
  });

});
