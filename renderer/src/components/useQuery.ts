// Reads from the API and reads again on demand: the database is the truth, screens keep no copy of their own.
import { useCallback, useEffect, useState } from 'react';
import type { ApiInput, ApiName, ApiOutput } from '../../../shared/api/index.ts';
import { call } from '../../api.ts';

export interface Query<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
  /** Takes data an API call has already answered with (e.g. the list after a delete), instead of reading again. */
  setData: (data: T) => void;
}

export function useQuery<K extends ApiName>(name: K, input: ApiInput<K>): Query<ApiOutput<K>> {
  const [data, setData] = useState<ApiOutput<K>>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const inputKey = JSON.stringify(input);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await call(name, JSON.parse(inputKey) as ApiInput<K>));
      setError(undefined);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [name, inputKey]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload, setData };
}
