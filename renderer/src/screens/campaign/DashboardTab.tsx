// A campaign at a glance: the cards (reported, late, under revision, rejected — opening their list —, days left), reports received per day,
// one indicator by school, the schools still missing with a reminder for them, and values worth a second look.
// Prints on A4 (see the print rules in app.css).
import { useState } from 'react';
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../../shared/dates.ts';
import type { Campaign } from '../../../../shared/domain.ts';
import { openRejections } from '../../../../shared/imports.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DashboardCards } from './DashboardCards.tsx';
import { IndicatorChart } from './IndicatorChart.tsx';
import { MissingSchools } from './MissingSchools.tsx';
import { OutliersPanel } from './OutliersPanel.tsx';
import { ReceivedChart } from './ReceivedChart.tsx';
import { returnedSchools } from './dashboardData.ts';
import { RejectedDrawer } from './RejectedDrawer.tsx';
import { useApiQuery } from '../../data/cache.ts';
import { RefreshButton } from '../../components/RefreshButton.tsx';

export function DashboardTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const summary = useApiQuery('summary.get', { campaignId: campaign.id });
  const history = useApiQuery('reports.history', { campaignId: campaign.id });
  const settings = useApiQuery('settings.get', {});
  const today = localIsoDate();
  const [rejectedOpen, setRejectedOpen] = useState(false);
  const rejected = history.data && openRejections(history.data);

  return (
    <div className="dashboard stack" data-testid="dashboard">
      <div className="toolbar no-print">
        <RefreshButton />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="dashboard-print">
          {t('ui.dashboard.print')}
        </Button>
      </div>
      <ErrorAlert error={summary.error ?? history.error ?? settings.error} testId="dashboard-error" />
      {summary.isPending && <Spin />}
      {summary.data && (
        <>
          <DashboardCards
            summary={summary.data}
            returned={history.data && returnedSchools(history.data)}
            rejected={rejected}
            onOpenRejected={() => setRejectedOpen(true)}
            today={today}
          />
          <div className="dashboard-charts">
            <ReceivedChart summary={summary.data} />
            <IndicatorChart summary={summary.data} />
          </div>
          <div className="dashboard-lists">
            <MissingSchools summary={summary.data} settings={settings.data} today={today} />
            <OutliersPanel summary={summary.data} />
          </div>
        </>
      )}
      <RejectedDrawer
        campaignId={campaign.id}
        rejected={rejected}
        open={rejectedOpen}
        onClose={() => setRejectedOpen(false)}
      />
    </div>
  );
}
