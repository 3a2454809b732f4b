// The school registry as a workbook: its columns and their captions (the template's and the spellings read back).
import { resources } from '../../../shared/i18n.ts';

export const REGISTRY_FIELDS = [
  'bin', 'nameRu', 'nameKk', 'shortName', 'type', 'locality', 'director', 'phone', 'email', 'language',
] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];

/** Spellings seen in real registries besides the captions of the locale files. */
const EXTRA_CAPTIONS: Partial<Record<RegistryField, string[]>> = {
  bin: ['БСН', 'БИН', 'BIN'],
  locality: ['Населенный пункт'],
  email: ['E-mail', 'Электронная почта', 'Электрондық пошта'],
};

/** A column's captions: the locale files' in every language, then the other spellings. */
export function registryCaptions(field: RegistryField): string[] {
  const fromLocales = Object.values(resources).map((r) => r.translation.messages.registryColumn[field] as string);
  return [...fromLocales, ...(EXTRA_CAPTIONS[field] ?? [])];
}
