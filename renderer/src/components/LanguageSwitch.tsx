import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/i18n.ts';
import { setLanguage } from '../i18n.ts';

/** kk / ru / en, each named in its own language; the choice is remembered. */
export function LanguageSwitch({ language }: { language: UiLanguage }) {
  const { t } = useTranslation();
  return (
    <Segmented<UiLanguage>
      data-testid="language-switch"
      aria-label={t('ui.language.label')}
      value={language}
      onChange={setLanguage}
      options={UI_LANGUAGES.map((lng) => ({
        value: lng,
        label: <span data-testid={`language-${lng}`} lang={lng}>{t(`ui.language.${lng}`)}</span>,
      }))}
    />
  );
}
