// The desktop window's security (Electron's security checklist), checked without the Electron binary: the
// settings as data, and the lock-down functions run against small stand-ins for WebContents and Session. Also the
// file types the save dialog offers.
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../main/content-policy.ts';
import { saveFiltersFor } from '../../main/electron/save-filters.ts';
import {
  acceptsApiCall, isLocalRequest, isTrustedRendererUrl, lockDownContents, lockDownSession, WEB_PREFERENCES,
  type ContentsLike, type SessionLike,
} from '../../main/electron/policy.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('desktop window policy', () => {
  it('isolates the page: context isolation, sandbox, no Node integration anywhere, no webview, web security on', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false,
    });
    expect(Object.keys(WEB_PREFERENCES)).not.toContain('enableBlinkFeatures');
  });

  it('has a strict CSP that allows only the app itself, and the page carries the same one', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    // The desktop app loads index.html from a file, where no header comes: the <meta> tag is what applies there.
    const page = readFileSync('renderer/index.html', 'utf8');
    expect(/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
  });

  it('denies navigation, redirects, webviews and new windows from any page', () => {
    const contents = new EventEmitter() as EventEmitter & ContentsLike & { openHandler?: (details: { url: string }) => { action: string } };
    contents.setWindowOpenHandler = (handler) => (contents.openHandler = handler);
    lockDownContents(contents);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission, cancels every request to the network, and sends the CSP', () => {
    type Handler<K extends keyof SessionLike> = SessionLike[K] extends (handler: infer H) => void ? H : never;
    type Listener<K extends keyof SessionLike['webRequest']> = SessionLike['webRequest'][K] extends (listener: infer L) => void ? L : never;
    let request: Handler<'setPermissionRequestHandler'> | undefined;
    let check: Handler<'setPermissionCheckHandler'> | undefined;
    let device: Handler<'setDevicePermissionHandler'> | undefined;
    let beforeRequest: Listener<'onBeforeRequest'> | undefined;
    let headersReceived: Listener<'onHeadersReceived'> | undefined;
    lockDownSession({
      setPermissionRequestHandler: (handler) => (request = handler),
      setPermissionCheckHandler: (handler) => (check = handler),
      setDevicePermissionHandler: (handler) => (device = handler),
      webRequest: { onBeforeRequest: (listener) => (beforeRequest = listener), onHeadersReceived: (listener) => (headersReceived = listener) },
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      request!({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
    }
    expect(check!()).toBe(false);
    expect(device!()).toBe(false);
    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      beforeRequest!({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(cancelled('file:///C:/Program%20Files/Jinaq/resources/app.asar/dist/renderer/index.html')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('https://fonts.googleapis.com/css')).toBe(true);
    expect(cancelled('http://127.0.0.1:5178/api/schools.list')).toBe(true);
    expect(cancelled('ws://example.com/')).toBe(true);
    let headers: Record<string, unknown> = {};
    headersReceived!({ responseHeaders: {} }, (response) => (headers = response.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(isLocalRequest('not a url')).toBe(false);
  });

  it('answers IPC only from pages of the built renderer, with a method name as a string', () => {
    const rendererDir = path.resolve('/opt/Jinaq/resources/app.asar/dist/renderer');
    const index = pathToFileURL(path.join(rendererDir, 'index.html')).href;
    expect(isTrustedRendererUrl(index, rendererDir)).toBe(true);
    expect(isTrustedRendererUrl(`${index}#/schools`, rendererDir)).toBe(true);
    expect(isTrustedRendererUrl(pathToFileURL('/opt/Jinaq/resources/app.asar/dist/renderer-evil/index.html').href, rendererDir)).toBe(false);
    expect(isTrustedRendererUrl(pathToFileURL('/tmp/downloaded.html').href, rendererDir)).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/', rendererDir)).toBe(false);
    expect(isTrustedRendererUrl(undefined, rendererDir)).toBe(false);
    expect(acceptsApiCall(index, rendererDir, 'schools.list')).toBe(true);
    expect(acceptsApiCall(index, rendererDir, { toString: () => 'schools.list' })).toBe(false);
    expect(acceptsApiCall('https://example.com/', rendererDir, 'schools.list')).toBe(false);
  });

  // That only main/electron imports electron is the compiler's word (test/unit/layers.test.ts).
  it('opens nothing outside the app: no shell.openExternal, no remote module', () => {
    for (const file of [...sourceFiles('main'), ...sourceFiles('shared'), ...sourceFiles('renderer/src')]) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/openExternal|@electron\/remote|enableBlinkFeatures|allowpopups/);
    }
    // The page's only door to the main process is one invoke function over one channel.
    const preload = readFileSync('main/electron/preload.ts', 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/invoke: \(name: string, input: unknown\) => ipcRenderer\.invoke\('jinaq:api', name, input\)/);
  });
});

describe('the desktop save dialog', () => {
  it.each([
    ['jinaq-backup-2026-11-22-093000.sqlite', 'SQLite', 'sqlite'],
    ['Свод_Забота_2027.xlsx', 'Excel', 'xlsx'],
    ['zabota-v2.json', 'JSON', 'json'],
    ['Шаблоны.ZIP', 'ZIP', 'zip'],
    ['notes.txt', 'txt', 'txt'],
  ])('offers only the type of %s', (name, typeName, extension) => {
    expect(saveFiltersFor(name)).toEqual([{ name: typeName, extensions: [extension] }]);
  });

  it('offers no filter for a name without an extension', () => {
    expect(saveFiltersFor('README')).toEqual([]);
  });
});
