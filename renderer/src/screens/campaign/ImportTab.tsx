// Reports from schools: the batch import (files or folders, an outcome per file with every error and warning,
// or a check that stores nothing) and the campaign's import history.
import type { Campaign } from '../../../../shared/domain.ts';
import { BatchImport } from './BatchImport.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { useApiQuery } from '../../data/cache.ts';

export function ImportTab({ campaign }: { campaign: Campaign }) {
  const history = useApiQuery('reports.history', { campaignId: campaign.id });
  return (
    <div className="stack">
      <BatchImport campaign={campaign} />
      <ImportHistory history={history.data} loading={history.isFetching} error={history.error} campaign={campaign} />
    </div>
  );
}
