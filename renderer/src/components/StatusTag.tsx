import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../shared/domain.ts';

type Shown = 'accepted' | 'acceptedWithWarnings' | 'rejected' | 'duplicate';

const COLOR: Record<Shown, string> = { accepted: 'green', acceptedWithWarnings: 'gold', rejected: 'red', duplicate: 'blue' };

/** accepted / accepted with warnings / rejected / duplicate, as a colored tag. */
export function StatusTag({ outcome }: { outcome: Pick<ImportOutcome, 'status' | 'hasWarnings'> }) {
  const { t } = useTranslation();
  const shown: Shown = outcome.status === 'accepted' && outcome.hasWarnings ? 'acceptedWithWarnings' : outcome.status;
  return (
    <Tag color={COLOR[shown]} data-testid="import-status" data-status={shown}>
      {t(`ui.import.status.${shown}`)}
    </Tag>
  );
}
