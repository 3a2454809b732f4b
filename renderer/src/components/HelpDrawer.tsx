// The help drawer: a short guide to the screen on view (and, in a campaign, to the tab on view), taken from the
// route, with a link to the page on how a campaign goes. The texts live in shared/locales/*/help.json as arrays,
// read with i18next's returnObjects and checked to be strings before they are shown (as text, never as HTML).
import { Drawer, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type ruHelp from '../../../shared/locales/ru/help.json';
import { routeHref, type Route } from './router.ts';

/** A screen's guide in shared/locales/<lng>/help.json (screens.<topic>). */
type HelpTopic = keyof typeof ruHelp.screens;

/** A campaign's tabs with a guide of their own; any other tab shows what the campaign screen falls back to. */
const CAMPAIGN_TABS = new Map<string, HelpTopic>([
  ['overview', 'overview'],
  ['templates', 'templates'],
  ['import', 'import'],
  ['summary', 'summary'],
  ['plan', 'plan'],
  ['execution', 'execution'],
]);

/** The campaign screen opens on its templates tab when the address names no tab (or an unknown one). */
const DEFAULT_CAMPAIGN_TOPIC: HelpTopic = 'templates';

/** Which guide suits the route. */
function helpTopic(route: Route): HelpTopic {
  switch (route.screen) {
    case 'campaign':
      return CAMPAIGN_TABS.get(route.tab ?? '') ?? DEFAULT_CAMPAIGN_TOPIC;
    case 'form':
    case 'formDraft':
      return 'formEditor';
    default:
      return route.screen;
  }
}

/** A list of texts from the locale (an array there); anything that is not a string is left out. */
function helpTexts(t: TFunction, key: `help.screens.${HelpTopic}.${'steps' | 'notes'}`): string[] {
  const value: unknown = t(key, { returnObjects: true });
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** One screen's guide: what it is for, the steps in order, and what its common messages mean. */
function TopicBody({ topic }: { topic: HelpTopic }) {
  const { t } = useTranslation();
  const base = `help.screens.${topic}` as const;
  const steps = helpTexts(t, `${base}.steps`);
  const notes = helpTexts(t, `${base}.notes`);
  return (
    <>
      <Typography.Paragraph data-testid="help-lead">{t(`${base}.lead`)}</Typography.Paragraph>
      {steps.length > 0 && (
        <>
          <Typography.Title level={4} className="help-subtitle">{t('help.stepsTitle')}</Typography.Title>
          <ol className="help-list">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {notes.length > 0 && (
        <>
          <Typography.Title level={4} className="help-subtitle">{t('help.notesTitle')}</Typography.Title>
          {notes.map((note) => (
            <Typography.Paragraph key={note}>{note}</Typography.Paragraph>
          ))}
        </>
      )}
    </>
  );
}

export function HelpDrawer({ route, open, onClose }: { route: Route; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const topic = helpTopic(route);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={480}
      rootClassName="help-drawer"
      destroyOnHidden
      title={<span data-testid="help-title">{t(`help.screens.${topic}.title`)}</span>}
    >
      <div data-testid="help-drawer" data-topic={topic} className="help-text">
        <TopicBody topic={topic} />
        {route.screen !== 'help' && (
          <Typography.Paragraph className="help-guide-link">
            <Typography.Link href={routeHref({ screen: 'help' })} onClick={onClose} data-testid="help-campaign-guide-link">
              {t('help.guideLink')}
            </Typography.Link>
          </Typography.Paragraph>
        )}
      </div>
    </Drawer>
  );
}
