import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { browserLocale, readStoredLocale, toLocale } from '../../../platform/i18n/locale';
import type { ShellOrganization } from './useOrganization';

/**
 * The organisation's default language applies only to people who chose none here and whose browser
 * asks for no language the app speaks.
 */
export function useOrganizationDefaultLocale(organization: ShellOrganization | null): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!organization || readStoredLocale() || browserLocale()) return;
    const locale = toLocale(organization.defaultLocale);
    if (locale && locale !== i18n.language) void i18n.changeLanguage(locale);
  }, [organization, i18n]);
}
