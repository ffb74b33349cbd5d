import { SurveyRuleError } from './errors';

/** A metric of one slice in one wave, after suppression: a hidden wave carries no value at all. */
export type WaveMetric =
  | { readonly wave: number; readonly shown: true; readonly value: number | null }
  | { readonly wave: number; readonly shown: false };

export type NoDeltaReason =
  'FIRST_WAVE' | 'SUPPRESSED' | 'PREVIOUS_SUPPRESSED' | 'NO_VALUE' | 'PREVIOUS_NO_VALUE';

export type TrendPoint =
  | {
      readonly wave: number;
      readonly shown: false;
      readonly delta: null;
      readonly noDeltaReason: 'SUPPRESSED';
    }
  | {
      readonly wave: number;
      readonly shown: true;
      readonly value: number | null;
      /** Change since the previous measured wave (same unit as value: points, or percentage points for %). */
      readonly delta: number | null;
      readonly previousWave: number | null;
      readonly noDeltaReason?: Exclude<NoDeltaReason, 'SUPPRESSED'>;
    };

/** Delta between two consecutive measurements; null with a reason if either side is hidden or has no value. */
export function compareWaves(
  current: WaveMetric,
  previous: WaveMetric | undefined,
): { delta: number; noDeltaReason?: undefined } | { delta: null; noDeltaReason: NoDeltaReason } {
  if (!current.shown) return { delta: null, noDeltaReason: 'SUPPRESSED' };
  if (previous === undefined) return { delta: null, noDeltaReason: 'FIRST_WAVE' };
  if (!previous.shown) return { delta: null, noDeltaReason: 'PREVIOUS_SUPPRESSED' };
  if (current.value === null) return { delta: null, noDeltaReason: 'NO_VALUE' };
  if (previous.value === null) return { delta: null, noDeltaReason: 'PREVIOUS_NO_VALUE' };
  return { delta: current.value - previous.value };
}

/**
 * Trend of one metric across waves, sorted by wave: each point's delta is against the previous wave present in the
 * series (rotating pulse items are not asked every wave); no delta when either side is suppressed or empty, and a
 * suppressed wave exposes nothing. Throws INVALID_WAVE on duplicate or non-positive wave numbers.
 */
export function trend(series: readonly WaveMetric[]): TrendPoint[] {
  const sorted = [...series].sort((a, b) => a.wave - b.wave);
  sorted.forEach((point, index) => {
    if (!Number.isSafeInteger(point.wave) || point.wave < 1) {
      throw new SurveyRuleError('INVALID_WAVE', 'Wave numbers are integers from 1', { wave: point.wave });
    }
    if (index > 0 && sorted[index - 1].wave === point.wave) {
      throw new SurveyRuleError('INVALID_WAVE', `Wave ${point.wave} appears twice`, { wave: point.wave });
    }
    if (point.shown && point.value !== null && !Number.isFinite(point.value)) {
      throw new SurveyRuleError('INVALID_ARGUMENT', `Wave ${point.wave} value is not a finite number`);
    }
  });
  return sorted.map((point, index): TrendPoint => {
    if (!point.shown) return { wave: point.wave, shown: false, delta: null, noDeltaReason: 'SUPPRESSED' };
    const previous = index > 0 ? sorted[index - 1] : undefined;
    const comparison = compareWaves(point, previous);
    const base = {
      wave: point.wave,
      shown: true as const,
      value: point.value,
      previousWave: previous?.wave ?? null,
    };
    return comparison.delta === null
      ? {
          ...base,
          delta: null,
          noDeltaReason: comparison.noDeltaReason as Exclude<NoDeltaReason, 'SUPPRESSED'>,
        }
      : { ...base, delta: comparison.delta };
  });
}
