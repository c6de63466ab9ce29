// A small stand-in for Gmail's own scripts in the test mailbox: it opens, minimises, maximises,
// re-renders and closes compose windows the way Gmail mutates its DOM, and listens for Gmail's
// single-key shortcuts. It runs under Gmail's CSP (require-trusted-types-for 'script'), so it
// only clones <template>s and sets text: no HTML strings.
(() => {
  'use strict';
  let next = 1;
  const log = (window.simLog = []);
  const $ = (sel, root = document) => root.querySelector(sel);

  function clone(id, composeId) {
    const node = $(`#${id}`).content.cloneNode(true);
    for (const el of node.querySelectorAll('*')) {
      for (const attr of ['id', 'aria-labelledby', 'value']) {
        const v = el.getAttribute(attr);
        if (v && v.includes('TPLID')) el.setAttribute(attr, v.replaceAll('TPLID', composeId));
      }
    }
    return node;
  }

  function rerenderToolbar(root) {
    const slot = $('.aDh', root);
    slot.replaceChildren(clone('tpl-toolbar', ''));
  }

  function compose() {
    const id = `c${next++}`;
    const dialog = clone('tpl-compose', id).firstElementChild;
    dialog.dataset.simCompose = id;
    $('#moles').append(dialog);
    $('input[role="combobox"]', dialog).focus();
    log.push(`compose:${id}`);
    return id;
  }

  function reply() {
    const id = `r${next++}`;
    const node = clone('tpl-reply', id).firstElementChild;
    node.dataset.simCompose = id;
    $('#reply-slot').replaceChildren(node);
    const body = $('[g_editable]', node);
    body.focus();
    const range = document.createRange();
    range.setStart(body, 0);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return id;
  }

  const byId = (id) => $(`[data-sim-compose="${id}"]`);

  function minimize(id) {
    const c = byId(id);
    c.classList.toggle('sim-min');
    rerenderToolbar(c);
  }

  function maximize(id) {
    const c = byId(id);
    const full = $('#fullscreen');
    if (c.parentElement === full) {
      $('#moles').append(c);
      full.parentElement.hidden = true;
    } else {
      full.append(c);
      full.parentElement.hidden = false;
    }
    rerenderToolbar(c);
  }

  // A Gmail build whose bottom bar we do not recognise (then restored).
  function dropToolbar(id) {
    $('.aDh', byId(id)).replaceChildren();
  }

  function close(id) {
    byId(id)?.remove();
    log.push(`close:${id}`);
  }

  function openSettings() {
    $('#main').replaceChildren(clone('tpl-settings', 'settings'));
  }

  window.gmailSim = { compose, reply, minimize, maximize, close, dropToolbar, rerenderToolbar: (id, times = 1) => { for (let i = 0; i < times; i++) rerenderToolbar(byId(id)); }, openSettings };

  document.addEventListener('click', (e) => {
    const target = e.target.closest('[data-sim]');
    if (!target) return;
    const c = target.closest('[data-sim-compose]');
    const action = target.dataset.sim;
    if (action === 'compose') compose();
    else if (action === 'reply') reply();
    else if (action === 'send' && c) close(c.dataset.simCompose);
    else if (c && window.gmailSim[action]) window.gmailSim[action](c.dataset.simCompose);
  });

  // Typing an address in To and pressing Enter makes a recipient chip, named from the contacts.
  const contacts = { 'jean.dupont@client-exemple.fr': 'Jean Dupont', 'claire.durand@fournisseur-exemple.fr': 'DURAND Claire' };
  document.addEventListener('keydown', (e) => {
    const input = e.target.closest && e.target.closest('[name="to"] input');
    if (!input || e.key !== 'Enter' || !input.value.trim()) return;
    e.preventDefault();
    const email = input.value.trim();
    const chip = document.createElement('div');
    chip.setAttribute('role', 'option');
    chip.className = 'afX';
    chip.dataset.name = contacts[email] || email;
    chip.dataset.hovercardId = email;
    chip.textContent = contacts[email] || email;
    input.closest('[name="to"]').querySelector('[role="listbox"]').append(chip);
    input.value = '';
  }, true);

  // Gmail's keyboard shortcuts: single keys outside editable fields (c = compose, / = search…).
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const editable = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
    log.push(`keydown:${e.key}`);
    if (editable || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'c') compose();
    if (e.key === '/') { e.preventDefault(); $('#search').focus(); }
  });
})();
