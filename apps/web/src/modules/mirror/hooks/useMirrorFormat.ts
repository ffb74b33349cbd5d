import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodKind } from '../../../gql/graphql';
import { localized, type LocalizedText } from '../../surveys/utils/localized';

interface MetricScale {
  unit: string;
  scaleMax: number;
}

export interface MirrorFormat {
  /** A raw figure in its unit: "84.5%", "+32", "5.6 / 7", "2.4 per 100". */
  value(metric: MetricScale, value: number): string;
  /** A 0-100 score, rounded. */
  score(score: number): string;
  /** A gap in points, signed. */
  gap(gap: number): string;
  /** A correlation coefficient. */
  r(r: number): string;
  number(value: number): string;
  /** A period by its first day: "May 2026", "Week of 11 May 2026", "Q2 2026". */
  period(kind: PeriodKind, start: string): string;
  /** The same, short enough for a chart axis. */
  periodShort(kind: PeriodKind, start: string): string;
  text(text: LocalizedText): string;
}

/** Mirror figures in the UI language. */
export function useMirrorFormat(): MirrorFormat {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const signedWhole = new Intl.NumberFormat(locale, {
      maximumFractionDigits: 0,
      signDisplay: 'exceptZero',
    });
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const number = new Intl.NumberFormat(locale);
    const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dayShort = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const asDate = (start: string) => new Date(`${start}T00:00:00Z`);
    const quarter = (start: string) => {
      const date = asDate(start);
      return t('mirror.periodLabel.QUARTER', {
        quarter: Math.floor(date.getUTCMonth() / 3) + 1,
        year: date.getUTCFullYear(),
      });
    };
    return {
      value(metric, value) {
        switch (metric.unit) {
          case '%':
            return percent.format(value / 100);
          case 'score':
            return signed.format(value);
          case 'scale':
            return t('mirror.units.scale', {
              value: oneDecimal.format(value),
              max: number.format(metric.scaleMax),
            });
          case 'per 100':
            return t('mirror.units.per100', { value: oneDecimal.format(value) });
          default:
            return `${oneDecimal.format(value)} ${metric.unit}`.trim();
        }
      },
      score: (score) => whole.format(score),
      gap: (gap) => signedWhole.format(Math.round(gap)),
      r: (r) => twoDecimals.format(r),
      number: (value) => number.format(value),
      period(kind, start) {
        if (kind === 'MONTH') return month.format(asDate(start));
        if (kind === 'QUARTER') return quarter(start);
        return t('mirror.periodLabel.WEEK', { date: day.format(asDate(start)) });
      },
      periodShort(kind, start) {
        if (kind === 'MONTH') return monthShort.format(asDate(start));
        if (kind === 'QUARTER') return quarter(start);
        return dayShort.format(asDate(start));
      },
      text: (text) => localized(text, locale),
    };
  }, [locale, t]);
}
