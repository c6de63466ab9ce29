/**
 * French spacing applied to template text at compile time, so authors can type
 * ordinary spaces: « Objet : » gets a no-break space, « ; ! ? » a narrow
 * no-break space, guillemets no-break spaces inside. Mustache tags are left
 * untouched. Straight apostrophes between letters become typographic ones (’). Missing spaces (« Objet: ») are the linter's business, not fixed here.
 */
import { NBSP, NNBSP } from '../render/format';

const TAG = /(\{\{[\s\S]*?\}\})/;

function fixSpacing(text: string): string {
  return text
    .replace(/[ \u00A0\u202F]+([;!?])/g, `${NNBSP}$1`)
    .replace(/[ \u00A0\u202F]+([:»%€])/g, `${NBSP}$1`)
    .replace(/«[ \u00A0\u202F]+/g, `«${NBSP}`)
    .replace(/\bn°[ ]+/g, `n°${NBSP}`)
    .replace(/(\p{L})'(?=\p{L})/gu, '$1’');
}

export function frenchSpacing(source: string): string {
  return source
    .split(TAG)
    .map((part, i) => (i % 2 === 1 ? part : fixSpacing(part)))
    .join('');
}

/** Units written after a number; the space before them becomes a no-break space. */
const UNITS = String.raw`(?:€|%|h|jours?|mois|ans?|années?|semaines?|heures?|minutes?|kg|km|m²|m2|m|cm|mm|g|l|t|points?|ml|cl|dl|°C)`;
/** End of a field value in the preview (render.ts MARK.end): typography must see through it. */
const END = '\uE002?';

/**
 * The French typography of a rendered letter, template text and typed values
 * alike: ’ apostrophes, « » for straight double quotes, no-break spaces before
 * ; : ! ? and between a number and its unit (« 10 h », « 250 € », « 8 jours »),
 * « 10h30 » → « 10 h 30 », digit groups joined by a narrow no-break space,
 * list items « – ». Web and e-mail addresses are left as typed.
 */
export function typesetText(text: string): string {
  return text
    .split(/(\S*(?:@|:\/\/|www\.)\S*)/)
    .map((part, i) => (i % 2 === 1 ? part : typesetProse(part)))
    .join('');
}

function typesetProse(text: string): string {
  return fixSpacing(text)
    .replace(/"([^"\n]+)"/g, `«${NBSP}$1${NBSP}»`)
    .replace(/(\p{L})'/gu, '$1’')
    .replace(/^- /gm, `–${NBSP}`)
    .replace(/\b(\d{1,2})[ ]?h[ ]?(\d{2})\b/g, `$1${NBSP}h${NBSP}$2`)
    .replace(/(?<![\d,.])(\d{4,})(?=[ \u00A0]?€)/g, (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP))
    .replace(/(?<![\d,])(\d{1,3})[ \u00A0](?=\d{3}(?!\d))/g, `$1${NNBSP}`)
    .replace(new RegExp(String.raw`(\d${END})[ ]?(${UNITS})(?![\p{L}\d])`, 'gu'), `$1${NBSP}$2`);
}
