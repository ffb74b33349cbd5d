import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../platform/apollo/errors';

/** Turns any API error into a sentence in the current language. */
export function useApiErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const apiError = toApiError(error);
      switch (apiError.code) {
        case 'BAD_USER_INPUT':
          return apiError.field
            ? t('errors.BAD_USER_INPUT_field', { field: apiError.field })
            : t('errors.BAD_USER_INPUT');
        case 'TOO_MANY_REQUESTS':
          return apiError.retryAfterSeconds
            ? t('errors.TOO_MANY_REQUESTS_retry', { count: Math.ceil(apiError.retryAfterSeconds / 60) })
            : t('errors.TOO_MANY_REQUESTS');
        default:
          return t(`errors.${apiError.code}`);
      }
    },
    [t],
  );
}
