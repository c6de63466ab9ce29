import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, formatAmount, formatDate, formatDateWithWeekday, formatDays, formatNumber, formatShortDate, isIsoDate, toIsoDate } from '../../../lib/render/format';

const nb = (s: string) => s.replace(/\u00A0/g, '~').replace(/\u202F/g, '^');

describe('French formatting', () => {
  it('writes dates in words, with « 1er » and no-break spaces', () => {
    expect(nb(formatDate('2026-11-23'))).toBe('23~novembre~2026');
    expect(nb(formatDate('2027-03-01'))).toBe('1er~mars~2027');
    expect(nb(formatDate('2026-08-15'))).toBe('15~août~2026');
    expect(formatDateWithWeekday('2026-11-23')).toMatch(/^lundi 23/);
    expect(formatShortDate('2026-03-01')).toBe('01/03/2026');
  });

  it('leaves an unreadable date as it is', () => {
    expect(formatDate('demain')).toBe('demain');
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('writes amounts as « 1 250,00 € » with a narrow no-break space between thousands', () => {
    expect(nb(formatAmount(1250))).toBe('1^250,00~€');
    expect(nb(formatAmount(1234567.891))).toBe('1^234^567,89~€');
    expect(nb(formatAmount(0.5))).toBe('0,50~€');
    expect(nb(formatAmount(-40))).toBe('-40,00~€');
    expect(formatAmount(Number.NaN)).toBe('');
  });

  it('writes numbers without useless decimals', () => {
    expect(nb(formatNumber(12.15))).toBe('12,15');
    expect(nb(formatNumber(3))).toBe('3');
    expect(nb(formatNumber(15000))).toBe('15^000');
  });

  it('counts calendar days across months and daylight-saving changes', () => {
    expect(daysBetween('2026-10-15', '2026-11-23')).toBe(39);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-12-28', 8)).toBe('2027-01-05');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2026-12-05', 2)).toBe('2027-02-05');
    expect(toIsoDate(new Date(2026, 10, 23, 23, 59))).toBe('2026-11-23');
    expect(nb(formatDays(1))).toBe('1~jour');
    expect(nb(formatDays(12))).toBe('12~jours');
  });
});
