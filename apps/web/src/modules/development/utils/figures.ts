import { Decimal } from 'decimal.js';

/** Change of a figure since the previous period; null when either side is unknown. */
export function figureDelta(
  value: number | null | undefined,
  previous: number | null | undefined,
): number | null {
  if (value === null || value === undefined || previous === null || previous === undefined) return null;
  return value - previous;
}

/** Chart rows of an autonomy trend: the team (or person) and the organisation, month by month. */
export function autonomySeries(
  trend: readonly {
    month: string;
    settledWithoutEscalationPercent: number | null;
    organizationPercent: number | null;
  }[],
  label: (month: string) => string,
): { month: string; own: number | null; organization: number | null }[] {
  return trend.map((p) => ({
    month: label(p.month),
    own:
      p.settledWithoutEscalationPercent === null
        ? null
        : Math.round(p.settledWithoutEscalationPercent * 10) / 10,
    organization: p.organizationPercent === null ? null : Math.round(p.organizationPercent * 10) / 10,
  }));
}

/** Whether a decision kind needs a field of the quick-entry form. */
export function decisionFields(kind: string): { escalation: boolean; justification: boolean } {
  return { escalation: kind === 'ESCALATED', justification: kind === 'BEYOND_RIGHTS' };
}

/**
 * The widest of the limits of one's decision rights, compared as decimals (never floats):
 * undefined without any right, null when one of them has no limit.
 */
export function widestLimit(limits: readonly (string | null)[]): string | null | undefined {
  if (limits.length === 0) return undefined;
  if (limits.some((l) => l === null)) return null;
  return (limits as string[]).reduce((best, l) => (new Decimal(l).gt(best) ? l : best));
}

/** The text of an amount field as the API's Decimal string ("49,90" → "49.90"); null when empty. */
export function amountValue(text: string): string | null {
  const s = text.trim().replace(',', '.');
  return s === '' ? null : s;
}
