import { useState } from 'react';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Typography, theme, type ThemeConfig } from 'antd';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { FirstSteps } from './components/FirstSteps.tsx';
import { HelpDrawer } from './components/HelpDrawer.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { navigate, useRoute, type Route } from './components/router.ts';
import { queryClient } from './data/cache.ts';
import { i18n, useLanguage } from './i18n.ts';
import { CampaignScreen } from './screens/CampaignScreen.tsx';
import { CampaignsScreen } from './screens/CampaignsScreen.tsx';
import { FormsScreen } from './screens/FormsScreen.tsx';
import { FormDraftScreen, FormEditorScreen } from './screens/forms/FormEditor.tsx';
import { HelpScreen } from './screens/HelpScreen.tsx';
import { SchoolsScreen } from './screens/SchoolsScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import './app.css';

/**
 * Warning text in dark gold (gold-9, 6.8:1 on white) instead of antd's default, the orange-yellow #faad14 that reads
 * at 1.9:1 — WCAG AA asks 4.5:1 for text. app.css gives the warning-coloured tags the same text colour.
 */
const THEME: ThemeConfig = { token: { colorWarningText: theme.getDesignToken().gold9 } };

type Section = 'schools' | 'campaigns' | 'forms' | 'settings' | 'help';

function sectionOf(route: Route): Section {
  if (route.screen === 'campaign') return 'campaigns';
  if (route.screen === 'form' || route.screen === 'formDraft') return 'forms';
  return route.screen;
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'schools':
      return <SchoolsScreen />;
    case 'campaigns':
      return <CampaignsScreen />;
    case 'campaign':
      return <CampaignScreen id={route.id} tab={route.tab} />;
    case 'forms':
      return <FormsScreen />;
    case 'form':
      return <FormEditorScreen key={`${route.id}@${route.version}`} id={route.id} version={route.version} />;
    case 'formDraft':
      return <FormDraftScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'help':
      return <HelpScreen />;
  }
}

function Shell() {
  const { t } = useTranslation();
  const { language, antdLocale } = useLanguage();
  const route = useRoute();
  const [helpOpen, setHelpOpen] = useState(false);
  const sections: Section[] = ['schools', 'campaigns', 'forms', 'settings', 'help'];
  // The help page is named in the help texts; the other sections in the ui texts.
  const sectionLabel = (key: Section) => (key === 'help' ? t('help.nav') : t(`ui.nav.${key}`));
  return (
    <ConfigProvider locale={antdLocale} theme={THEME}>
      {/* Messages appear below the 64 px header, never over the navigation or the language switch. */}
      <AntApp message={{ top: 72 }}>
        <Layout className="shell">
          <Layout.Header className="shell-header">
            <Typography.Title level={1} className="shell-title">
              {t('ui.appName')}
            </Typography.Title>
            <nav aria-label={t('ui.nav.label')} className="shell-nav">
              <Menu
                mode="horizontal"
                theme="dark"
                selectedKeys={[sectionOf(route)]}
                onClick={({ key }) => navigate({ screen: key as Section })}
                items={sections.map((key) => ({ key, label: <span data-testid={`nav-${key}`}>{sectionLabel(key)}</span> }))}
              />
            </nav>
            <Button
              ghost
              icon={<QuestionCircleOutlined />}
              onClick={() => setHelpOpen(true)}
              title={t('help.buttonHint')}
              data-testid="help-open"
            >
              {t('help.button')}
            </Button>
            <LanguageSwitch language={language} />
          </Layout.Header>
          <Layout.Content className="shell-content">
            <main>
              {/* The start screen opens with what to do first, until all of it is done. */}
              {route.screen === 'schools' && <FirstSteps />}
              <Screen route={route} />
            </main>
          </Layout.Content>
        </Layout>
        <HelpDrawer route={route} open={helpOpen} onClose={() => setHelpOpen(false)} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Shell />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
