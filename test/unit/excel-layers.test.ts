// main/excel split by what it does: layout/ (where the templates put things) imports nothing of the other two;
// intake/ (reading what schools send) and writers/ (making what Jinaq issues) import layout/ and never each other;
// exceljs stays inside writers/, and nothing the import loads reaches it (esbuild's metafile says what a bundle of
// main/services/imports.ts would hold); no file imports itself round a cycle.
// TypeScript 7's package has no preProcessFile (its API is the unstable tsgo client), so the imports are read by a
// scan that skips comments and takes import and export statements only where a statement can begin.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXCEL = 'main/excel';
const FOLDERS = ['layout', 'intake', 'writers'] as const;
type Folder = (typeof FOLDERS)[number];
const IMPORT_SERVICE = 'main/services/imports.ts';

/** The folder each folder may import from, besides its own. */
const MAY_IMPORT: Record<Folder, Folder[]> = { layout: [], intake: ['layout'], writers: ['layout'] };

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

/** The code with its comments blanked out; string literals are kept whole, so a `//` inside one is no comment. */
function withoutComments(source: string): string {
  let code = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      code += '\n';
    } else if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 1;
      code += ' ';
    } else if (char === "'" || char === '"' || char === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== char) j += source[j] === '\\' ? 2 : 1;
      code += source.slice(i, j + 1);
      i = j;
    } else code += char;
  }
  return code;
}

/** Every module a file names: `import … from`, `export … from`, a bare `import '…'` and `import('…')`. */
function importsOf(source: string): string[] {
  const code = withoutComments(source);
  const statements = /(?:^|[;}\n])\s*(?:import|export)\s+(?:type\s+)?(?:[\w*${},\s]+?\s+from\s+)?(['"])([^'"\n]+)\1/g;
  const dynamic = /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;
  return [...code.matchAll(statements), ...code.matchAll(dynamic)].map((match) => match[2]);
}

interface ExcelFile {
  file: string;
  folder: string;
  /** Files of main/excel it imports, as repository paths. */
  local: string[];
  /** Packages and modules outside main/excel it imports. */
  outside: string[];
}

function excelFiles(): ExcelFile[] {
  return tsFiles(EXCEL).map((file) => {
    const specifiers = importsOf(readFileSync(path.join(ROOT, file), 'utf8'));
    const resolved = specifiers.map((specifier) =>
      specifier.startsWith('.') ? path.posix.join(path.posix.dirname(file), specifier) : specifier);
    return {
      file,
      folder: file.slice(EXCEL.length + 1).split('/')[0],
      local: resolved.filter((target) => target.startsWith(`${EXCEL}/`)),
      outside: resolved.filter((target) => !target.startsWith(`${EXCEL}/`)),
    };
  });
}

function folderOf(file: string): string {
  return file.slice(EXCEL.length + 1).split('/')[0];
}

/** A cycle of imports, as the files round it, or null. */
function cycleIn(files: ExcelFile[]): string[] | null {
  const edges = new Map(files.map((f) => [f.file, f.local]));
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...trail.slice(trail.indexOf(file)), file];
    state.set(file, 'open');
    trail.push(file);
    for (const target of edges.get(file) ?? []) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of edges.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('main/excel, split by what it does', () => {
  const files = excelFiles();

  it('reads every kind of import the sources write, and none in a comment or a string', () => {
    const source = [
      "import ExcelJS from 'exceljs';",
      "import type { A } from './a.ts';",
      "import {\n  b,\n  type C,\n} from '../layout/b.ts';",
      "export { d } from './d.ts';",
      "export * from './e.ts';",
      "import './f.ts';",
      "const g = await import('./g.ts');",
      "// import { h } from './h.ts';",
      "/* import { i } from './i.ts'; */",
      "const text = \"import { j } from './j.ts'\";",
    ].join('\n');
    expect(importsOf(source).sort()).toEqual(['../layout/b.ts', './a.ts', './d.ts', './e.ts', './f.ts', './g.ts', 'exceljs']);
  });

  it('has every file in layout/, intake/ or writers/', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => !(FOLDERS as readonly string[]).includes(f.folder)).map((f) => f.file)).toEqual([]);
  });

  it('imports across folders only from layout/: intake and writers never import each other', () => {
    const forbidden = files.flatMap((f) =>
      f.local.filter((target) => folderOf(target) !== f.folder && !MAY_IMPORT[f.folder as Folder]?.includes(folderOf(target) as Folder))
        .map((target) => `${f.file} → ${target}`));
    expect(forbidden).toEqual([]);
  });

  it('keeps exceljs inside writers/', () => {
    const users = files.filter((f) => f.outside.some((target) => target === 'exceljs' || target.startsWith('exceljs/'))).map((f) => f.file);
    expect(users.filter((file) => folderOf(file) !== 'writers')).toEqual([]);
    expect(users.length).toBeGreaterThan(0);
  });

  it('loads no exceljs to import a file: nothing the import service imports, however far, imports it', async () => {
    const bundle = await build({ entryPoints: [path.join(ROOT, IMPORT_SERVICE)], bundle: true, platform: 'node', format: 'esm', packages: 'external', absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.entries(bundle.metafile.inputs);
    expect(inputs.map(([file]) => file)).toContain('main/excel/intake/xlsx-reader.ts');
    const exceljs = inputs.flatMap(([file, input]) => input.imports.filter((i) => i.path === 'exceljs' || i.path.startsWith('exceljs/')).map((i) => `${file} → ${i.path}`));
    expect(exceljs).toEqual([]);
  });

  it('imports nothing of the app outside main/excel but shared/', () => {
    const outside = files.flatMap((f) =>
      f.outside.filter((target) => target.startsWith('.') || target.startsWith('main/'))
        .filter((target) => !path.posix.normalize(target).startsWith('shared/'))
        .map((target) => `${f.file} → ${target}`));
    expect(outside).toEqual([]);
  });

  it('has no cycle of imports', () => {
    expect(cycleIn(files)).toBeNull();
  });
});
