// Reports from schools: the batch import (files or folders, an outcome per file with every error and warning,
// or a check that stores nothing) and the campaign's import history.
import type { Campaign } from '../../../../shared/domain.ts';
import { useQuery } from '../../components/useQuery.ts';
import { BatchImport } from './BatchImport.tsx';
import { ImportHistory } from './ImportHistory.tsx';

export function ImportTab({ campaign }: { campaign: Campaign }) {
  const history = useQuery('reports.history', { campaignId: campaign.id });
  return (
    <div className="stack">
      <BatchImport campaign={campaign} onChanged={() => void history.reload()} />
      <ImportHistory history={history.data} loading={history.loading} error={history.error} campaign={campaign} onChanged={() => void history.reload()} />
    </div>
  );
}
