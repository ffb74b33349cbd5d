export const SUPPORTED_LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const STORAGE_KEY = 'symmetry.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** `fr-CA` → `fr`; null when the language is not one the app speaks. */
export function toLocale(tag: string | null | undefined): Locale | null {
  const base = tag?.toLowerCase().split('-')[0];
  return isLocale(base) ? base : null;
}

export function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage can be disabled (private mode, policies): the choice then lasts for this page only.
  }
}

/** The first of the browser's preferred languages that the app speaks. */
export function browserLocale(): Locale | null {
  const tags = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of tags) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return null;
}

/** Remembered choice first, then the browser's languages, then English. */
export function initialLocale(): Locale {
  return readStoredLocale() ?? browserLocale() ?? 'en';
}
