import { Decimal } from 'decimal.js';
import {
  centsText,
  Dec,
  formatDecimal,
  formatMoney,
  formatPercent,
  moneyString,
  roundToCent,
  toDecimal,
  toMoney,
} from './money';

describe('money helpers', () => {
  it('prints integer cents as money text, exactly beyond 2^53 with a BigInt, refusing fractions and negatives', () => {
    expect(centsText(123456)).toBe('1234.56');
    expect(centsText(5)).toBe('0.05');
    expect(centsText(0)).toBe('0.00');
    expect(centsText(12345678901234567890n)).toBe('123456789012345678.90');
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, -1n])
      expect(() => centsText(bad)).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
  });

  it('parses decimal strings and Decimals, rejecting JS numbers, junk, negatives and sub-cent amounts', () => {
    expect(toMoney('1234.5', 'x').toString()).toBe('1234.5');
    expect(toMoney(new Decimal('10'), 'x').toString()).toBe('10');
    expect(toMoney('-3.00', 'x', true).toString()).toBe('-3');
    expect(() => toMoney(12 as unknown as string, 'x')).toThrow(
      expect.objectContaining({ code: 'INVALID_MONEY' }),
    );
    expect(() => toMoney('abc', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
    expect(() => toMoney('-1', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
    expect(() => toMoney('1.005', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
    expect(() => toMoney('Infinity', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_MONEY' }));
  });

  it('parses non-money quantities and rejects non-finite ones', () => {
    expect(toDecimal(0.1, 'x').toString()).toBe('0.1');
    expect(toDecimal('84.5', 'x').toString()).toBe('84.5');
    expect(() => toDecimal(Number.NaN, 'x')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => toDecimal('twelve', 'x')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('rounds half to even at the cent', () => {
    expect(roundToCent(new Dec('0.125')).toString()).toBe('0.12');
    expect(roundToCent(new Dec('0.135')).toString()).toBe('0.14');
    expect(roundToCent(new Dec('0.1251')).toString()).toBe('0.13');
    expect(roundToCent(new Dec('2.675')).toString()).toBe('2.68'); // exact decimal: no binary float surprise
    expect(moneyString(new Dec('7'))).toBe('7.00');
  });

  it('does not change the global Decimal configuration', () => {
    expect(Decimal.precision).toBe(20);
    expect(Dec.precision).toBe(50);
  });

  it('formats money in English and French', () => {
    expect(formatMoney(new Dec('1234567.5'), 'EUR', 'en')).toBe('€1,234,567.50');
    expect(formatMoney(new Dec('1234567.5'), 'EUR', 'fr')).toBe('1\u202f234\u202f567,50\u00a0€');
    expect(formatMoney(new Dec('-5'), 'USD', 'en')).toBe('-$5.00');
    expect(formatMoney(new Dec('12'), 'SEK', 'en')).toBe('SEK\u00a012.00');
    expect(formatMoney(new Dec('0.5'), 'GBP', 'fr')).toBe('0,50\u00a0£');
  });

  it('formats decimals and percentages with trimmed decimals', () => {
    expect(formatDecimal(new Dec('84'), 'en')).toBe('84');
    expect(formatDecimal(new Dec('84.256'), 'fr')).toBe('84,26');
    expect(formatDecimal(new Dec('-0.001'), 'en')).toBe('0');
    expect(formatPercent(new Dec('126.666666'), 'en')).toBe('126.7%');
    expect(formatPercent(new Dec('40'), 'fr')).toBe('40\u00a0%');
  });
});
