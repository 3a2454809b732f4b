// Responsible executors as plan documents write them («Отдел образования, общеобразовательные школы, НПО (по
// согласованию)»): known organisations found in the text, and written back in the user's language.
import type { TFunction } from 'i18next';
import { foldKazakh } from './deadlines.ts';
import type { Executor, Organisation } from './types.ts';

/**
 * How documents name each organisation, Russian and Kazakh, lower case, as regular expressions over text folded
 * by `foldKazakh` (the patterns are folded the same way, so «қ» here also reads «к»). «…» stands for any ending,
 * a space for any run of spaces, a hyphen for any dash. `б[өе]лім`: scanned documents often turn «ө» into «е».
 */
const NAMES: Readonly<Record<Organisation, readonly string[]>> = {
  education_department: ['отдел… образовани…', 'оо', 'білім б[өе]лім…'],
  schools: [
    'общеобразовательн… школ…',
    'общеобразовательн… организаци…',
    'организаци… образовани…',
    'школ(?:а|ы|ам|ами|ах)?',
    'жалпы білім беретін мектеп…',
    'білім беру [ұү]й[ыі]м…',
    'мектеп…',
  ],
  additional_education: [
    'организаци… доп',
    'доп организаци…',
    'организаци… дополнительного образования',
    'қосымша білім беру [ұү]й[ыі]м…',
  ],
  police: ['отдел… полиции', 'полици…', 'оп', 'полиция б[өе]лім…'],
  akimat: ['акимат…', 'әкімдік…', 'әкімдіг…'],
  ngo: ['нпо', 'неправительственн… организаци…', 'үкіметтік емес [ұү]й[ыі]м…', 'үеұ'],
  resource_center: ['ресурсн… центр…', 'ресурстық орталы…'],
  clinic: ['поликлиник…', 'здравоохранени…', 'емхан…', 'денсаулық сақтау'],
  employment: [
    'отдел… занятости и социальн… программ…',
    'отдел… занятости',
    'центр… занятости',
    'жұмыспен қамту және әлеуметтік бағдарламалар б[өе]лім…',
    'жұмыспен қамту б[өе]лім…',
    'жұмыспен қамту орталы…',
  ],
  labour_inspection: ['инспекци… труда', 'еңбек инспекция…'],
  internal_policy: ['отдел… внутренней политики', 'внутренней политики', 'ішкі саясат б[өе]лім…', 'ішкі саясат'],
  media: [
    'сми',
    'издани…',
    'средств… массовой информации',
    'бақ',
    'шығарылым…',
    'басылым…',
    'бұқаралық ақпарат құрал…',
  ],
  parents: ['родительск… общественност…', 'родител…', 'ата-ана… қауым…', 'ата-ана…'],
  juvenile_commission: [
    'кдн(?:изп)?',
    'комисси… по делам несовершеннолетних(?: и защите их прав)?',
    'кіққк',
    'кәмелетке толмағандард… істер…[^,;]*? жөніндегі комиссия…',
  ],
};

/** «(по согласованию)» / «(келісім бойынша)», brackets optional: marks the executor just before it. */
const AGREED_MARK = /\(?\s*(?:по\s+согласовани[юи]|келисим\s+бойынша)\s*\)?/gu;
const FRAGMENT = /[^,;\n]+/gu;

interface Span {
  start: number;
  end: number;
}

interface Found extends Span {
  org: Organisation;
}

/** A pattern as a word-bounded expression over folded text. */
function compile(pattern: string): RegExp {
  const source = foldKazakh(pattern)
    .replaceAll('…', '\\p{L}*')
    .replaceAll(' ', '\\s+')
    .replaceAll('-', '\\s*[-\\u2010-\\u2015]\\s*');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu');
}

let compiled: ReadonlyArray<{ org: Organisation; pattern: RegExp }> | undefined;

/** Every organisation's patterns, compiled when first needed (a command that never reads executors skips the cost). */
function matchers(): ReadonlyArray<{ org: Organisation; pattern: RegExp }> {
  compiled ??= Object.entries(NAMES).flatMap(([org, patterns]) => patterns.map((pattern) => ({ org: org as Organisation, pattern: compile(pattern) })));
  return compiled;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** All names in the folded text, the longest where they overlap («общеобразовательные школы», not «школы»). */
function findNames(folded: string, marks: Span[]): Found[] {
  const all = matchers().flatMap(({ org, pattern }) =>
    Array.from(folded.matchAll(pattern), (m): Found => ({ org, start: m.index, end: m.index + m[0].length })),
  );
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Found[] = [];
  for (const found of all) {
    if (chosen.some((c) => overlaps(c, found)) || marks.some((m) => overlaps(m, found))) continue;
    chosen.push(found);
  }
  return chosen;
}

interface Item extends Span {
  executor: Executor;
}

/** Fragments between commas and semicolons that name no known organisation, as written, marks taken out. */
function otherNames(text: string, found: Found[], marks: Span[]): Item[] {
  const items: Item[] = [];
  for (const m of text.matchAll(FRAGMENT)) {
    const fragment = { start: m.index, end: m.index + m[0].length };
    if (found.some((f) => overlaps(f, fragment))) continue;
    let name = m[0];
    for (const mark of [...marks].reverse()) {
      if (!overlaps(mark, fragment)) continue;
      name = name.slice(0, mark.start - fragment.start) + name.slice(mark.end - fragment.start);
    }
    name = name.replace(/\s+/g, ' ').trim();
    if (/[\p{L}\p{N}]/u.test(name)) items.push({ ...fragment, executor: { org: 'other', name, agreed: false } });
  }
  return items;
}

function sameExecutor(a: Executor, b: Executor): boolean {
  if (a.org !== 'other' || b.org !== 'other') return a.org === b.org;
  return a.name.toLowerCase() === b.name.toLowerCase();
}

/** Executors in the order of the text, each once («по согласованию» if any mention says so). */
function distinct(executors: Executor[]): Executor[] {
  const kept: Executor[] = [];
  for (const executor of executors) {
    const earlier = kept.find((k) => sameExecutor(k, executor));
    if (!earlier) kept.push({ ...executor });
    else earlier.agreed ||= executor.agreed;
  }
  return kept;
}

/**
 * The executors of a plan item: known organisations anywhere in the text, in its order, even without commas
 * between them; fragments naming none kept as «other». Words around a known name in its fragment are dropped.
 */
export function parseExecutors(text: string): Executor[] {
  const folded = foldKazakh(text);
  const marks = Array.from(folded.matchAll(AGREED_MARK), (m): Span => ({ start: m.index, end: m.index + m[0].length }));
  const found = findNames(folded, marks);
  const items: Item[] = [
    ...found.map((f): Item => ({ ...f, executor: { org: f.org, agreed: false } })),
    ...otherNames(text, found, marks),
  ].sort((a, b) => a.start - b.start);
  for (const mark of marks) {
    const before = items.filter((item) => item.start < mark.start).at(-1);
    if (before) before.executor.agreed = true;
  }
  return distinct(items.map((item) => item.executor));
}

export function includesSchools(executors: Executor[]): boolean {
  return executors.some((executor) => executor.org === 'schools');
}

/** The name of an organisation in the user's language. */
export function organisationName(t: TFunction, org: Organisation): string {
  return t(`plans.executor.name.${org}`) as string;
}

function executorText(t: TFunction, executor: Executor): string {
  const name = executor.org === 'other' ? executor.name : organisationName(t, executor.org);
  return executor.agreed ? (t('plans.executor.agreed', { name }) as string) : name;
}

/** «Отдел образования, общеобразовательные школы, НПО (по согласованию)» in the user's language. */
export function formatExecutors(t: TFunction, executors: Executor[]): string {
  return executors.map((executor) => executorText(t, executor)).join(t('plans.executor.separator') as string);
}
