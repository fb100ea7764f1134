// A corporate identity provider the driver knows nothing about: odd labels, no autocomplete hints and a
// link that acts as the submit button. A person completes it easily; a driver should hand it over.
(function () {
  'use strict';

  const P = window.SimPage;
  const boot = P.boot;
  const el = P.el;
  const root = document.getElementById('root');

  function submit(form) {
    if (!form.elements.cid.value.trim() || !form.elements.pc.value) {
      status.textContent = 'Both fields are required.';
      return;
    }
    form.submit();
  }

  const status = el('div', {class: 'xidp-hint', role: 'status'});
  const form = el('form', {method: 'post', action: boot.endpoint, class: 'xidp-form', autocomplete: 'off'},
    el('input', {type: 'hidden', name: 'RelayState', value: boot.relayState}),
    el('div', {class: 'xidp-row'},
      el('label', {for: 'xidp-cid', text: 'Corporate ID'}),
      el('input', {id: 'xidp-cid', name: 'cid', type: 'text', spellcheck: 'false', autocapitalize: 'off'})),
    el('div', {class: 'xidp-row'},
      el('label', {for: 'xidp-pc', text: 'Passcode'}),
      el('input', {id: 'xidp-pc', name: 'pc', type: 'password', autocomplete: 'off'})),
    el('div', {class: 'xidp-row xidp-actions'},
      el('a', {href: '#', id: 'xidp-signon', class: 'xidp-signon', role: 'button', text: 'Sign on', onclick: (event) => {
        event.preventDefault();
        submit(form);
      }}),
      el('a', {href: '#', class: 'xidp-help', text: 'Trouble signing on?', onclick: (event) => event.preventDefault()})),
    status);
  // Two fields and no submit button: Enter submits only because this script says so.
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submit(form);
    }
  });

  root.textContent = '';
  root.append(el('div', {class: 'xidp-page'},
    el('div', {class: 'xidp-banner'}, el('span', {class: 'xidp-mark', 'aria-hidden': 'true', text: '◆'}), ' Example Corp'),
    el('div', {class: 'xidp-panel'},
      el('h1', {text: 'Single Sign-On'}),
      el('p', {class: 'xidp-sub', text: 'Use your Example Corp credentials to continue to AWS.'}),
      boot.error ? el('div', {class: 'xidp-error', role: 'alert', text: boot.error}) : null,
      form),
    el('p', {class: 'xidp-foot', text: 'Example Corp identity service (simulated by ssosim)'})));
})();
