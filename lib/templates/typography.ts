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
