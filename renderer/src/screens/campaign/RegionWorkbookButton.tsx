// «Into the region's file» beside the district export (exports.intoRegionWorkbook): the specialist gives the region's
// own workbook, Jinaq writes the district's totals into the cells the region expects and saves the filled file, and
// lists what it could not place. Only for a campaign whose form was made from the region's file (its regionSource).
import { useRef, useState } from 'react';
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../shared/domain.ts';
import type { FileIssue } from '../../../../shared/messages.ts';
import { fileToBase64 } from '../../../api.ts';
import { FileDrop, REGION_FILE } from '../../components/FileDrop.tsx';
import { IssueList } from '../../components/IssueList.tsx';
import { useSaveAction } from '../../components/useSaveAction.ts';
import { change, useApiQuery } from '../../data/cache.ts';

function RegionWorkbookModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useTranslation();
  const file = useRef<File>(null);
  const [unplaced, setUnplaced] = useState<FileIssue[]>();
  const { busy, save } = useSaveAction(async () => {
    const given = file.current!;
    const result = await change('exports.intoRegionWorkbook', { campaignId: campaign.id, file: { name: given.name, base64: await fileToBase64(given) } });
    setUnplaced(result.unplaced);
    return result.outcome;
  });
  return (
    <Modal open title={t('ui.summary.intoRegion.title')} onCancel={onClose} footer={null} width="min(900px, calc(100vw - 32px))">
      <div className="stack">
        <FileDrop
          multiple={false}
          disabled={busy}
          accept={REGION_FILE}
          title={t('ui.summary.intoRegion.drop')}
          hint={t('ui.summary.intoRegion.hint')}
          testId="region-workbook-drop"
          onFiles={([given]) => {
            if (!given) return;
            file.current = given;
            setUnplaced(undefined);
            save();
          }}
        />
        {unplaced && unplaced.length === 0 && <Alert type="success" showIcon data-testid="region-workbook-placed" title={t('ui.summary.intoRegion.allPlaced')} />}
        {unplaced && unplaced.length > 0 && (
          <div data-testid="region-workbook-unplaced">
            <Typography.Text strong>{t('ui.summary.intoRegion.unplaced')}</Typography.Text>
            <IssueList issues={unplaced} testId="region-workbook-issues" />
          </div>
        )}
      </div>
    </Modal>
  );
}

export function RegionWorkbookButton({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const form = useApiQuery('forms.get', { id: campaign.formId, version: campaign.formVersion });
  const [open, setOpen] = useState(false);
  const fromRegion = form.data?.form.regionSource !== undefined;
  return (
    <>
      <Tooltip title={form.data && !fromRegion ? t('ui.summary.intoRegion.disabled') : undefined}>
        <Button icon={<FileExcelOutlined />} disabled={!fromRegion} onClick={() => setOpen(true)} data-testid="summary-into-region">
          {t('ui.summary.intoRegion.button')}
        </Button>
      </Tooltip>
      {open && <RegionWorkbookModal campaign={campaign} onClose={() => setOpen(false)} />}
    </>
  );
}
