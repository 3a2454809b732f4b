// What xl/workbook.xml, its relationships and docProps/core.xml say: the sheets in their order, each with its name,
// state and part; the date system; the «Comments» property. Read as exceljs read them, so the same files list the
// same sheets: a sheet without a relationship or a worksheet part is left out (a chart sheet), two sheets with one
// sheetId are one, and a name Excel forbids makes the workbook unreadable.
import { readXml } from './xml-reader.ts';
import { CORE_PART, WORKBOOK_PART, WORKBOOK_RELS_PART, type XlsxParts } from './xlsx-parts.ts';

export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  /** Dates count from 1904-01-01 (a Mac Excel setting) rather than 1900. */
  date1904: boolean;
  description: string | undefined;
}

/** exceljs decoded entities once more after the XML parser had: «&amp;lt;» reads «<». */
export function decodeAgain(text: string): string {
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' };
  return text.replace(/&([a-z]*);/g, (entity) => entities[entity] ?? entity);
}

/** A relationships part: each Id's target. */
export function relationshipTargets(data: Uint8Array | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (!data) return targets;
  readXml(data, {
    open(tag) {
      if (tag.name === 'Relationship') targets.set(tag.attributes.Id, tag.attributes.Target);
    },
  });
  return targets;
}

/** The names Excel refuses and exceljs threw on; a name over 31 characters is cut, as exceljs cut it. */
function sheetName(attribute: string | undefined): string {
  if (attribute === undefined) throw new Error('a sheet without a name');
  const name = decodeAgain(attribute);
  if (name === '' || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name)) {
    throw new Error(`a sheet name Excel does not allow: ${name}`);
  }
  return name.slice(0, 31);
}

interface ListedSheet {
  name: string;
  id: number;
  state: string | undefined;
  rId: string | undefined;
}

function readWorkbookXml(data: Uint8Array): { listed: ListedSheet[]; date1904: boolean } {
  const listed: ListedSheet[] = [];
  let date1904 = false;
  readXml(data, {
    open({ name, attributes }) {
      if (name === 'sheet') listed.push({ name: attributes.name, id: parseInt(attributes.sheetId, 10), state: attributes.state, rId: attributes['r:id'] });
      else if (name === 'workbookPr') date1904 = attributes.date1904 === '1';
    },
  });
  return { listed, date1904 };
}

/** The text of docProps/core.xml's dc:description. */
function readDescription(data: Uint8Array | undefined): string | undefined {
  if (!data) return undefined;
  let description: string | undefined;
  let inside = false;
  readXml(data, {
    open(tag) {
      if (tag.name === 'dc:description') {
        inside = true;
        description = '';
      }
    },
    text(text) {
      if (inside) description += text;
    },
    close(name) {
      if (name === 'dc:description') inside = false;
    },
  });
  return description;
}

const stateOf = (state: string | undefined): SheetEntry['state'] => (state === 'hidden' || state === 'veryHidden' ? state : 'visible');

export function readWorkbookPart(parts: XlsxParts): WorkbookPart {
  const workbookXml = parts.get(WORKBOOK_PART);
  if (!workbookXml) throw new Error(`no ${WORKBOOK_PART}`);
  const { listed, date1904 } = readWorkbookXml(workbookXml);
  const targets = relationshipTargets(parts.get(WORKBOOK_RELS_PART));
  // Keyed by sheetId and ordered where that id first appears: exceljs kept sheets in an array indexed by their id.
  const byId = new Map<number, SheetEntry & { order: number }>();
  for (const sheet of listed) {
    const target = sheet.rId === undefined ? undefined : targets.get(sheet.rId);
    if (target === undefined) continue;
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!parts.isWorksheet(part)) continue;
    const name = sheetName(sheet.name);
    if ([...byId.values()].some((other) => other.name.toLowerCase() === name.toLowerCase())) throw new Error(`two sheets named ${name}`);
    if (!(sheet.id >= 1)) continue;
    byId.set(sheet.id, { name, state: stateOf(sheet.state), part, order: listed.findIndex((other) => other.id === sheet.id) });
  }
  const sheets = [...byId.values()].sort((a, b) => a.order - b.order).map(({ name, state, part }) => ({ name, state, part }));
  return { sheets, date1904, description: readDescription(parts.get(CORE_PART)) };
}
