// The renderer's data layer: what the queries answered, cached by TanStack Query and read again when a change
// names the data they read (the declarations in shared/api/). Screens call useApiQuery to read and change() to
// change; neither reloads anything by hand.
import { QueryClient, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { call } from '../../api.ts';
import { changedBy, readBy, type ApiInput, type ApiOutput, type ChangeName, type QueryName } from '../../../shared/api/index.ts';

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
export function useApiQuery<K extends QueryName>(name: K, input: ApiInput<K>, options: { enabled?: boolean } = {}): UseQueryResult<ApiOutput<K>> {
  return useQuery({ queryKey: queryKey(name, input), queryFn: () => call(name, input), enabled: options.enabled });
}

/** Whether a change made the answer of a cached query out of date. */
function isOutdatedBy(changed: ReturnType<typeof changedBy>, cachedKey: readonly unknown[]): boolean {
  if (changed === 'all') return true;
  const reads = readBy(cachedKey[0] as QueryName);
  return changed.some((kind) => reads.includes(kind));
}

/** Reads again every cached query that read what the method changes: those on screen at once, the others when next shown. */
export async function readAgainAfter(name: ChangeName): Promise<void> {
  const changed = changedBy(name);
  if (changed === 'all' || changed.length > 0) await queryClient.invalidateQueries({ predicate: (query) => isOutdatedBy(changed, query.queryKey) });
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
