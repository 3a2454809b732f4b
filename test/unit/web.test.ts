// Browser mode's guard: 127.0.0.1 only, the per-run token on every API call, the Host header checked.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName } from '../../main/db/backup.ts';
import { openDatabase } from '../../main/db/open.ts';
import { ERROR_LOG_NAME } from '../../main/error-log.ts';
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
    // Kept files make a real district's database this large; one kept file does it here.
    database.raw.prepare("INSERT INTO files (sha256, size, bytes) VALUES ('ballast', ?, randomblob(?))").run(60 * 1024 * 1024, 60 * 1024 * 1024);
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

/** Sends a request line as written, byte for byte (fetch and http.request would escape it), and returns the status. */
function rawStatus(target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe('browser mode never dies of a request', () => {
  it('answers malformed and absurd URLs with 400 or the app, and keeps serving', async () => {
    expect(await rawStatus('/%')).toBe(400);
    expect(await rawStatus('/%E0%A4%A')).toBe(400);
    expect(await rawStatus('/api/%')).toBe(400);
    expect(await rawStatus('/%C0%AF')).toBe(400);
    expect(await rawStatus(`/${'a/'.repeat(4000)}`)).toBe(200);
    expect(await rawStatus('/%00')).toBe(200);
    expect(await rawStatus('/../../../../etc/passwd')).toBe(200);
    expect(await rawStatus('//evil.example/x')).toBe(200);
    expect((await post('/api/schools.list', {}, { 'X-Jinaq-Token': running.token })).status).toBe(200);
  });

  it('logs a handler\'s unexpected error to the log beside the database, tells the browser only its message, and goes on', async () => {
    // A daily copy in the backup folder replaced by a link to where it no longer is: listing the copies fails.
    const listed = JSON.parse((await post('/api/backups.list', {}, { 'X-Jinaq-Token': running.token })).body);
    const folder: string = listed.value.folder;
    mkdirSync(folder, { recursive: true });
    symlinkSync(path.join(dir, 'moved-away.sqlite'), path.join(folder, backupFileName('daily', new Date(2020, 0, 1))));
    const response = await post('/api/backups.list', {}, { 'X-Jinaq-Token': running.token });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(response.body).not.toMatch(/\bat .*\.ts:\d+/);
    const log = readFileSync(path.join(dir, ERROR_LOG_NAME), 'utf8');
    expect(log).toContain('POST /api/backups.list');
    expect(log).toMatch(/ENOENT[\s\S]*\bat .*backup\.ts:\d+/);
    expect((await post('/api/schools.list', {}, { 'X-Jinaq-Token': running.token })).status).toBe(200);
  });

  it('answers 500 when the renderer cannot be read, logs why, and keeps serving', async () => {
    const renderer = path.join(dir, 'broken-renderer');
    mkdirSync(path.join(renderer, 'index.html'), { recursive: true });
    const broken = await startWebServer({ dbFile: path.join(dir, 'broken', 'web.sqlite'), port: 0, rendererDir: renderer, dailyBackup: false });
    try {
      const base = new URL(broken.url).origin;
      expect((await fetch(`${base}/`)).status).toBe(500);
      expect((await fetch(`${base}/anything`)).status).toBe(500);
      expect(readFileSync(path.join(dir, 'broken', ERROR_LOG_NAME), 'utf8')).toContain('EISDIR');
    } finally {
      await broken.close();
    }
  });
});

describe('request bodies held at once are bounded in total', () => {
  let small: RunningWebServer;
  let smallPort: number;
  beforeEach(async () => {
    small = await startWebServer({ dbFile: path.join(dir, 'budget', 'web.sqlite'), port: 0, rendererDir: path.join(dir, 'renderer'), dailyBackup: false, bodyBudget: 5 * 1024 * 1024 });
    smallPort = Number(new URL(small.url).port);
  });
  afterEach(() => small.close());

  /** A call whose 2 MB body (valid JSON, padded) is sent up to its last byte, which `finish` sends. */
  function heldCall(): { answer: Promise<{ status: number; body: string }>; finish(): void } {
    const body = Buffer.from(`{"includeClosed":false}${' '.repeat(2 * 1024 * 1024)}`);
    let req!: ClientRequest;
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req = request(
        { host: '127.0.0.1', port: smallPort, path: '/api/schools.list', method: 'POST', headers: { 'Content-Length': body.length, 'X-Jinaq-Token': small.token } },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
    });
    req.write(body.subarray(0, body.length - 1));
    return { answer, finish: () => req.end(body.subarray(body.length - 1)) };
  }

  it('refuses the calls beyond the budget with 503 and a clear error, serves the rest, and answers afterwards', async () => {
    const calls = Array.from({ length: 8 }, heldCall);
    const outcomes = calls.map((call, i) => call.answer.then((answer) => ({ i, answer })));
    // The budget (5 MB) holds two of the eight 2 MB bodies: the other six are answered while those two still wait.
    const refused: { i: number; answer: { status: number; body: string } }[] = [];
    while (refused.length < 6) refused.push(await Promise.race(outcomes.filter((_, i) => !refused.some((r) => r.i === i))));
    for (const { answer } of refused) {
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'conflict', message: { key: 'api.busy', params: {} } } });
    }
    for (const call of calls) call.finish();
    const served = await Promise.all(calls.filter((_, i) => !refused.some((r) => r.i === i)).map((call) => call.answer));
    expect(served.map((answer) => answer.status)).toEqual([200, 200]);
    // Every byte given back: three more bodies, one after another, all served.
    for (let n = 0; n < 3; n++) {
      const call = heldCall();
      call.finish();
      expect((await call.answer).status).toBe(200);
    }
    expect(existsSync(path.join(dir, 'budget', ERROR_LOG_NAME))).toBe(false);
  });
});
