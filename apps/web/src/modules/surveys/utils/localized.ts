import { toLocale } from '../../../platform/i18n/locale';

/** Text the API gives in both product languages. */
export interface LocalizedText {
  en: string;
  fr: string;
}

/** The text in the UI language (French for `fr`, `fr-CA`…; English otherwise), never empty if either is set. */
export function localized(text: LocalizedText, language: string): string {
  return toLocale(language) === 'fr' ? text.fr || text.en : text.en || text.fr;
}
