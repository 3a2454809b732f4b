// What starting Jinaq loads: the command line and the app's handler table load no library of the screens (antd,
// its icons, React, recharts) and no writer of workbooks (exceljs) until a command writes one; an import reads files
// without exceljs. Every module each entry point resolves is listed by a resolve hook in a fresh process.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SCREEN_LIBRARIES = ['antd', '@ant-design/', 'react', 'react-dom', 'recharts', '@tanstack/'];

/** The npm packages a fresh Node process resolves while running `script`. */
function packagesLoadedBy(script: string): string[] {
  const probe = `
    import { registerHooks } from 'node:module';
    const seen = new Set();
    registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); seen.add(result.url); return result; } });
    ${script}
    const names = [...seen].filter((url) => url.includes('/node_modules/')).map((url) => {
      const parts = url.split('/node_modules/').at(-1).split('/');
      return parts[0].startsWith('@') ? parts[0] + '/' + parts[1] : parts[0];
    });
    console.log(JSON.stringify([...new Set(names)].sort()));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: REPO, encoding: 'utf8', env: { ...process.env, JINAQ_LANG: 'ru' } });
  return JSON.parse(output.trim().split('\n').at(-1)!) as string[];
}

const isScreenLibrary = (name: string) => SCREEN_LIBRARIES.some((library) => (library.endsWith('/') ? name.startsWith(library) : name === library));

describe('starting Jinaq loads only what the command needs', () => {
  it('`jinaq --help` loads neither exceljs nor a library of the screens', () => {
    const loaded = packagesLoadedBy(`const { runCli } = await import('./main/cli.ts'); await runCli(['--help'], { out() {}, err() {} });`);
    expect(loaded.filter((name) => name === 'exceljs' || isScreenLibrary(name))).toEqual([]);
  });

  it('the app’s handler table and browser mode load neither exceljs nor a library of the screens', () => {
    const loaded = packagesLoadedBy(`await import('./main/api.ts'); await import('./main/web.ts');`);
    expect(loaded.filter((name) => name === 'exceljs' || isScreenLibrary(name))).toEqual([]);
  });

  it('the command line and an import load no input schemas (zod): only a command that checks its options does', () => {
    const loaded = packagesLoadedBy(`const { runCli } = await import('./main/cli.ts'); await runCli(['--help'], { out() {}, err() {} }); await import('./main/services/imports.ts'); await import('./main/db/session.ts');`);
    expect(loaded).not.toContain('zod');
    expect(loaded).toContain('kysely');
  });

  it('writing a workbook is what loads exceljs', () => {
    const loaded = packagesLoadedBy(`const { buildRegistryTemplate } = await import('./main/services/exports.ts'); await buildRegistryTemplate();`);
    expect(loaded).toContain('exceljs');
  });
});
