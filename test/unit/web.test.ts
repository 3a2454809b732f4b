// Browser mode's guard: 127.0.0.1 only, the per-run token on every API call, the Host header checked.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from '../../main/web.ts';
import { tempDir } from '../helpers/db.ts';

let running: RunningWebServer;
let remove: () => void;
let port: number;

beforeEach(async () => {
  const temp = tempDir();
  remove = temp.remove;
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
