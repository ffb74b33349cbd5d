import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyRecurrenceFieldsFragment } from '../../../gql/graphql';
import { useFormatters } from '../../../platform/i18n/format';

/** "Every 2 weeks, from 3 March 2026 09:00 · open 5 days · 6 waves", or the one-off dates. */
export function useRecurrenceText(): (recurrence: SurveyRecurrenceFieldsFragment | null) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  return useCallback(
    (recurrence) => {
      if (!recurrence) return t('surveys.recurrence.none');
      if (recurrence.kind === 'ONE_OFF') {
        return t('surveys.recurrence.oneOff', {
          opens: format.dateTime(recurrence.opensAt),
          closes: recurrence.closesAt ? format.dateTime(recurrence.closesAt) : '—',
        });
      }
      const interval = recurrence.interval ?? 1;
      return t('surveys.recurrence.recurring', {
        every:
          recurrence.kind === 'WEEKLY'
            ? t('surveys.recurrence.everyWeeks', { count: interval })
            : t('surveys.recurrence.everyMonths', { count: interval }),
        start: format.dateTime(recurrence.opensAt),
        open: t('surveys.recurrence.openDays', { count: recurrence.openForDays ?? 0 }),
        waves: recurrence.waveCount
          ? t('surveys.recurrence.waves', { count: recurrence.waveCount })
          : t('surveys.recurrence.untilClosed'),
      });
    },
    [t, format],
  );
}
