import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestState } from '../../../gql/graphql';
import { dueDistance, situationOf, type RequestTiming } from '../utils/request-status';

export type Audience = 'requester' | 'service';

/** Words for requests: due moments ("Thursday 14:00"), states and the line "Due … — on track". */
export function useRequestText() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const formats = useMemo(
    () => ({
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
      weekday: new Intl.DateTimeFormat(locale, { weekday: 'long' }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    }),
    [locale],
  );

  /** "today 14:00", "tomorrow 09:30", "Thursday 14:00", or a date with its time. */
  const when = useCallback(
    (iso: string) => {
      const instant = new Date(iso);
      if (Number.isNaN(instant.getTime())) return iso;
      const time = formats.time.format(instant);
      switch (dueDistance(iso)) {
        case 'today':
          return t('desk.due.today', { time });
        case 'tomorrow':
          return t('desk.due.tomorrow', { time });
        case 'week':
          return t('desk.due.week', { weekday: formats.weekday.format(instant), time });
        default:
          return formats.date.format(instant);
      }
    },
    [formats, t],
  );

  const state = useCallback(
    (value: RequestState, audience: Audience) =>
      value === 'WAITING_ON_REQUESTER' && audience === 'requester'
        ? t('desk.state.WAITING_ON_REQUESTER_requester')
        : t(`desk.state.${value}`),
    [t],
  );

  /** The line under a request: when it is due and how it stands, paused, or resolved (met or missed). */
  const situation = useCallback(
    (request: RequestTiming, audience: Audience) => {
      const current = situationOf(request);
      switch (current.kind) {
        case 'paused':
          return t('desk.situation.paused', { context: audience });
        case 'resolved':
          return current.met ? t('desk.situation.resolvedMet') : t('desk.situation.resolvedMissed');
        case 'closed':
          return current.met ? t('desk.situation.closedMet') : t('desk.situation.closedMissed');
        default: {
          const line = t('desk.situation.due', {
            when: when(current.dueAt),
            status: t(`desk.statusWords.${current.status}`),
          });
          return current.renegotiated ? `${line} ${t('desk.situation.renegotiated')}` : line;
        }
      }
    },
    [t, when],
  );

  const localized = useCallback(
    (text: { en: string; fr: string }) => (locale.startsWith('fr') ? text.fr : text.en),
    [locale],
  );

  return { when, state, situation, localized };
}
