/**
 * Reading a person's name from a mail client's recipient chip, for the
 * « Bonjour Madame Durand » greeting. Display names come as « Claire Durand »,
 * « DURAND Claire » (directories put the surname first, in capitals),
 * « Durand, Claire » (Outlook), or just an address.
 */

function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-'’\s])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

const isUpper = (w: string) => /\p{Lu}/u.test(w) && w === w.toUpperCase();

/** The display name without an e-mail address or quotes, or '' when it is only an address. */
export function cleanName(displayName: string): string {
  const name = displayName.replace(/<[^>]*>/g, '').replace(/["“”]/g, '').trim();
  return name.includes('@') ? '' : name.replace(/\s+/g, ' ');
}

/** The surname, as it would follow « Madame » or « Monsieur ». */
export function surnameOf(displayName: string): string {
  const name = cleanName(displayName);
  if (!name) return '';
  if (name.includes(',')) return titleCaseIfUpper(name.split(',')[0]!.trim());
  const words = name.split(' ');
  if (words.length === 1) return titleCaseIfUpper(words[0]!);
  const upper = words.filter(isUpper);
  if (upper.length && upper.length < words.length) return titleCase(upper.join(' '));
  return words.slice(1).join(' ');
}

function titleCaseIfUpper(name: string): string {
  return isUpper(name) ? titleCase(name) : name;
}
