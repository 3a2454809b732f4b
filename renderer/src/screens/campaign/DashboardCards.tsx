// The overview's cards: schools reported out of those expected (with a ring), late, under revision, schools whose
// latest file was rejected (opening their list), and the days left until the schools' due date by the office's calendar.
import type { KeyboardEvent, ReactNode } from 'react';
import { Card, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CampaignSummary } from '../../../../shared/domain.ts';
import type { OpenRejections } from '../../../../shared/imports.ts';
import { formatDate, formatNumber, formatPercent } from '../../components/format.ts';
import { useLanguage } from '../../i18n.ts';
import { daysBetween } from './dashboardData.ts';

interface Props {
  summary: CampaignSummary;
  returned: number | undefined;
  rejected: OpenRejections | undefined;
  onOpenRejected: () => void;
  /** Today as YYYY-MM-DD in the office's time zone. */
  today: string;
}

interface CardProps {
  title: string;
  value: ReactNode;
  hint: string;
  testId: string;
  extra?: ReactNode;
  /** The card opens what it counts. */
  onOpen?: () => void;
}

function DashboardCard({ title, value, hint, testId, extra, onOpen }: CardProps) {
  const opens = onOpen
    ? { hoverable: true, role: 'button', tabIndex: 0, onClick: onOpen, onKeyDown: (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && onOpen() }
    : {};
  return (
    <Card size="small" className="dashboard-card" data-testid={testId} {...opens}>
      <div className="dashboard-card-body">
        {extra}
        <div className="dashboard-card-text">
          <Typography.Text type="secondary" className="dashboard-card-title">{title}</Typography.Text>
          <div className="dashboard-card-value" data-testid={`${testId}-value`}>{value}</div>
          <Typography.Text type="secondary" className="dashboard-card-hint">{hint}</Typography.Text>
        </div>
      </div>
    </Card>
  );
}

function DaysLeft({ dueOn, today }: { dueOn: string; today: string }) {
  const { t } = useTranslation();
  const left = daysBetween(today, dueOn);
  const text = left > 0 ? t('ui.dashboard.daysLeft', { count: left }) : left === 0 ? t('ui.dashboard.dueToday') : t('ui.dashboard.overdue', { count: -left });
  return (
    <DashboardCard
      title={t('ui.dashboard.due', { date: formatDate(dueOn) })}
      value={<span className={left < 0 ? 'dashboard-overdue' : undefined}>{text}</span>}
      hint={t('ui.dashboard.dueHint')}
      testId="dashboard-days-left"
    />
  );
}

function rejectedHint(t: TFunction, rejected: OpenRejections | undefined): string {
  const stray = rejected?.unattributed.length ?? 0;
  return stray > 0 ? t('ui.dashboard.rejectedStray', { count: stray }) : t('ui.dashboard.rejectedHint');
}

export function DashboardCards({ summary, returned, rejected, onOpenRejected, today }: Props) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const percent = summary.expected > 0 ? Math.round((summary.reported / summary.expected) * 100) : 0;
  return (
    <div className="dashboard-cards">
      <DashboardCard
        title={t('ui.dashboard.reported')}
        value={t('ui.dashboard.reportedOf', { reported: summary.reported, expected: summary.expected })}
        hint={t('ui.dashboard.reportedHint', { onTime: summary.onTime, late: summary.late })}
        testId="dashboard-reported"
        extra={<Progress type="circle" percent={percent} size={64} format={(shown) => formatPercent((shown ?? 0) / 100, language)} />}
      />
      <DashboardCard
        title={t('ui.dashboard.late')}
        value={formatNumber(summary.late, language)}
        hint={t('ui.dashboard.lateHint', { date: formatDate(summary.campaign.schoolDueOn) })}
        testId="dashboard-late"
      />
      <DashboardCard title={t('ui.dashboard.returned')} value={returned ?? '…'} hint={t('ui.dashboard.returnedHint')} testId="dashboard-returned" />
      <DashboardCard
        title={t('ui.dashboard.rejected')}
        value={rejected?.schools.length ?? '…'}
        hint={rejectedHint(t, rejected)}
        testId="dashboard-rejected"
        onOpen={onOpenRejected}
      />
      <DaysLeft dueOn={summary.campaign.schoolDueOn} today={today} />
    </div>
  );
}
