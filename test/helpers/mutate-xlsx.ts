// Mutations of a valid .xlsx for the import fuzzer (test/unit/fuzz-import.test.ts, bench/fuzz.ts): every choice
// comes from a seeded PRNG, so a case is reproduced from the run's seed and its number alone. Three families:
// - bytes: flips, inserts, deletes, truncation, zeroed or copied runs of the whole file;
// - zip: entries dropped, duplicated, renamed, reordered or swapped, recompressed (stored, another level, a method
//   nobody reads), and single header fields (local header, central directory, end record) set to other numbers;
// - xml: one part inflated, changed as text (characters, elements, attributes, <v> values, nesting, DOCTYPEs with
//   entity definitions, truncation, encoding) and zipped again.
import { crc32 } from 'node:zlib';
import { deflateSync, strFromU8, strToU8, unzipSync, type DeflateOptions } from 'fflate';
import { centralHeader, END_SIGNATURE, endOfDirectory, localHeader, type HeaderFields } from './zip-headers.ts';

// ---------------------------------------------------------------------------------------------------------------
// The PRNG: sfc32 seeded through splitmix32, 32-bit seeds printed in decimal.

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    const next = splitmix32(seed);
    [this.#a, this.#b, this.#c, this.#d] = [next(), next(), next(), next()];
  }

  /** A 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t;
  }

  /** 0 ≤ x < 1. */
  next(): number {
    return this.u32() / 2 ** 32;
  }

  /** 0 ≤ n < max. */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** min ≤ n ≤ max. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let left = this.next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [choice, weight] of choices) {
      left -= weight;
      if (left < 0) return choice;
    }
    return choices[choices.length - 1][0];
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.int(256);
    return out;
  }
}

/** The seed of case `index` of a run: each case stands alone, so one can be replayed without the others. */
export function caseSeed(runSeed: number, index: number): number {
  return splitmix32((runSeed ^ Math.imul(index + 1, 0x27d4eb2f)) >>> 0)();
}

// ---------------------------------------------------------------------------------------------------------------
// Zips: the parts of a valid one, a writer that says whatever it is told, and where a valid one keeps its headers.

interface Part {
  name: string;
  /** Uncompressed. */
  data: Uint8Array;
  /** The data deflated once, reused by every mutation that leaves the part as it is. */
  deflated?: Uint8Array;
}

/** The parts of a valid zip in the order of its directory. */
export function partsOf(bytes: Uint8Array): Part[] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data, deflated: deflateSync(data) }));
}

interface EntrySpec {
  name: string;
  /** Uncompressed content. */
  data: Uint8Array;
  /** 0 stored, 8 deflated (default); any other number is written as is with deflated data. */
  method?: number;
  level?: DeflateOptions['level'];
  /** `data` already deflated at the default level, when known. */
  deflated?: Uint8Array;
  flags?: number;
  /** Lies for the headers; the truth unless given. */
  crc?: number;
  size?: number;
  compressedSize?: number;
}

/** A zip written header by header (no data descriptors, no ZIP64), with whatever the specs say. */
export function writeZip(entries: EntrySpec[], comment = new Uint8Array(0)): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const stored = method === 0 ? entry.data : entry.level === undefined && entry.deflated ? entry.deflated : deflateSync(entry.data, { level: entry.level ?? 6 });
    const fields: HeaderFields = {
      name: strToU8(entry.name),
      method,
      crc: entry.crc ?? crc32(entry.data),
      size: entry.size ?? entry.data.byteLength,
      compressedSize: entry.compressedSize ?? stored.byteLength,
      offset,
      flags: entry.flags ?? 0x0800,
    };
    const local = localHeader(fields);
    central.push(centralHeader(fields));
    chunks.push(local, stored);
    offset += local.byteLength + stored.byteLength;
  }
  const directorySize = central.reduce((sum, h) => sum + h.byteLength, 0);
  return concat([...chunks, ...central, endOfDirectory(entries.length, directorySize, offset, comment)]);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  return Buffer.concat(chunks);
}

interface Layout {
  end: number;
  entries: Array<{ name: string; central: number; local: number }>;
}

/** Where a valid zip keeps its end record, its directory headers and its local headers. */
function layoutOf(bytes: Uint8Array): Layout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_SIGNATURE) end--;
  if (end < 0) throw new Error('not a zip: no end record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: Layout['entries'] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, central: at, local: view.getUint32(at + 42, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { end, entries };
}

/** Header fields as [offset, width in bytes]. */
const LOCAL_FIELDS = {
  signature: [0, 4], version: [4, 2], flags: [6, 2], method: [8, 2], time: [10, 2], crc: [14, 4],
  compressedSize: [18, 4], size: [22, 4], nameLength: [26, 2], extraLength: [28, 2],
} as const;
const CENTRAL_FIELDS = {
  signature: [0, 4], version: [6, 2], flags: [8, 2], method: [10, 2], crc: [16, 4], compressedSize: [20, 4], size: [24, 4],
  nameLength: [28, 2], extraLength: [30, 2], commentLength: [32, 2], disk: [34, 2], localOffset: [42, 4],
} as const;
const END_FIELDS = {
  signature: [0, 4], disk: [4, 2], directoryDisk: [6, 2], diskEntries: [8, 2], entries: [10, 2], directorySize: [12, 4],
  directoryOffset: [16, 4], commentLength: [20, 2],
} as const;

// ---------------------------------------------------------------------------------------------------------------
// A base file and its parts by role.

type Role =
  | 'formSheet' | 'listSheet' | 'identitySheet' | 'sharedStrings' | 'workbook' | 'workbookRels' | 'contentTypes'
  | 'rootRels' | 'core' | 'app' | 'styles' | 'theme';

export interface Base {
  /** A short name for descriptions: "zabota", "nik". */
  label: string;
  bytes: Uint8Array;
  parts: Part[];
  /** Role → part name; roles the file does not have are absent. */
  roles: Partial<Record<Role, string>>;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Reads which sheet is which from workbook.xml and its relationships. */
export function baseOf(label: string, bytes: Uint8Array): Base {
  const parts = partsOf(bytes);
  const text = (name: string) => strFromU8(parts.find((p) => p.name === name)?.data ?? new Uint8Array(0));
  const targets = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attribute(m[0], 'Id'), `xl/${attribute(m[0], 'Target')}`]));
  const sheets = [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ state: attribute(m[0], 'state') ?? 'visible', part: targets.get(attribute(m[0], 'r:id')) }));
  const visible = sheets.filter((s) => s.state === 'visible');
  const roles: Base['roles'] = {
    formSheet: visible[0]?.part,
    listSheet: visible[1]?.part,
    identitySheet: sheets.find((s) => s.state === 'veryHidden')?.part,
    sharedStrings: 'xl/sharedStrings.xml', workbook: 'xl/workbook.xml', workbookRels: 'xl/_rels/workbook.xml.rels',
    contentTypes: '[Content_Types].xml', rootRels: '_rels/.rels', core: 'docProps/core.xml', app: 'docProps/app.xml',
    styles: 'xl/styles.xml', theme: 'xl/theme/theme1.xml',
  };
  const names = new Set(parts.map((p) => p.name));
  for (const role of Object.keys(roles) as Role[]) if (!roles[role] || !names.has(roles[role])) delete roles[role];
  return { label, bytes, parts, roles };
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations

type Family = 'none' | 'bytes' | 'zip' | 'xml';

export interface Mutation {
  family: Family;
  /** "xml.attribute", "zip.centralField"…: the family and the operation, for counting outcomes. */
  kind: string;
  /** What was done, precisely enough to redo it by hand. */
  description: string;
  bytes: Uint8Array;
}

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text);
const show = (text: string) => JSON.stringify(short(text));

/** A value for a header field of `width` bytes whose true value is `value`. */
function fieldValue(r: Rng, width: number, value: number): number {
  const max = width === 2 ? 0xffff : 0xffffffff;
  const candidates = [0, 1, value + 1, value - 1, value * 2, value >>> 1, max, max - 1, 0x7fffffff & max, r.u32() & max];
  return (r.pick(candidates) >>> 0) & max;
}

function setField(bytes: Uint8Array, at: number, width: number, value: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (width === 2) view.setUint16(at, value, true);
  else view.setUint32(at, value >>> 0, true);
}

function getField(bytes: Uint8Array, at: number, width: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return width === 2 ? view.getUint16(at, true) : view.getUint32(at, true);
}

// --- bytes -----------------------------------------------------------------------------------------------------

function mutateBytes(base: Base, r: Rng): Mutation {
  const source = base.bytes;
  const length = source.byteLength;
  const kind = r.weighted([['flip', 4], ['insert', 2], ['delete', 2], ['truncate', 2], ['zeroRun', 1], ['copyRun', 1]] as const);
  const at = r.int(length);
  switch (kind) {
    case 'flip': {
      const bytes = source.slice();
      const count = r.weighted([[1, 4], [r.range(2, 8), 3], [r.range(9, 200), 1]] as const);
      const places: string[] = [];
      for (let i = 0; i < count; i++) {
        const where = r.int(length);
        const value = r.chance(0.5) ? bytes[where] ^ (1 << r.int(8)) : r.int(256);
        bytes[where] = value;
        if (places.length < 8) places.push(`${where}=0x${value.toString(16)}`);
      }
      return { family: 'bytes', kind: 'bytes.flip', description: `${count} byte(s) changed: ${places.join(' ')}${count > 8 ? ' …' : ''}`, bytes };
    }
    case 'insert': {
      const inserted = r.bytes(r.pick([1, 2, 4, r.range(5, 64), r.range(65, 4096)]));
      return { family: 'bytes', kind: 'bytes.insert', description: `${inserted.byteLength} random byte(s) inserted at ${at}`, bytes: concat([source.subarray(0, at), inserted, source.subarray(at)]) };
    }
    case 'delete': {
      const count = Math.min(length - at, r.pick([1, 2, 4, r.range(5, 256), r.range(257, 8192)]));
      return { family: 'bytes', kind: 'bytes.delete', description: `${count} byte(s) deleted at ${at}`, bytes: concat([source.subarray(0, at), source.subarray(at + count)]) };
    }
    case 'truncate': {
      const keep = r.weighted([[r.int(length), 3], [length - r.range(1, 64), 2], [r.range(0, 64), 1]] as const);
      return { family: 'bytes', kind: 'bytes.truncate', description: `cut to its first ${keep} of ${length} bytes`, bytes: source.slice(0, Math.max(0, keep)) };
    }
    case 'zeroRun': {
      const bytes = source.slice();
      const count = Math.min(length - at, r.range(1, 4096));
      bytes.fill(r.pick([0, 0xff, 0x20]), at, at + count);
      return { family: 'bytes', kind: 'bytes.zeroRun', description: `${count} byte(s) at ${at} overwritten with 0x${bytes[at].toString(16)}`, bytes };
    }
    case 'copyRun': {
      const bytes = source.slice();
      const from = r.int(length);
      const count = Math.min(length - from, length - at, r.range(1, 4096));
      bytes.copyWithin(at, from, from + count);
      return { family: 'bytes', kind: 'bytes.copyRun', description: `${count} byte(s) copied from ${from} to ${at}`, bytes };
    }
  }
}

// --- zip -------------------------------------------------------------------------------------------------------

function specsOf(parts: Part[]): EntrySpec[] {
  return parts.map((part) => ({ name: part.name, data: part.data, deflated: part.deflated }));
}

const RENAMES = (name: string, others: string[], r: Rng) => [
  r.pick(others),
  name.toUpperCase(),
  `/${name}`,
  `${name}.bak`,
  name.replace(/\d+/, (d) => String(Number(d) + 7)),
  '',
  '../../../../tmp/evil.xml',
  `${name}\u0000`,
  'x'.repeat(r.range(200, 60000)),
  name.replace('xl/', 'xl\\'),
  name.replace(/\.xml$/, '.XML'),
];

function mutateZip(base: Base, r: Rng): Mutation {
  const kind = r.weighted([
    ['drop', 3], ['duplicate', 2], ['rename', 3], ['swap', 2], ['reorder', 1], ['recompress', 2], ['localField', 3],
    ['centralField', 3], ['endField', 2], ['crc', 2], ['sizes', 3], ['flags', 1], ['prefix', 1], ['suffix', 1], ['nestedZip', 1],
  ] as const);
  const specs = specsOf(base.parts);
  const names = specs.map((s) => s.name);
  const i = r.int(specs.length);
  const name = specs[i].name;
  const zip = (description: string, bytes: Uint8Array): Mutation => ({ family: 'zip', kind: `zip.${kind}`, description, bytes });
  switch (kind) {
    case 'drop':
      return zip(`entry «${name}» dropped`, writeZip(specs.filter((_, j) => j !== i)));
    case 'duplicate': {
      const other = r.chance(0.5) ? specs[i] : r.pick(specs);
      const copy = { name, data: other.data, deflated: other.deflated };
      const at = r.int(specs.length + 1);
      return zip(`entry «${name}» written again at ${at} with the content of «${other.name}»`, writeZip([...specs.slice(0, at), copy, ...specs.slice(at)]));
    }
    case 'rename': {
      const to = r.pick(RENAMES(name, names, r));
      return zip(`entry «${name}» renamed to ${show(to)}`, writeZip(specs.map((s, j) => (j === i ? { ...s, name: to } : s))));
    }
    case 'swap': {
      const j = r.int(specs.length);
      const swapped = specs.map((s, k) => (k === i ? { ...s, data: specs[j].data, deflated: specs[j].deflated } : k === j ? { ...s, data: specs[i].data, deflated: specs[i].deflated } : s));
      return zip(`contents of «${name}» and «${specs[j].name}» swapped`, writeZip(swapped));
    }
    case 'reorder': {
      const order = specs.map((s) => ({ s, key: r.next() })).sort((a, b) => a.key - b.key).map(({ s }) => s);
      return zip(`entries reordered: ${order.map((s) => s.name).join(', ')}`, writeZip(order));
    }
    case 'recompress': {
      const how = r.weighted([['stored', 2], ['level', 2], ['method', 1]] as const);
      if (how === 'stored') return zip(`every entry stored (method 0)`, writeZip(specs.map((s) => ({ ...s, method: 0 }))));
      if (how === 'level') {
        const level = r.range(0, 9) as DeflateOptions['level'];
        return zip(`entry «${name}» deflated at level ${level}`, writeZip(specs.map((s, j) => (j === i ? { ...s, level } : s))));
      }
      const method = r.pick([1, 6, 9, 12, 14, 19, 93, 95, 98, 99, 0xffff]);
      return zip(`entry «${name}» marked with compression method ${method}`, writeZip(specs.map((s, j) => (j === i ? { ...s, method } : s))));
    }
    case 'localField':
    case 'centralField':
    case 'endField': {
      const bytes = base.bytes.slice();
      const layout = layoutOf(bytes);
      const entry = layout.entries.find((e) => e.name === name)!;
      const [fields, at, where] =
        kind === 'localField' ? [LOCAL_FIELDS, entry.local, `local header of «${name}»`]
          : kind === 'centralField' ? [CENTRAL_FIELDS, entry.central, `directory header of «${name}»`]
            : [END_FIELDS, layout.end, 'end of central directory'];
      const field = r.pick(Object.keys(fields)) as keyof typeof fields;
      const [offset, width] = fields[field] as readonly [number, number];
      const before = getField(bytes, at + offset, width);
      const value = fieldValue(r, width, before);
      setField(bytes, at + offset, width, value);
      return zip(`${where}: ${field} ${before} → ${value}`, bytes);
    }
    case 'crc': {
      const wrong = r.chance(0.5) ? (crc32(specs[i].data) ^ (1 << r.int(32))) >>> 0 : r.u32();
      return zip(`entry «${name}» declares CRC-32 ${wrong}`, writeZip(specs.map((s, j) => (j === i ? { ...s, crc: wrong } : s))));
    }
    case 'sizes': {
      const size = specs[i].data.byteLength;
      const lie = r.pick([0, 1, size - 1, size + 1, size * 2, Math.floor(size / 2), 0xffffffff, 20 * 1024 * 1024, 20 * 1024 * 1024 + 1]);
      const which = r.pick(['size', 'compressedSize'] as const);
      return zip(`entry «${name}» declares ${which} ${lie} (true size ${size})`, writeZip(specs.map((s, j) => (j === i ? { ...s, [which]: lie >>> 0 } : s))));
    }
    case 'flags': {
      const flags = r.pick([0x0001, 0x0008, 0x0041, 0x2000, 0xffff, 0x0000]);
      return zip(`entry «${name}» with flags 0x${flags.toString(16)}`, writeZip(specs.map((s, j) => (j === i ? { ...s, flags } : s))));
    }
    case 'prefix': {
      const junk = r.chance(0.5) ? r.bytes(r.range(1, 2048)) : base.bytes.subarray(0, r.range(1, 512));
      return zip(`${junk.byteLength} byte(s) put before the zip`, concat([junk, base.bytes]));
    }
    case 'suffix': {
      const junk = r.chance(0.5) ? r.bytes(r.range(1, 2048)) : base.bytes.subarray(0, r.range(22, 512));
      return zip(`${junk.byteLength} byte(s) put after the zip`, concat([base.bytes, junk]));
    }
    case 'nestedZip':
      return zip(`entry «${name}» replaced by the whole file`, writeZip(specs.map((s, j) => (j === i ? { name, data: base.bytes } : s))));
  }
}

// --- xml -------------------------------------------------------------------------------------------------------

const ROLE_WEIGHTS: ReadonlyArray<readonly [Role, number]> = [
  ['formSheet', 30], ['sharedStrings', 14], ['identitySheet', 10], ['listSheet', 8], ['workbook', 8], ['contentTypes', 6],
  ['core', 6], ['styles', 5], ['workbookRels', 4], ['rootRels', 3], ['app', 2], ['theme', 2],
];

const CELL_REFS = ['Z99999999', 'XFD1048576', 'XFE1', 'A1048577', 'A0', 'A', '1', '', 'D10', 'AAAAAAAAAA1', 'A-1', 'A1.5', '$D$10', 'd10', ' D10', 'Я1', 'A99999999999999999999', 'D1000000'];
const RANGES = ['A1:XFD1048576', 'A1:A1048576', 'D1:D1048576', 'A1:XFD1', '1:1048576', 'A:XFD', 'XFD1048576:A1', 'A1:B2 C3:XFD1048576', 'A1', '', 'B2:A1', 'A1:Z99999999', 'D10:D40', 'A1:B2:C3', 'A1:A5000000'];
const NUMBERS = ['0', '-1', '1', '16384', '16385', '99999999', '4294967296', '1e308', 'NaN', '', '0.5', 'x', '1:16384', '1:99999999', '2147483648'];
const TYPES = ['s', 'str', 'inlineStr', 'b', 'e', 'n', 'd', 'x', ''];
const VALUES = [
  '1e308', '1e309', '-1e309', '1.7976931348623157e308', '9007199254740993', '123456789012345678901234567890', 'NaN', 'Infinity', '-Infinity',
  '-0', '0x1F', '1,5', '1 000', '', ' ', '١٢٣', '1e-400', '4.9e-324', '.5', '5.', '--5', '+5', 'TRUE', '#REF!', '44927', '-1', '2.5',
  '99999999999', '1'.repeat(400), '<', '&amp;', '&#0;',
];
const NAME_RANGES = [
  "'Форма - Нысан'!$A$1:$XFD$1048576", "'Форма - Нысан'!$A$1:$A$1048576", "'Форма - Нысан'!$D$10:$D$99999999", 'Нет!$A$1',
  "'Форма - Нысан'!$A:$A", '#REF!', '', "'Форма - Нысан'!$5:$5", "'Форма - Нысан'!$A$1:$G$43,'Форма - Нысан'!$A$1:$XFD$1048576",
];
const INSERTS = ['<', '>', '&', '"', "'", '/', '=', ' ', '<!--', '-->', ']]>', '<![CDATA[', '&amp;', '&#0;', '&#xD800;', '&#1114112;', '&nosuch;', 'ё', '\uFFFF', '\u0001', '\uD800', '<x>', '</x>', '<?pi?>'];
const DEPTHS = [100, 1000, 10_000, 100_000, 500_000];

/** The value to give an attribute, by what its name usually holds. */
function attributeValue(r: Rng, name: string): string {
  const local = name.replace(/^.*:/, '');
  if (local === 'r') return r.pick([...CELL_REFS, ...NUMBERS]);
  if (local === 'ref' || local === 'sqref' || local === 'topLeftCell') return r.pick(RANGES);
  if (local === 't') return r.pick(TYPES);
  if (local === 'state') return r.pick(['visible', 'hidden', 'veryHidden', 'x', '']);
  if (local === 'id' || local === 'Id' || local === 'Target' || local === 'PartName' || local === 'name') {
    return r.pick(['', 'rId1', 'rId999', '../../../etc/passwd', '/xl/worksheets/sheet1.xml', 'worksheets/sheet9.xml', 'x'.repeat(r.range(32, 100_000)), 'jinaq_id', 'Форма - Нысан']);
  }
  return r.pick([...NUMBERS, 'x'.repeat(r.range(1, 100_000))]);
}

interface Element {
  start: number;
  end: number;
  name: string;
}

const OPEN_TAG = /<([A-Za-z_][\w:.-]*)((?:\s[^<>]*?)?)(\/?)>/g;

/** The element whose open tag is the n-th of the text (found naively, depth by depth), or null. */
function elements(text: string): Array<{ at: number; name: string; selfClosing: boolean; tagEnd: number }> {
  return [...text.matchAll(OPEN_TAG)].map((m) => ({ at: m.index, name: m[1], selfClosing: m[3] === '/', tagEnd: m.index + m[0].length }));
}

function elementAt(text: string, open: { at: number; name: string; selfClosing: boolean; tagEnd: number }): Element {
  if (open.selfClosing) return { start: open.at, end: open.tagEnd, name: open.name };
  const pattern = new RegExp(`<(/?)${open.name.replace(/[.]/g, '\\.')}(?=[\\s/>])[^>]*?(/?)>`, 'g');
  pattern.lastIndex = open.tagEnd;
  let depth = 1;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[1] === '/') depth--;
    else if (m[2] !== '/') depth++;
    if (depth === 0) return { start: open.at, end: m.index + m[0].length, name: open.name };
  }
  return { start: open.at, end: open.tagEnd, name: open.name };
}

/** Where text content sits: between a '>' and a '<' with something other than spaces in between. */
function textNodes(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(/>([^<>]*[^<>\s][^<>]*)</g)].map((m) => ({ start: m.index + 1, end: m.index + 1 + m[1].length }));
}

function afterDeclaration(text: string): number {
  const match = /^\uFEFF?<\?xml[^>]*\?>/.exec(text);
  return match ? match[0].length : 0;
}

const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

type XmlEdit = { kind: string; text: string; description: string } | { kind: string; raw: Uint8Array; description: string };

function billionLaughs(r: Rng): { doctype: string; reference: string } {
  const levels = r.range(3, 10);
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= levels; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return { doctype: `<!DOCTYPE lolz [${entities.join('')}]>`, reference: `&lol${levels};` };
}

function externalEntity(r: Rng): { doctype: string; reference: string } {
  const target = r.pick(['file:///etc/passwd', 'file:///C:/Windows/win.ini', 'http://127.0.0.1:9/x.dtd', '/etc/hostname']);
  if (r.chance(0.3)) return { doctype: `<!DOCTYPE x [<!ENTITY % ext SYSTEM "${target}"> %ext;]>`, reference: '' };
  return { doctype: `<!DOCTYPE x [<!ENTITY xxe SYSTEM "${target}">]>`, reference: '&xxe;' };
}

function editXml(text: string, r: Rng): XmlEdit {
  const kind = r.weighted([
    ['deleteChars', 3], ['insertChars', 3], ['cutElement', 4], ['duplicateElement', 3], ['attribute', 6], ['sharedStringIndex', 2],
    ['valueText', 4], ['formula', 2], ['deepNesting', 1], ['doctypeLaughs', 2], ['doctypeExternal', 2], ['truncate', 2], ['encoding', 1], ['replace', 1], ['hugeText', 1],
  ] as const);
  const opens = elements(text);
  const at = r.int(text.length + 1);
  switch (kind) {
    case 'deleteChars': {
      const count = r.pick([1, 2, r.range(3, 40)]);
      return { kind, text: splice(text, at, at + count, ''), description: `${count} char(s) deleted at ${at}: ${show(text.slice(at, at + count))}` };
    }
    case 'insertChars': {
      const insert = Array.from({ length: r.range(1, 3) }, () => r.pick(INSERTS)).join('');
      return { kind, text: splice(text, at, at, insert), description: `${show(insert)} inserted at ${at}` };
    }
    case 'cutElement': {
      if (opens.length === 0) break;
      const element = elementAt(text, r.pick(opens));
      return { kind, text: splice(text, element.start, element.end, ''), description: `element <${element.name}> at ${element.start} cut: ${show(text.slice(element.start, element.end))}` };
    }
    case 'duplicateElement': {
      if (opens.length === 0) break;
      const element = elementAt(text, r.pick(opens));
      const copies = r.weighted([[1, 6], [r.range(2, 20), 3], [r.range(100, 3000), 1]] as const);
      const copy = text.slice(element.start, element.end).repeat(copies);
      return { kind, text: splice(text, element.end, element.end, copy), description: `element <${element.name}> at ${element.start} repeated ${copies} more time(s)` };
    }
    case 'attribute': {
      const found = [...text.matchAll(/\s([\w:]+)="([^"]*)"/g)].filter((m) => !m[1].startsWith('xmlns'));
      if (found.length === 0) break;
      const m = r.pick(found);
      const value = attributeValue(r, m[1]);
      const start = m.index + m[0].indexOf('"') + 1;
      return { kind, text: splice(text, start, start + m[2].length, value), description: `attribute ${m[1]}="${short(m[2], 30)}" at ${m.index} set to ${show(value)}` };
    }
    case 'sharedStringIndex': {
      const cells = [...text.matchAll(/<c\b([^>]*)>\s*<v>([^<]*)<\/v>/g)];
      if (cells.length === 0) break;
      const m = r.pick(cells);
      const index = r.pick(['99999', '-1', '1e10', '4294967296', '0.5', '', 'x', '2147483647']);
      const attrs = /\st="/.test(m[1]) ? m[1].replace(/\st="[^"]*"/, ' t="s"') : `${m[1]} t="s"`;
      const replaced = `<c${attrs}><v>${index}</v>`;
      return { kind, text: splice(text, m.index, m.index + m[0].length, replaced), description: `cell at ${m.index} ${show(m[0])} made a shared string #${show(index)}` };
    }
    case 'valueText': {
      const nodes = [...text.matchAll(/<(v|t|f|dc:description|definedName)(\s[^>]*)?>([^<]*)</g)];
      if (nodes.length === 0) break;
      const m = r.pick(nodes);
      const start = m.index + m[0].length - 1 - m[3].length;
      const value = m[1] === 'definedName' ? r.pick(NAME_RANGES) : r.pick(VALUES);
      return { kind, text: splice(text, start, start + m[3].length, value), description: `<${m[1]}> at ${m.index}: ${show(m[3])} → ${show(value)}` };
    }
    case 'formula': {
      const cells = [...text.matchAll(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)];
      if (cells.length === 0) break;
      const m = r.pick(cells);
      const ref = /\sr="([^"]*)"/.exec(m[1])?.[1] ?? 'A1';
      const formula = r.pick([
        `<f>1+1</f><v>2</v>`, `<f>1/0</f><v>#DIV/0!</v>`, `<f>SUM(A1:A3)</f>`, `<f t="shared" ref="${r.pick(RANGES)}" si="0">1+1</f><v>2</v>`,
        `<f t="shared" si="0"/><v>5</v>`, `<f t="shared" si="99" ref="${ref}"/>`, `<f t="array" ref="${r.pick(RANGES)}">1</f><v>1</v>`,
        `<f>${'('.repeat(r.range(10, 5000))}1</f><v>1</v>`,
      ]);
      const attrs = m[1].replace(/\st="[^"]*"/, '') + r.pick(['', ' t="str"', ' t="e"', ' t="b"']);
      const replaced = `<c${attrs}>${formula}</c>`;
      return { kind, text: splice(text, m.index, m.index + m[0].length, replaced), description: `cell ${show(m[0])} at ${m.index} made ${show(replaced)}` };
    }
    case 'deepNesting': {
      if (opens.length === 0) break;
      const open = r.pick(opens);
      const depth = r.pick(DEPTHS);
      const tag = r.pick(['x', 'row', 'c', 'v', 'si', 't', 'r', 'sheetData', open.name]);
      return { kind, text: splice(text, open.tagEnd, open.tagEnd, `<${tag}>`.repeat(depth) + `</${tag}>`.repeat(depth)), description: `${depth} nested <${tag}> inserted in <${open.name}> at ${open.tagEnd}` };
    }
    case 'doctypeLaughs':
    case 'doctypeExternal': {
      const { doctype, reference } = kind === 'doctypeLaughs' ? billionLaughs(r) : externalEntity(r);
      const nodes = textNodes(text);
      let changed = text;
      let where = 'no reference';
      if (reference && nodes.length > 0) {
        const node = r.pick(nodes);
        changed = splice(text, node.start, node.end, reference);
        where = `${reference} replaces ${show(text.slice(node.start, node.end))} at ${node.start}`;
      } else if (reference) {
        const attr = /="[^"]*"/.exec(text);
        if (attr) {
          changed = splice(text, attr.index + 2, attr.index + attr[0].length - 1, reference);
          where = `${reference} in the attribute at ${attr.index}`;
        }
      }
      const declaration = afterDeclaration(changed);
      return { kind, text: splice(changed, declaration, declaration, doctype), description: `${show(doctype)} declared; ${where}` };
    }
    case 'truncate':
      return { kind, text: text.slice(0, at), description: `cut to its first ${at} of ${text.length} chars` };
    case 'encoding': {
      const how = r.pick(['utf16', 'bom', 'latin1', 'badUtf8'] as const);
      if (how === 'badUtf8') {
        const bytes = strToU8(text);
        const byteAt = r.int(bytes.byteLength + 1);
        const bad = r.pick([[0xc3], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x00]]);
        return { kind, raw: concat([bytes.subarray(0, byteAt), new Uint8Array(bad), bytes.subarray(byteAt)]), description: `bytes ${bad.map((b) => b.toString(16)).join(' ')} inserted at byte ${byteAt}` };
      }
      if (how === 'bom') return { kind, text: `\uFEFF${text}`, description: 'a byte-order mark put first' };
      const declared = how === 'utf16' ? 'UTF-16' : 'ISO-8859-1';
      return { kind, text: text.replace(/encoding="[^"]*"/, `encoding="${declared}"`), description: `declared encoding ${declared}` };
    }
    case 'replace': {
      const by = r.pick(['', '<?xml version="1.0"?>', 'not xml at all', '<a/>', '<?xml version="1.0"?><worksheet/>', '<x><y></x></y>']);
      return { kind, text: by, description: `replaced by ${show(by)}` };
    }
    case 'hugeText': {
      const nodes = textNodes(text);
      if (nodes.length === 0) break;
      const node = r.pick(nodes);
      const size = r.pick([10_000, 100_000, 1_000_000, 4_000_000]);
      const filler = r.pick(['9', 'a', 'Ә', ' ', '&amp;']);
      return { kind, text: splice(text, node.start, node.end, filler.repeat(Math.ceil(size / filler.length))), description: `text at ${node.start} (${show(text.slice(node.start, node.end))}) replaced by ${size} chars of ${show(filler)}` };
    }
  }
  const count = r.range(1, 5);
  return { kind: 'deleteChars', text: splice(text, at, at + count, ''), description: `${count} char(s) deleted at ${at} (no element to change)` };
}

function mutateXml(base: Base, r: Rng): Mutation {
  const roles = ROLE_WEIGHTS.filter(([role]) => base.roles[role]);
  const role = r.weighted(roles);
  const name = base.roles[role]!;
  const part = base.parts.find((p) => p.name === name)!;
  const edit = editXml(strFromU8(part.data), r);
  const data = 'raw' in edit ? edit.raw : strToU8(edit.text);
  const bytes = writeZip(specsOf(base.parts).map((spec) => (spec.name === name ? { name, data } : spec)));
  return { family: 'xml', kind: `xml.${edit.kind}`, description: `«${name}» (${role}): ${edit.description}`, bytes };
}

/** One mutation of the base, every choice taken from `r`. */
export function mutate(base: Base, r: Rng): Mutation {
  const family = r.weighted([['none', 1], ['bytes', 25], ['zip', 30], ['xml', 44]] as const);
  const mutation = family === 'none'
    ? { family, kind: 'none', description: 'the base file as it is', bytes: base.bytes }
    : family === 'bytes' ? mutateBytes(base, r) : family === 'zip' ? mutateZip(base, r) : mutateXml(base, r);
  return { ...mutation, description: `[${base.label}] ${mutation.description}` };
}
