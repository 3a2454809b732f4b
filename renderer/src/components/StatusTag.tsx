import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../shared/domain.ts';

/** An outcome as the user reads it: accepted with warnings is an outcome of its own. */
export type ShownOutcome = 'accepted' | 'acceptedWithWarnings' | 'rejected' | 'duplicate';

export const SHOWN_OUTCOMES: readonly ShownOutcome[] = ['accepted', 'acceptedWithWarnings', 'rejected', 'duplicate'];

/** Each outcome's tag colour; the import log's states use the same ones. */
export const OUTCOME_COLOR: Record<ShownOutcome, string> = { accepted: 'green', acceptedWithWarnings: 'gold', rejected: 'red', duplicate: 'blue' };

export function shownOutcome(outcome: Pick<ImportOutcome, 'status' | 'hasWarnings'>): ShownOutcome {
  return outcome.status === 'accepted' && outcome.hasWarnings ? 'acceptedWithWarnings' : outcome.status;
}

/** accepted / accepted with warnings / rejected / duplicate, as a colored tag. */
export function StatusTag({ outcome }: { outcome: Pick<ImportOutcome, 'status' | 'hasWarnings'> }) {
  const { t } = useTranslation();
  const shown = shownOutcome(outcome);
  return (
    <Tag color={OUTCOME_COLOR[shown]} data-testid="import-status" data-status={shown}>
      {t(`ui.import.status.${shown}`)}
    </Tag>
  );
}
