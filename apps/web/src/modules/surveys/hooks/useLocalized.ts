import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { localized, type LocalizedText } from '../utils/localized';

/** Picks the UI language's version of an API text ({ en, fr }). */
export function useLocalized(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((text: LocalizedText) => localized(text, language), [language]);
}
