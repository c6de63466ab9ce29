import { describe, expect, it } from 'vitest';
import { cleanName, surnameOf } from '../../../lib/render/names';

describe('surnameOf', () => {
  it.each([
    ['Claire Durand', 'Durand'],
    ['Jean-Pierre de La Fontaine', 'de La Fontaine'],
    ['DURAND Claire', 'Durand'],
    ['Durand, Claire', 'Durand'],
    ['LE GALL Yann', 'Le Gall'],
    ['"Claire Durand" <claire@exemple.fr>', 'Durand'],
    ['Durand', 'Durand'],
    ['claire.durand@exemple.fr', ''],
    ['', ''],
  ])('« %s » → « %s »', (input, expected) => {
    expect(surnameOf(input)).toBe(expected);
  });

  it('drops addresses and quotes from display names', () => {
    expect(cleanName('  "Claire  Durand" <c@d.fr> ')).toBe('Claire Durand');
  });
});
