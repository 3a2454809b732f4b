// Schools' names: the order people count them in, and a name as a report's header block gives it.
import type { SchoolFields } from './domain.ts';

// «СОШ №2» before «СОШ №10», Kazakh letters in their places.
const NAME_ORDER = new Intl.Collator(['kk', 'ru'], { numeric: true, sensitivity: 'base' });

export function compareSchoolNames(a: string, b: string): number {
  return NAME_ORDER.compare(a, b);
}

export function byName<T extends { shortName: string }>(schools: readonly T[]): T[] {
  return [...schools].sort((a, b) => compareSchoolNames(a.shortName, b.shortName));
}

/** A name as compared: case and runs of spaces do not matter. */
export const nameKey = (name: string) => name.toLocaleLowerCase('ru').replace(/\s+/g, ' ').trim();
/** Two names of a school or district written the same up to case and spaces. */
export const sameName = (a: string, b: string) => nameKey(a) === nameKey(b);

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const SHORT_NAME_LIMIT = 100;

/**
 * A school's name as a report's header gives it, into the registry's fields. Jinaq's templates write «ru / kk»;
 * a name written in one language goes to that language's field (Kazakh is told by its own letters).
 */
export function splitSchoolName(text: string): Pick<SchoolFields, 'nameRu' | 'nameKk' | 'shortName'> {
  const name = text.trim();
  const halves = name.split(/\s+\/\s+/);
  let [nameRu, nameKk] = halves.length === 2 ? halves : KAZAKH_LETTERS.test(name) ? ['', name] : [name, ''];
  // Halves the other way round (kk / ru) still land in their fields.
  if (halves.length === 2 && KAZAKH_LETTERS.test(nameRu) && !KAZAKH_LETTERS.test(nameKk)) [nameRu, nameKk] = [nameKk, nameRu];
  return { nameRu, nameKk, shortName: (nameRu || nameKk).slice(0, SHORT_NAME_LIMIT) };
}
