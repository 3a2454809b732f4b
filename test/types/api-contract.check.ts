// Compile-time tests of the API contract (checked by `tsc` in `npm test`; nothing here runs). Every expected
// error below must happen: if the contract stopped catching one, tsc would report the directive as unused and fail.
import { z } from 'zod';
import { change, query, returns, type Domain } from '../../shared/api/define.ts';
import type { ApiArgs, ApiInput, ApiOutput } from '../../shared/api/index.ts';
import type { School } from '../../shared/domain.ts';
import { handlers, type Handlers } from '../../main/api.ts';

// A method declared but not handled.
const { 'schools.list': _handledElsewhere, ...allButOne } = handlers;
// @ts-expect-error Property ''schools.list'' is missing
export const missingHandler: Handlers = allButOne;

// A handler no declaration asks for.
// @ts-expect-error Object literal may only specify known properties
export const extraHandler: Handlers = { ...handlers, 'schools.fly': async () => null };

// A handler that answers with something other than its declared output.
export const wrongOutput: Handlers = {
  ...handlers,
  // @ts-expect-error Type 'Promise<string>' is not assignable to type 'Promise<School[]>'
  'schools.list': async () => 'schools',
};

// A method declared in another domain's file.
export const misplaced = {
  'schools.list': query({ input: z.object({}), output: returns<School[]>(), reads: ['schools'] }),
  // @ts-expect-error 'forms.copy' does not start with 'schools.'
  'forms.copy': change({ input: z.object({}), output: returns<School>(), changes: ['forms'] }),
} satisfies Domain<'schools'>;

// A change naming data the app does not keep.
// @ts-expect-error Type '"pupils"' is not assignable to type 'DataKind'
export const unknownData = change({ input: z.object({}), output: returns<School>(), changes: ['pupils'] });

// Types derived from the declarations: a caller may leave out a default; a handler always receives it.
export const callerInput: ApiInput<'schools.list'> = {};
// @ts-expect-error Property 'includeClosed' is missing
export const handlerArgs: ApiArgs<'schools.list'> = {};
export const output: ApiOutput<'schools.list'> = [] satisfies School[];
// @ts-expect-error a method nobody declared has no input type
export type NoSuchMethod = ApiInput<'schools.fly'>;
