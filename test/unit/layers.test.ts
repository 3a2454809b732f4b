// The layers are the compiler's word: each environment's tsconfig.json (shared/, renderer/, main/, main/electron/)
// makes an import across a forbidden line, or a global of another environment, a compile error. Proved on the real
// configs: a temporary project extends one of them (its files and options) plus one-line probe files, and the real
// `tsc -b` must fail on every forbidden line and pass the allowed ones.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
// Inside the repository (and git-ignored) so that node_modules resolves as it does for the real projects.
const scratch = path.join(root, '.tsbuild');
mkdirSync(scratch, { recursive: true });
const work = mkdtempSync(path.join(scratch, 'layers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Environment = 'shared' | 'renderer' | 'main' | 'main/electron';

/** A line that imports (all of) a repository file, or a module by name. */
const importOf = (target: string) => (probeDir: string) => {
  const specifier = target.includes('/') && target.endsWith('.ts') ? relativeSpecifier(probeDir, target) : target;
  return `import * as target from '${specifier}'; export const probe = target;`;
};
const line = (text: string) => () => text;

function relativeSpecifier(fromDir: string, repoFile: string): string {
  const relative = path.relative(fromDir, path.join(root, repoFile)).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

// Each line with the error codes it must raise: TS6307 a file of a project this one does not reference (Electron
// included: tsconfig.base.json maps 'electron' to a file of main/electron's project), TS2591 a Node module or global
// without Node's types, TS2304/TS2584 a DOM global without the DOM library. tsc reports a file outside the project
// once, at its first import: no two lines of one environment import the same file.
const FORBIDDEN: Record<Environment, Array<[string, (dir: string) => string, string[]]>> = {
  shared: [
    ['imports main', importOf('main/errors.ts'), ['TS6307']],
    ['imports the renderer', importOf('renderer/api.ts'), ['TS6307']],
    ['imports a Node module', importOf('node:fs'), ['TS2591']],
    ['imports Electron', importOf('electron'), ['TS6307']],
    ['uses a Node global', line('export const probe = Buffer.from("x");'), ['TS2591']],
    ['uses a DOM global', line('export const probe = window.location.href;'), ['TS2304']],
  ],
  renderer: [
    ['imports main', importOf('main/errors.ts'), ['TS6307']],
    ['imports main/electron', importOf('main/electron/save-filters.ts'), ['TS6307']],
    ['imports a Node module', importOf('node:path'), ['TS2591']],
    ['imports Electron', importOf('electron'), ['TS6307']],
    ['uses a Node global', line('export const probe = process.env;'), ['TS2591']],
  ],
  main: [
    ['imports the renderer', importOf('renderer/api.ts'), ['TS6307']],
    ['imports main/electron', importOf('main/electron/save-filters.ts'), ['TS6307']],
    // The bare form: it has no names to miss, only the project's file list stops it.
    ['imports Electron', line(`import 'electron';`), ['TS6307']],
    ['uses a DOM global', line('export const probe = document.title;'), ['TS2584']],
    ['uses window', line('export const probe = window;'), ['TS2304']],
  ],
  'main/electron': [
    ['imports the renderer', importOf('renderer/api.ts'), ['TS6307']],
    ['uses a DOM global', line('export const probe = document.title;'), ['TS2584']],
  ],
};

// The same kind of line, allowed: without these compiling clean, the errors above would prove nothing.
const ALLOWED: Record<Environment, Array<[string, (dir: string) => string]>> = {
  shared: [['imports shared', importOf('shared/format.ts')], ['uses the language', line('export const probe = [1, 2].at(-1);')]],
  renderer: [['imports shared', importOf('shared/format.ts')], ['uses the DOM', line('export const probe = document.title;')]],
  main: [
    ['imports shared', importOf('shared/format.ts')],
    ['imports main', importOf('main/errors.ts')],
    ['imports a Node module', importOf('node:fs')],
    ['uses a Node global', line('export const probe = Buffer.from("x");')],
  ],
  'main/electron': [
    ['imports main', importOf('main/errors.ts')],
    ['imports shared', importOf('shared/format.ts')],
    ['imports Electron', importOf('electron')],
    ['imports a Node module', importOf('node:fs')],
  ],
};

/** The real project's references, from its tsconfig.json (line comments allowed), as absolute paths. */
function referencesOf(configFile: string): Array<{ path: string }> {
  const config = JSON.parse(readFileSync(configFile, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { references?: Array<{ path: string }> };
  return (config.references ?? []).map((reference) => ({ path: path.resolve(path.dirname(configFile), reference.path) }));
}

/** Builds the environment's real project plus the probe files with `tsc -b`: the error codes of each probe file. */
function compileProbes(environment: Environment, probes: Array<(dir: string) => string>): { errors: Map<number, string[]>; output: string } {
  const dir = path.join(work, environment.replace('/', '-'));
  mkdirSync(dir);
  const files = probes.map((probe, index) => {
    const file = `probe-${index}.ts`;
    writeFileSync(path.join(dir, file), `${probe(dir)}\n`);
    return file;
  });
  const real = path.join(root, environment, 'tsconfig.json');
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    extends: real,
    compilerOptions: { rootDir: root, outDir: path.join(dir, 'out') },
    files,
    references: referencesOf(real),
  }));
  const result = spawnSync(process.execPath, [tsc, '-b', path.join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: root, encoding: 'utf8' });
  if (result.error) throw result.error;
  const errors = new Map(files.map((_, index) => [index, [] as string[]]));
  for (const match of result.stdout.matchAll(/probe-(\d+)\.ts\(\d+,\d+\): error (TS\d+)/g)) errors.get(Number(match[1]))!.push(match[2]);
  return { errors, output: result.stdout.slice(0, 3000) };
}

describe('layers the compiler enforces', () => {
  for (const environment of Object.keys(FORBIDDEN) as Environment[]) {
    it(`${environment}: a forbidden import or global is a compile error, an allowed one compiles`, () => {
      const forbidden = FORBIDDEN[environment];
      const allowed = ALLOWED[environment];
      const { errors, output } = compileProbes(environment, [...forbidden.map(([, probe]) => probe), ...allowed.map(([, probe]) => probe)]);
      forbidden.forEach(([what, , codes], index) => expect(errors.get(index), `${environment} ${what}\n${output}`).toEqual(expect.arrayContaining(codes)));
      allowed.forEach(([what], index) => expect(errors.get(forbidden.length + index), `${environment} ${what}\n${output}`).toEqual([]));
    });
  }
});
