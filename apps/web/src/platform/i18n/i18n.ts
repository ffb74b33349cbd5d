import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import { initialLocale, storeLocale, type Locale } from './locale';

/** French must have every key English has: a missing translation is a type error. */
const french: typeof en = fr;

export const resources = {
  en: { translation: en },
  fr: { translation: french },
} as const;

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr'],
  defaultNS: 'translation',
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
});

function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

/** Switches the language and remembers the choice on this device. */
export function changeLocale(locale: Locale): void {
  storeLocale(locale);
  void i18n.changeLanguage(locale);
}
