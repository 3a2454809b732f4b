// The desktop window's security settings, checked without the Electron binary.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isTrustedRendererUrl, WEB_PREFERENCES } from '../../main/electron/policy.ts';

describe('desktop window policy', () => {
  it('isolates the page: context isolation, sandbox, no Node integration, no webview', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('has a CSP that allows only the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('trusts IPC only from pages of the built renderer', () => {
    const rendererDir = path.resolve('/opt/Jinaq/resources/app.asar/dist/renderer');
    const index = pathToFileURL(path.join(rendererDir, 'index.html')).href;
    expect(isTrustedRendererUrl(index, rendererDir)).toBe(true);
    expect(isTrustedRendererUrl(`${index}#/schools`, rendererDir)).toBe(true);
    expect(isTrustedRendererUrl(pathToFileURL('/opt/Jinaq/resources/app.asar/dist/renderer-evil/index.html').href, rendererDir)).toBe(false);
    expect(isTrustedRendererUrl(pathToFileURL('/tmp/downloaded.html').href, rendererDir)).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/', rendererDir)).toBe(false);
    expect(isTrustedRendererUrl(undefined, rendererDir)).toBe(false);
  });
});
