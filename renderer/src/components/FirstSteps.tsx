// The first start's checklist on the start screen: the district's names, the registry, a campaign, its templates —
// each ticked when done and a link to its screen. Gone once all four are done.
import { CheckCircleFilled, RightCircleOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIRST_STEPS, type FirstStep } from '../../../shared/first-steps.ts';
import { routeHref, type Route } from './router.ts';
import { useApiQuery } from '../data/cache.ts';

/** The templates are saved from a campaign's tab: the link goes to the campaigns, where the specialist picks one. */
const STEP_ROUTE: Record<FirstStep, Route> = {
  settings: { screen: 'settings' },
  registry: { screen: 'schools' },
  campaign: { screen: 'campaigns' },
  templates: { screen: 'campaigns' },
};

export function FirstSteps() {
  const { t } = useTranslation();
  const steps = useApiQuery('campaigns.firstSteps', {});
  if (!steps.data || FIRST_STEPS.every((step) => steps.data?.[step])) return null;
  const done = steps.data;
  return (
    <Card size="small" className="first-steps" title={t('ui.firstSteps.title')} data-testid="first-steps">
      <Typography.Paragraph type="secondary">{t('ui.firstSteps.intro')}</Typography.Paragraph>
      <ol className="first-steps-list">
        {FIRST_STEPS.map((step) => (
          <li key={step} data-testid={`first-step-${step}`} data-done={done[step]}>
            {done[step] ? (
              <CheckCircleFilled className="first-step-done" aria-label={t('ui.firstSteps.done')} />
            ) : (
              <RightCircleOutlined aria-label={t('ui.firstSteps.todo')} />
            )}{' '}
            <a href={routeHref(STEP_ROUTE[step])}>{t(`ui.firstSteps.${step}`)}</a>
          </li>
        ))}
      </ol>
    </Card>
  );
}
