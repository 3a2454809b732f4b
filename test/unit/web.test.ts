// Browser mode's guard: 127.0.0.1 only, the per-run token on every API call, the Host header checked.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open.ts';
import { startWebServer, type RunningWebServer } from '../../main/web.ts';
import { tempDir } from '../helpers/db.ts';

let running: RunningWebServer;
let remove: () => void;
let dir: string;
let port: number;

beforeEach(async () => {
  const temp = tempDir();
  remove = temp.remove;
  dir = temp.dir;
  const rendererDir = path.join(temp.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Jinaq</title>');
  running = await startWebServer({ dbFile: path.join(temp.dir, 'web.sqlite'), port: 0, rendererDir });
  port = Number(new URL(running.url).port);
});
afterEach(async () => {
  await running.close();
  remove();
});

function post(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('browser mode server', () => {
  it('listens on 127.0.0.1 and prints a URL that carries the token', () => {
    expect(running.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(running.url).toBe(`http://127.0.0.1:${port}/#token=${running.token}`);
    expect(running.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await post('/api/schools.list', {})).status).toBe(403);
    expect((await post('/api/schools.list', {}, { 'X-Jinaq-Token': 'x'.repeat(running.token.length) })).status).toBe(403);
  });

  it('answers with the token through the same dispatch as the desktop app', async () => {
    const ok = await post('/api/schools.list', {}, { 'X-Jinaq-Token': running.token });
    expect(ok).toEqual({ status: 200, body: JSON.stringify({ ok: true, value: [] }) });
    const invalid = JSON.parse((await post('/api/campaigns.create', { kind: 'zabota', year: 'x' }, { 'X-Jinaq-Token': running.token })).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('takes a database copy far larger than a school\'s file for a restore (60 MB, 80 MB as base64)', async () => {
    const copy = path.join(dir, 'large-copy.sqlite');
    const database = await openDatabase(copy);
    // Kept files make a real district's database this large; one blob does it here.
    database.raw.prepare('CREATE TABLE ballast (bytes BLOB)').run();
    database.raw.prepare('INSERT INTO ballast VALUES (randomblob(?))').run(60 * 1024 * 1024);
    await database.close();
    const file = { name: 'large-copy.sqlite', base64: readFileSync(copy).toString('base64') };
    const response = await post('/api/backups.restoreFile', { file }, { 'X-Jinaq-Token': running.token });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { schools: 0, keptAs: expect.stringMatching(/^jinaq-before-restore-/) } });
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const response = await post('/api/schools.list', {}, { 'X-Jinaq-Token': running.token, Host: `evil.example:${port}` });
    expect(response.status).toBe(421);
  });

  it('serves the renderer with a Content-Security-Policy', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('<title>Jinaq</title>');
  });
});
