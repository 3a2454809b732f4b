// The renderer's data layer: what the queries answered, cached by TanStack Query and read again when a change
// names the data they read (the declarations in shared/api/). Screens call useApiQuery to read and change() to
// change; neither reloads anything by hand.
import { QueryClient, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { call } from '../../api.ts';
import { changesData, isQueryName, outdates, type ApiInput, type ApiOutput, type ChangeName, type QueryName } from '../../../shared/api/index.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    // An API error is an answer (a missing campaign, a locked file), not a network hiccup: show it at once.
    queries: { retry: false },
  },
});

/** The key of a query: the method and its input, so two campaigns' plans are two entries. */
function queryKey<K extends QueryName>(name: K, input: ApiInput<K>): readonly [K, ApiInput<K>] {
  return [name, input];
}

/** Reads with a query method; cached, and read again whenever a change names what it reads. */
export function useApiQuery<K extends QueryName>(name: K, input: ApiInput<K>): UseQueryResult<ApiOutput<K>> {
  return useQuery({ queryKey: queryKey(name, input), queryFn: () => call(name, input) });
}

/** Reads again every cached query that read what the method changes: those on screen at once, the others when next shown. */
export async function readAgainAfter(name: ChangeName): Promise<void> {
  if (!changesData(name)) return;
  await queryClient.invalidateQueries({ predicate: ({ queryKey: [method] }) => typeof method === 'string' && isQueryName(method) && outdates(name, method) });
}

/**
 * Calls a method that changes data, then reads again what it changed; resolves once the screens show the new data.
 * A batch of the same change (files imported one by one) passes `readAgain: false` and calls readAgainAfter once.
 */
export async function change<K extends ChangeName>(name: K, input: ApiInput<K>, options: { readAgain?: boolean } = {}): Promise<ApiOutput<K>> {
  const value = await call(name, input);
  if (options.readAgain !== false) await readAgainAfter(name);
  return value;
}

/** Reads again everything on screen: for the Refresh button (the command line may have changed the database meanwhile). */
export async function readAgainOnScreen(): Promise<void> {
  await queryClient.refetchQueries({ type: 'active' });
}
