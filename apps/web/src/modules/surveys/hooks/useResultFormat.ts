import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeadlineMetric } from '../utils/results';

export interface ResultFormat {
  /** A share given as 0-100: "62 %". */
  percent(value: number): string;
  /** An NPS from −100 to 100: "+32", "−5". */
  nps(value: number): string;
  /** A mean on a scale: "3.8". */
  mean(value: number): string;
  /** A correlation: "+0.42". */
  correlation(value: number): string;
  /** A headline figure of its kind. */
  headline(metric: HeadlineMetric, value: number): string;
}

export function useResultFormat(): ResultFormat {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const signed = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
    const mean = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const correlation = new Intl.NumberFormat(locale, {
      signDisplay: 'exceptZero',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const format: ResultFormat = {
      percent: (value) => percent.format(value / 100),
      nps: (value) => signed.format(value),
      mean: (value) => mean.format(value),
      correlation: (value) => correlation.format(value),
      headline: (metric, value) => (metric === 'nps' ? format.nps(value) : format.percent(value)),
    };
    return format;
  }, [locale]);
}
