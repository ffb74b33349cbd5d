import { Decimal } from 'decimal.js';
import { DomainErrorCode, ensure } from '../errors/domain-rule-error';

/**
 * The Decimal constructor used by every incentive rule: 50 significant digits, half-even rounding.
 * A private clone, so the global Decimal configuration of the host application is never touched.
 */
export const Dec = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 60,
});

/**
 * Plain decimal text of `value` (never exponent notation): with `decimals`, rounded half-even and
 * padded to exactly that many digits; without, every significant digit. The one place decimals
 * become text.
 */
export function decimalText(value: Decimal | string, decimals?: number): string {
  let d = new Dec(value);
  if (decimals !== undefined) d = d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN);
  if (d.isZero()) d = new Dec(0);
  const text = d.toString(); // exponent-free: toExpNeg/toExpPos of Dec exceed any amount we handle
  if (decimals === undefined || decimals === 0) return text;
  const [int, frac = ''] = text.split('.');
  return `${int}.${frac.padEnd(decimals, '0')}`;
}

/** A decimal quantity that is not money (a percentage, an FTE, a metric value). */
export type DecimalInput = string | number | Decimal;

/** A money amount: a decimal string such as "1234.50" or a Decimal — never a JS number. */
export type MoneyInput = string | Decimal;

/** Languages of explanations. */
export type Lang = 'en' | 'fr';

/** A text in every supported language. */
export interface LocalisedText {
  readonly en: string;
  readonly fr: string;
}

/** Converts a non-money quantity to a finite Decimal; throws INVALID_ARGUMENT otherwise. */
export function toDecimal(value: DecimalInput, name: string): Decimal {
  let d: Decimal | null;
  try {
    d = new Dec(value);
  } catch {
    d = null;
  }
  ensure(
    d !== null && d.isFinite(),
    DomainErrorCode.INVALID_ARGUMENT,
    `${name} must be a finite number, got "${String(value)}"`,
    {
      name,
    },
  );
  return d;
}

/** Parses a money amount (string or Decimal, at most 2 decimals, ≥ 0 unless allowNegative). */
export function toMoney(value: MoneyInput, name: string, allowNegative = false): Decimal {
  ensure(
    typeof value === 'string' || Decimal.isDecimal(value),
    DomainErrorCode.INVALID_MONEY,
    `${name} must be a decimal string or a Decimal, never a JS number`,
    { name },
  );
  let d: Decimal;
  try {
    d = new Dec(value);
  } catch {
    d = new Dec(Number.NaN);
  }
  ensure(d.isFinite(), DomainErrorCode.INVALID_MONEY, `${name} is not an amount: "${String(value)}"`, {
    name,
  });
  ensure(d.decimalPlaces() <= 2, DomainErrorCode.INVALID_MONEY, `${name} has more than two decimals`, {
    name,
    value: d.toString(),
  });
  ensure(allowNegative || d.gte(0), DomainErrorCode.INVALID_MONEY, `${name} must not be negative`, {
    name,
    value: d.toString(),
  });
  return d;
}

/** Rounds to the cent, half to even ("banker's rounding": 0.125 → 0.12, 0.135 → 0.14). */
export function roundToCent(value: Decimal): Decimal {
  return new Dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
}

/** Money as a canonical string with exactly two decimals ("1234.50"); rounds half-even if needed. */
export function moneyString(value: Decimal): string {
  return decimalText(value, 2);
}

/** Integer number of cents of an amount with at most two decimals. */
export function toCents(value: Decimal): Decimal {
  return new Dec(value).times(100);
}

/**
 * Money text of a non-negative integer number of cents, without Decimal (hot paths: 600,000 lines
 * of a run): 123456 → "1234.56", 5 → "0.05". A BigInt, or a safe integer.
 */
export function centsText(cents: number | bigint): string {
  ensure(
    typeof cents === 'bigint' ? cents >= 0n : Number.isSafeInteger(cents) && cents >= 0,
    DomainErrorCode.INVALID_MONEY,
    `cents must be a non-negative integer, got ${String(cents)}`,
  );
  const digits = String(cents).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Amount of an integer number of cents. */
export function fromCents(cents: Decimal): Decimal {
  return new Dec(cents).dividedBy(100);
}

const SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', CHF: 'CHF', CAD: 'CA$' };
const NBSP = '\u00a0';
const NNBSP = '\u202f';

function groupThousands(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Formats a decimal for display with up to `maxDecimals` digits (half-even), trailing zeros trimmed. */
export function formatDecimal(value: Decimal, lang: Lang, maxDecimals = 2): string {
  const rounded = new Dec(value).toDecimalPlaces(maxDecimals, Decimal.ROUND_HALF_EVEN);
  const text = decimalText(rounded);
  const [int, frac] = text.split('.') as [string, string | undefined];
  const negative = int.startsWith('-');
  const digits = negative ? int.slice(1) : int;
  const grouped = groupThousands(digits, lang === 'en' ? ',' : NNBSP);
  return `${negative ? '-' : ''}${grouped}${frac ? (lang === 'en' ? '.' : ',') + frac : ''}`;
}

/** Formats money for display: "€1,234.50" in English, "1 234,50 €" in French (no-break spaces). */
export function formatMoney(value: Decimal, currency: string, lang: Lang): string {
  const text = moneyString(value);
  const negative = text.startsWith('-');
  const [int, frac] = (negative ? text.slice(1) : text).split('.') as [string, string];
  const symbol = SYMBOLS[currency] ?? currency;
  const sign = negative ? '-' : '';
  if (lang === 'en') {
    const body = `${groupThousands(int, ',')}.${frac}`;
    return symbol.length === 1 ? `${sign}${symbol}${body}` : `${sign}${symbol}${NBSP}${body}`;
  }
  return `${sign}${groupThousands(int, NNBSP)},${frac}${NBSP}${symbol}`;
}

/** Formats a percentage for display: "126.7%" / "126,7 %" (at most one decimal, half-even). */
export function formatPercent(value: Decimal, lang: Lang): string {
  return lang === 'en' ? `${formatDecimal(value, lang, 1)}%` : `${formatDecimal(value, lang, 1)}${NBSP}%`;
}
