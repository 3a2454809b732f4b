// The district's own details: the names and codes every document carries.
import { z } from 'zod';
import type { DistrictSettings } from '../domain.ts';
import { type Domain, change, query, returns } from './define.ts';
import { none, text } from './inputs.ts';

export const settingsMethods = {
  'settings.get': query({ input: none, output: returns<DistrictSettings>(), reads: ['settings'] }),
  'settings.update': change({
    input: z
      .object({
        districtRu: text(200),
        districtKk: text(200),
        regionRu: text(200),
        regionKk: text(200),
        regionCode: z.string().trim().max(2).regex(/^\d{0,2}$/),
        departmentRu: text(300),
        departmentKk: text(300),
        headName: text(200),
        departmentBin: z.string().trim().max(12).regex(/^(\d{12})?$/),
      })
      .partial(),
    output: returns<DistrictSettings>(),
    changes: ['settings'],
  }),
} satisfies Domain<'settings'>;
