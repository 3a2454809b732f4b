// Saving a form: busy while the call runs, and the error kept to show above the form when it fails.
import { useState } from 'react';

export interface Submit {
  error: unknown;
  setError(error: unknown): void;
  saving: boolean;
  run(save: () => Promise<void>): Promise<void>;
}

export function useSubmit(): Submit {
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const run = async (save: () => Promise<void>): Promise<void> => {
    setSaving(true);
    setError(undefined);
    try {
      await save();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  return { error, setError, saving, run };
}
