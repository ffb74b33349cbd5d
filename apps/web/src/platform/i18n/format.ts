import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** A calendar date `YYYY-MM-DD` (no time zone shift). */
  date(isoDate: string): string;
  /** An instant, with date and time. */
  dateTime(isoDateTime: string): string;
  /** A full-time-equivalent ratio such as "0.8" as a percentage. */
  fte(ratio: string): string;
  money(amount: string, currency: string): string;
  number(value: number): string;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const numberFormat = new Intl.NumberFormat(locale);
    return {
      date(isoDate) {
        const match = CALENDAR_DATE.exec(isoDate);
        if (!match) return isoDate;
        const [, year, month, day] = match;
        return dateFormat.format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))));
      },
      dateTime(isoDateTime) {
        const instant = new Date(isoDateTime);
        return Number.isNaN(instant.getTime()) ? isoDateTime : dateTimeFormat.format(instant);
      },
      fte(ratio) {
        const value = Number(ratio);
        return Number.isFinite(value) ? percentFormat.format(value) : ratio;
      },
      money(amount, currency) {
        const value = Number(amount);
        if (!Number.isFinite(value)) return `${amount} ${currency}`;
        try {
          // Whole amounts without cents ("€38,000"), others with them.
          const digits = Number.isInteger(value) ? 0 : undefined;
          return new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(value);
        } catch {
          return `${numberFormat.format(value)} ${currency}`;
        }
      },
      number(value) {
        return numberFormat.format(value);
      },
    };
  }, [locale]);
}
