// The page on how a campaign goes, step by step (settings, registry, campaign, plan, templates, import, summary,
// export, next year), from shared/locales/*/help.json; it prints without the shell around it (see app.css).
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

interface GuideStep {
  title: string;
  text: string;
}

function isGuideStep(value: unknown): value is GuideStep {
  return (
    typeof value === 'object' &&
    value !== null &&
    'title' in value &&
    typeof value.title === 'string' &&
    'text' in value &&
    typeof value.text === 'string'
  );
}

/** The guide's steps from the locale (an array of { title, text } there); anything else is left out. */
function guideSteps(t: TFunction): GuideStep[] {
  const value: unknown = t('help.guide.steps', { returnObjects: true });
  return Array.isArray(value) ? value.filter(isGuideStep) : [];
}

export function HelpScreen() {
  const { t } = useTranslation();
  const steps = guideSteps(t);
  return (
    <section aria-labelledby="help-page-title" data-testid="help-screen" className="help-page help-text">
      <div className="toolbar help-no-print">
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="help-print">
          {t('help.print')}
        </Button>
      </div>
      <Typography.Title level={2} id="help-page-title" data-testid="help-title">
        {t('help.guide.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('help.guide.intro')}</Typography.Paragraph>
      <ol className="help-steps">
        {steps.map((step) => (
          <li key={step.title} data-testid="help-step" className="help-step">
            <Typography.Title level={3} className="help-step-title">{step.title}</Typography.Title>
            <Typography.Paragraph>{step.text}</Typography.Paragraph>
          </li>
        ))}
      </ol>
    </section>
  );
}
