import type { FormDefinition } from './types.ts';
import { nikV1 } from './nik.v1.ts';
import { zabotaV1 } from './zabota.v1.ts';
import { zabotaV2 } from './zabota.v2.ts';

export * from './types.ts';

/** The forms shipped with the app; a district's own versions live in its database (main/services/forms.ts). */
export const BUILT_IN_FORMS: readonly FormDefinition[] = [zabotaV1, zabotaV2, nikV1];
