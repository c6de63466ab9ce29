// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { HOST_ATTRIBUTE } from '../../../lib/mail/adapter';
import { outlook } from '../../../lib/mail/outlook';
import type { Lang } from '../../fixtures/fragments';
import { calendarEvent, mainArea, outlookCompose, popoutForm, readMessage, replyBody, settingsSignature } from '../../fixtures/outlook';

const JEAN = { name: 'Jean Dupont', email: 'jean.dupont@client-exemple.fr' };

describe.each<Lang>(['fr', 'en'])('Outlook adapter on saved compose DOM (%s)', (lang) => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('finds a new message, an inline reply below the read message, and the pop-out form', () => {
    document.body.innerHTML =
      mainArea(outlookCompose({ id: 'n1', lang, recipients: [JEAN] }), lang) +
      mainArea(readMessage(lang, JEAN, 'Facture', 'Bonjour') + outlookCompose({ id: 'r1', lang, hideSubject: true, body: replyBody(lang, JEAN, 'Facture', 'Bonjour') }), lang) +
      popoutForm(outlookCompose({ id: 'p1', lang }));
    const composes = outlook.findComposes(document);
    expect(composes.map((c) => c.body.id)).toEqual(['n1-body', 'r1-body', 'p1-body']);
    expect(composes[2]!.root.getAttribute('data-app-section')).toBe('Form_Content');
    // Never the recipient wells or the read-only message body.
    for (const c of composes) expect(c.body.getAttribute('aria-multiline')).toBe('true');
  });

  it('ignores the calendar event form, the signature editor and the read-only view', () => {
    document.body.innerHTML = calendarEvent(lang) + settingsSignature(lang) + mainArea(readMessage(lang, JEAN, 'Facture', 'Bonjour'), lang);
    expect(document.querySelectorAll('[contenteditable="true"][aria-multiline="true"]')).toHaveLength(2);
    expect(outlook.findComposes(document)).toEqual([]);
  });

  it('places the button host right after the Send split button', () => {
    document.body.innerHTML = mainArea(outlookCompose({ id: 'n1', lang }), lang);
    const [compose] = outlook.findComposes(document);
    const host = outlook.placeButtonHost(compose!)!;
    expect(host.hasAttribute(HOST_ATTRIBUTE)).toBe(true);
    expect(host.previousElementSibling?.classList.contains('fui-SplitButton')).toBe(true);
    expect(outlook.toolbar(compose!)?.contains(host)).toBe(true);
  });

  it('finds Send by its label when the split button id changes', () => {
    document.body.innerHTML = mainArea(outlookCompose({ id: 'n1', lang }).replace(/id="splitButton-[^"]*"/, 'id="x"'), lang);
    expect(outlook.findComposes(document)).toHaveLength(1);
  });

  it('gives the subject of a new message, not of an inline reply', () => {
    document.body.innerHTML =
      mainArea(outlookCompose({ id: 'n1', lang, subject: 'Devis' }), lang) + mainArea(outlookCompose({ id: 'r1', lang, hideSubject: true, subject: 'RE: Facture' }), lang);
    const [fresh, reply] = outlook.findComposes(document);
    expect(outlook.visibleSubject(fresh!)?.value).toBe('Devis');
    expect(outlook.visibleSubject(reply!)).toBeNull();
  });

  it('reads the recipients of the To well and the signature of the body', () => {
    document.body.innerHTML = mainArea(outlookCompose({ id: 'n1', lang, recipients: [JEAN, { name: 'paul@exemple.fr', email: 'paul@exemple.fr' }] }), lang);
    const [compose] = outlook.findComposes(document);
    expect(outlook.recipients(compose!)).toEqual([JEAN, { name: '', email: 'paul@exemple.fr' }]);
    expect(outlook.signature(compose!.body)?.id).toBe('Signature');
    expect(outlook.composeOf(compose!.body.querySelector('#Signature')!, document)?.root).toBe(compose!.root);
    expect(outlook.composeOf(compose!.root.querySelector('.well')!, document)).toBeNull();
  });
});
