// Where an imported file stands (accepted, with warnings, returned for revision, rejected, duplicate, dismissed) as a tag,
// and the mark of a report typed in by hand.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportState } from '../../../../shared/imports.ts';
import { OUTCOME_COLOR } from '../../components/StatusTag.tsx';

const COLOR: Record<ImportState, string> = { ...OUTCOME_COLOR, returned: 'orange', dismissed: 'default' };

export function ImportStateTag({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[state]} data-testid="history-state" data-state={state}>
      {t(`ui.history.state.${state}`)}
    </Tag>
  );
}

/** «entered by hand»: the report came from the keyboard, not from a school's file. */
export function ManualSourceTag() {
  const { t } = useTranslation();
  return (
    <Tag color="purple" data-testid="history-manual">
      {t('ui.history.manual')}
    </Tag>
  );
}
