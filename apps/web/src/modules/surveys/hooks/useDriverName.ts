import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { humanizeKey, isStandardDriver } from '../utils/results';

/** A driver key's name in the UI language (custom keys as words). */
export function useDriverName(): (key: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (key: string) => (isStandardDriver(key) ? t(`surveys.drivers.${key}`) : humanizeKey(key)),
    [t],
  );
}
