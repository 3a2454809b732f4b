import type { FormDefinition } from './types.ts';
import { nikV1 } from './nik.v1.ts';
import { zabotaV1 } from './zabota.v1.ts';

export * from './types.ts';

const BUILT_IN: FormDefinition[] = [zabotaV1, nikV1];

export function findForm(id: string, version: number): FormDefinition | undefined {
  return BUILT_IN.find((form) => form.id === id && form.version === version);
}

export function latestForm(id: string): FormDefinition | undefined {
  return BUILT_IN.filter((form) => form.id === id).sort((a, b) => b.version - a.version)[0];
}
