// A district may have made its own version N of a form before Jinaq shipped a built-in version N (0.2.0's form editor
// numbered a copy of «Забота» v1 as v2). Its own version keeps the number — its campaigns, reports and the templates
// its schools hold name it — and the built-in one is stored under the next free number, as a shared form file whose
// number is taken here is. New campaigns then collect it as the newest version.
import type BetterSqlite3 from 'better-sqlite3';
import { BUILT_IN_FORMS } from '../../shared/forms/index.ts';
import { sameDefinition, type FormDefinition } from '../../shared/forms/types.ts';

export function placeBuiltInForms(raw: BetterSqlite3.Database): void {
  const storedOf = raw.prepare<[string], { version: number; definition: string }>('SELECT version, definition FROM forms WHERE id = ?');
  const insert = raw.prepare('INSERT INTO forms (id, version, definition, based_on) VALUES (?, ?, ?, NULL)');
  for (const form of BUILT_IN_FORMS) {
    const stored = storedOf.all(form.id);
    if (!stored.some((row) => row.version === form.version)) continue;
    if (stored.some((row) => sameDefinition(JSON.parse(row.definition) as FormDefinition, form))) continue;
    const builtInVersions = BUILT_IN_FORMS.filter((other) => other.id === form.id).map((other) => other.version);
    const next = Math.max(...stored.map((row) => row.version), ...builtInVersions) + 1;
    insert.run(form.id, next, JSON.stringify({ ...form, version: next }));
  }
}
