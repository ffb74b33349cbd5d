import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { changeLocale } from '../../../platform/i18n/i18n';
import { SUPPORTED_LOCALES, toLocale } from '../../../platform/i18n/locale';

/** Language names are written in their own language so anyone can find theirs. */
const LANGUAGE_NAMES = { en: 'English', fr: 'Français' } as const;

export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const current = toLocale(i18n.language) ?? 'en';
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          px={{ base: 6, sm: 'md' }}
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('language.choose', { language: LANGUAGE_NAMES[current] })}
          data-testid="language-menu"
        >
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {SUPPORTED_LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            onClick={() => changeLocale(locale)}
            rightSection={locale === current ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={locale === current ? 'true' : undefined}
            data-testid={`language-${locale}`}
          >
            {LANGUAGE_NAMES[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
