import { describe, expect, it } from 'vitest';
import { parseDate, parseDecimal } from '../../../lib/render/parse';

const now = new Date(2026, 10, 23);

describe('parseDecimal', () => {
  it.each([
    ['1250', 1250],
    ['1 250,50', 1250.5],
    ['1\u202F250,50 €', 1250.5],
    ['1250.5', 1250.5],
    ['1.250,00', 1250],
    ['1,250.00', 1250],
    ['1.250', 1250],
    ['12,15', 12.15],
    ['40 euros', 40],
    ['-3,5', -3.5],
  ])('reads « %s »', (input, expected) => {
    expect(parseDecimal(input)).toBe(expected);
  });

  it.each(['', 'abc', '1,2,3', '12..5', '1.25.0', '€'])('refuses « %s »', (input) => {
    expect(parseDecimal(input)).toBeNull();
  });
});

describe('parseDate', () => {
  it.each([
    ['23/11/2026', '2026-11-23'],
    ['1/3/27', '2027-03-01'],
    ['23-11-2026', '2026-11-23'],
    ['23.11.2026', '2026-11-23'],
    ['2026-11-23', '2026-11-23'],
    ['5/12', '2026-12-05'],
    ['23 novembre 2026', '2026-11-23'],
    ['1er mars 2027', '2027-03-01'],
    ['lundi 23 novembre 2026', '2026-11-23'],
    ['15 août', '2026-08-15'],
    ['15 aout 2026', '2026-08-15'],
    ['3 fév. 2027', '2027-02-03'],
    ["aujourd'hui", '2026-11-23'],
    ['demain', '2026-11-24'],
    ['+8', '2026-12-01'],
    ['J+15', '2026-12-08'],
    ['dans 30 jours', '2026-12-23'],
  ])('reads « %s »', (input, expected) => {
    expect(parseDate(input, now)).toBe(expected);
  });

  it.each(['31/02/2026', '32/01/2026', '12 brumaire', 'bientôt', '2026-13-01', ''])('refuses « %s »', (input) => {
    expect(parseDate(input, now)).toBeNull();
  });
});
