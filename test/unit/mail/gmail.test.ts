// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { HOST_ATTRIBUTE } from '../../../lib/mail/adapter';
import { gmail } from '../../../lib/mail/gmail';
import { inlineReply, popupCompose, settingsPage, type Lang } from '../../fixtures/gmail';
import { gmailPopoutPage } from '../../e2e/pages/gmail';

const JEAN = { name: 'Jean Dupont', email: 'jean.dupont@client-exemple.fr' };

function page(html: string) {
  document.body.innerHTML = html;
  return document;
}

describe.each<Lang>(['fr', 'en'])('Gmail adapter on saved compose DOM (%s)', (lang) => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('finds a popup compose, an inline reply and a pop-out window by attributes', () => {
    page(popupCompose({ id: 'a', lang, recipients: [JEAN] }) + inlineReply({ id: 'b', lang, replyTo: JEAN }));
    const composes = gmail.findComposes(document);
    expect(composes).toHaveLength(2);
    expect(composes.map((c) => c.body.id)).toEqual(['a-body', 'b-body']);
    expect(composes.every((c) => c.root.classList.contains('M9'))).toBe(true);

    document.documentElement.innerHTML = gmailPopoutPage(lang).replace(/^<!doctype html>/, '');
    const [popout] = gmail.findComposes(document);
    expect(popout?.root.getAttribute('role')).toBe('main');
  });

  it('ignores the signature and vacation-responder editors of Settings', () => {
    page(settingsPage(lang));
    expect(document.querySelectorAll('[g_editable]')).toHaveLength(2);
    expect(gmail.findComposes(document)).toEqual([]);
  });

  it('places one host cell right after the Send cell, with a column for it', () => {
    page(popupCompose({ id: 'a', lang }));
    const [compose] = gmail.findComposes(document);
    const cell = gmail.placeButtonHost(compose!)!;
    expect(cell.tagName).toBe('TD');
    expect(cell.previousElementSibling?.matches('td.gU.Up')).toBe(true);
    expect(cell.hasAttribute(HOST_ATTRIBUTE)).toBe(true);
    const cols = compose!.root.querySelectorAll('table.IZ col');
    expect(cols).toHaveLength(7);
    expect(cols[1]!.hasAttribute(HOST_ATTRIBUTE)).toBe(true);
    expect(gmail.toolbar(compose!)?.contains(cell)).toBe(true);
  });

  it('falls back to the Send button when the cell classes change, and gives up without a toolbar', () => {
    page(popupCompose({ id: 'a', lang }).replace('class="gU Up"', 'class="zz"'));
    const [compose] = gmail.findComposes(document);
    expect(gmail.placeButtonHost(compose!)?.previousElementSibling?.className).toBe('zz');
    compose!.root.querySelector('table.IZ')!.remove();
    expect(gmail.placeButtonHost(compose!)).toBeNull();
  });

  it('gives the subject only when it is visible: not in an inline reply', () => {
    page(popupCompose({ id: 'a', lang, subject: 'Bonjour' }) + inlineReply({ id: 'b', lang, replyTo: JEAN, subject: 'Re: Facture' }));
    const [popup, reply] = gmail.findComposes(document);
    expect(gmail.visibleSubject(popup!)?.value).toBe('Bonjour');
    expect(gmail.visibleSubject(reply!)).toBeNull();
  });

  it('reads recipients from the To chips', () => {
    page(popupCompose({ id: 'a', lang, recipients: [JEAN, { name: 'paul@exemple.fr', email: 'paul@exemple.fr' }] }));
    const [compose] = gmail.findComposes(document);
    expect(gmail.recipients(compose!)).toEqual([JEAN, { name: '', email: 'paul@exemple.fr' }]);
  });

  it('reads the recipient of an inline reply', () => {
    page(inlineReply({ id: 'b', lang, replyTo: JEAN }));
    const [compose] = gmail.findComposes(document);
    expect(gmail.recipients(compose!)).toEqual([JEAN]);
  });

  it('finds the compose of a node and the signature in the body', () => {
    page(popupCompose({ id: 'a', lang }));
    const body = document.getElementById('a-body')!;
    expect(gmail.composeOf(body.querySelector('.gmail_signature')!, document)?.body).toBe(body);
    expect(gmail.composeOf(document.querySelector('input[name="subjectbox"]')!, document)).toBeNull();
    expect(gmail.signature(body)?.textContent).toContain('Claire Martin');
  });

  it('writes the subject with an input event', () => {
    page(popupCompose({ id: 'a', lang }));
    const input = gmail.visibleSubject(gmail.findComposes(document)[0]!)!;
    let events = 0;
    input.addEventListener('input', () => events++);
    gmail.setSubject(input, 'Relance');
    expect(input.value).toBe('Relance');
    expect(events).toBe(1);
  });
});
