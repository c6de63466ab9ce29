// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { draftText, textOf } from '../../../lib/mail/draft-text';
import { gmail } from '../../../lib/mail/gmail';
import { outlook } from '../../../lib/mail/outlook';
import { compileDraft } from '../../../lib/personal/draft';
import { draftFromMail } from '../../../lib/personal/draft-model';
import { render } from '../../../lib/render/render';
import { inlineReply, popupCompose, SIGNATURE } from '../../fixtures/gmail';
import { mainArea, outlookCompose, replyBody } from '../../fixtures/outlook';
import { context } from '../helpers';

const CLIENT = { name: 'Claire Durand', email: 'claire.durand@fournisseur-exemple.fr' };
const WRITTEN = '<div>Bonjour Madame Durand,</div><div><br></div><div>Nous avons bien reçu votre règlement de <b>1&nbsp;250,00&nbsp;€</b>.</div><div>Merci&nbsp;!</div><div><br></div><div><br></div><div>Bien cordialement,</div>';

describe('the text of a draft', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('Gmail: keeps lines and blank lines, leaves out the signature (and its « -- ») and the quoted message', () => {
    document.body.innerHTML = inlineReply({ id: 'r1', lang: 'fr', replyTo: CLIENT, subject: 'Re: Votre règlement', body: `${WRITTEN}${SIGNATURE}<br><div class="gmail_quote gmail_quote_container"><div class="gmail_attr">Le lun. 16 nov. 2026, Claire Durand a écrit :</div><blockquote class="gmail_quote">Voici le virement.</blockquote></div>` });
    const compose = gmail.findComposes(document)[0]!;
    const { text, subject, fromSelection } = draftText(gmail, compose, null);
    expect(text).toBe('Bonjour Madame Durand,\n\nNous avons bien reçu votre règlement de 1 250,00 €.\nMerci !\n\nBien cordialement,');
    expect(subject).toBe('Re: Votre règlement');
    expect(fromSelection).toBe(false);
    expect(compose.body.innerHTML).toContain('gmail_quote'); // the draft itself is untouched
  });

  it('Outlook: leaves out #Signature and everything from the reply header on', () => {
    document.body.innerHTML = mainArea(outlookCompose({ id: 'o1', lang: 'fr', subject: 'RE: Facture FA-2026-0142', body: `${WRITTEN}${replyBody('fr', CLIENT, 'Facture', 'Pouvez-vous me renvoyer la facture ?')}` }), 'fr');
    const compose = outlook.findComposes(document)[0]!;
    const { text, subject } = draftText(outlook, compose, null);
    expect(text).toBe('Bonjour Madame Durand,\n\nNous avons bien reçu votre règlement de 1 250,00 €.\nMerci !\n\nBien cordialement,');
    expect(subject).toBe('RE: Facture FA-2026-0142');
  });

  it('takes only the selection when there is one', () => {
    document.body.innerHTML = popupCompose({ id: 'c1', lang: 'fr', body: `${WRITTEN}${SIGNATURE}` });
    const compose = gmail.findComposes(document)[0]!;
    const lines = compose.body.querySelectorAll('div');
    const range = document.createRange();
    range.setStart(lines[2]!.firstChild!, 0);
    range.setEnd(lines[3]!.firstChild!, 5);
    const { text, fromSelection } = draftText(gmail, compose, range);
    expect(fromSelection).toBe(true);
    expect(text).toBe('Nous avons bien reçu votre règlement de 1 250,00 €.\nMerci');
  });

  it('reads text the way an editor lays it out: <br>, paragraphs, lists, links', () => {
    const div = document.createElement('div');
    div.innerHTML = 'Début<br>suite<p>Paragraphe</p><ul><li>un</li><li>deux</li></ul><div><a href="https://exemple.fr/cgv">nos conditions</a></div><div>   espaces   multiples  </div>';
    expect(textOf(div)).toBe('Début\nsuite\nParagraphe\n- un\n- deux\nnos conditions (https://exemple.fr/cgv)\nespaces multiples');
  });
});

describe('a draft becomes a template', () => {
  it('names it after the subject without « RE : », and turns a greeting that names the recipient into the greeting of each letter', () => {
    const draft = draftFromMail('RE : TR: Votre règlement du mois', 'Bonjour Madame Durand,\n\nNous avons bien reçu votre règlement.\n\nBien cordialement,');
    expect(draft).toMatchObject({ title: 'Votre règlement du mois', subject: 'Votre règlement du mois' });
    expect(draft.body.startsWith('{{bonjour}},\n\nNous avons bien reçu')).toBe(true);
    const { template, problems } = compileDraft(draft, context(), []);
    expect(problems).toEqual([]);
    const out = render(template!, { civilite: 'monsieur', destinataire_nom: 'Martin' }, new Date(2026, 10, 23));
    expect(out.text.startsWith('Bonjour Monsieur Martin,')).toBe(true);
    expect(draftFromMail('Merci', 'Bonjour Jean,\n\nMerci.').body).toBe('Bonjour Jean,\n\nMerci.');
    expect(draftFromMail('Merci', 'Bonjour Madame Durand,\n\nMerci.', false).body).toBe('Bonjour Madame Durand,\n\nMerci.');
  });

  it('asks for a name of 10 characters at least, and a subject', () => {
    expect(compileDraft(draftFromMail('Merci', 'Bonjour,\n\nMerci.'), context(), []).problems[0]?.message).toMatch(/nom d’au moins 10 caractères/);
    expect(compileDraft({ ...draftFromMail('', 'Bonjour,'), title: 'Un nom assez long' }, context(), []).problems[0]?.message).toMatch(/objet est vide/);
  });
});
