/**
 * A greeting the user already typed in the draft (« Bonjour Madame Martin, »,
 * « Madame, », « Bonjour, »): the letter then leaves out its own, and the form
 * takes the civility and the name from it, so that the closing repeats the
 * same appel.
 */
export interface Greeting {
  line: string;
  civilite?: 'madame' | 'monsieur' | 'madame_monsieur' | 'maitre';
  nom?: string;
}

const OPENERS = /^(bonjour|bonsoir|madame|monsieur|mesdames|messieurs|maître|cher|chère|chers|chères|hello|salut|dear|hi)\b/i;

/** Reads the last line typed before the caret; null when it is not a greeting. */
export function parseGreeting(lineBefore: string): Greeting | null {
  const line = lineBefore.replace(/[\u00A0\u202F]/g, ' ').trim();
  if (!line || line.length > 80 || !OPENERS.test(line) || !/[,!]?$/.test(line) || /[.?]$/.test(line)) return null;
  const words = line.replace(/[,!]+$/, '').trim();
  const out: Greeting = { line };
  if (/\bmadame\b.*\bmonsieur\b|\bmesdames\b|\bmessieurs\b/i.test(words)) out.civilite = 'madame_monsieur';
  else if (/\bmaître\b/i.test(words)) out.civilite = 'maitre';
  else if (/\b(madame|chère)\b/i.test(words)) out.civilite = 'madame';
  else if (/\b(monsieur|cher)\b/i.test(words)) out.civilite = 'monsieur';
  const name = /\b(?:madame|monsieur)\s+(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)?)$/iu.exec(words);
  if (name && out.civilite !== 'madame_monsieur') out.nom = name[1];
  return out;
}
