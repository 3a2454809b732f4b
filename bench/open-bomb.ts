// How fast, and with how little memory, openWorkbook refuses a 1 GB zip bomb. Not part of `npm test`.
//
//   npm run bench:bomb
//
// Builds, by streaming to temporary files (never holding a gigabyte in memory), three bombs of 1 GB of zeros in
// one part: an honest one (its central directory declares 1 GB), one whose directory lies that the part is 1 000
// bytes, and one that claims 19 MB (just under the 20 MB cap per part) (a ratio that passes the declared checks, so the inflate cap must stop it).
// Each is refused in a fresh Node process that reports the time of openWorkbook and its peak resident memory.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Zip, ZipDeflate } from 'fflate';

const MB = 1024 * 1024;
const PART = 'xl/worksheets/sheet1.xml';

/** `megabytes` of zeros in one deflated part, streamed 1 MB at a time into the file. */
function buildBomb(file: string, megabytes: number): void {
  const fd = openSync(file, 'w');
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    writeSync(fd, chunk);
  });
  const workbook = new ZipDeflate('xl/workbook.xml');
  zip.add(workbook);
  workbook.push(new TextEncoder().encode('<workbook/>'), true);
  const sheet = new ZipDeflate(PART, { level: 6 });
  zip.add(sheet);
  const zeros = new Uint8Array(MB);
  for (let i = 0; i < megabytes; i++) sheet.push(zeros, i === megabytes - 1);
  zip.end();
  closeSync(fd);
}

/** A copy of the bomb whose central directory declares `size` bytes for the big part. */
function lyingCopy(source: string, target: string, size: number): void {
  const bytes = readFileSync(source);
  const name = Buffer.from(PART);
  const central = bytes.lastIndexOf(name) - 46; // the directory comes last: the last occurrence is its header
  if (bytes.readUInt32LE(central) !== 0x02014b50) throw new Error('central directory header not found');
  bytes.writeUInt32LE(size, central + 24);
  writeFileSync(target, bytes);
}

async function refuse(file: string): Promise<void> {
  const { openWorkbook } = await import('../main/excel/intake/open-workbook.ts');
  const bytes = new Uint8Array(readFileSync(file));
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const opened = await openWorkbook(bytes, path.basename(file));
  const ms = performance.now() - start;
  const outcome = opened.ok ? 'OPENED (!)' : `${opened.error.message.key} ${JSON.stringify(opened.error.message.params)}`;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ ms: Math.round(ms * 10) / 10, rssBeforeMb: Math.round(rssBefore / MB), peakRssMb: Math.round(peak / MB), fileMb: Math.round((bytes.byteLength / MB) * 100) / 100, outcome }));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--refuse') return refuse(process.argv[3]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jinaq-bench-'));
  try {
    const honest = path.join(dir, 'bomb-1gb.xlsx');
    let start = performance.now();
    buildBomb(honest, 1024);
    console.log(`built a 1 GB bomb in ${Math.round(performance.now() - start)} ms`);
    const liarSmall = path.join(dir, 'bomb-1gb-declares-1000-bytes.xlsx');
    const liar19 = path.join(dir, 'bomb-1gb-declares-19mb.xlsx');
    lyingCopy(honest, liarSmall, 1000);
    lyingCopy(honest, liar19, 19 * MB);
    const self = fileURLToPath(import.meta.url);
    for (const file of [honest, liarSmall, liar19]) {
      start = performance.now();
      const child = spawnSync(process.execPath, [self, '--refuse', file], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      console.log(`${path.basename(file)}: ${child.stdout.trim()} (child process total ${Math.round(performance.now() - start)} ms)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
