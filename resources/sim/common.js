// Shared by the simulated sign-in pages of both generations: page data, DOM building, the hidden
// metadata1 input, the cookie banner, the page API, WebAuthn and the phishing origin's input counter.
// Plain ES2017, no dependencies: the pages must work offline.
(function () {
  'use strict';

  const loadedAt = performance.now();
  const boot = JSON.parse(document.getElementById('sim-bootstrap').textContent || '{}');

  // el('button', {class: 'x', type: 'submit', onclick: fn, disabled: true}, 'Text', childNode, ...)
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) {
        continue;
      }
      if (name.startsWith('on') && typeof value === 'function') {
        node.addEventListener(name.slice(2), value);
      } else if (name === 'class') {
        node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      } else if (name === 'text') {
        node.textContent = value;
      } else if (value === true) {
        node.setAttribute(name, '');
      } else {
        node.setAttribute(name, String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) {
        continue;
      }
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  // A small neutral logo: the pages are a simulator and say so.
  function logo(className) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 64 32');
    svg.setAttribute('class', className || '');
    svg.setAttribute('aria-hidden', 'true');
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', '4');
    text.setAttribute('y', '20');
    text.setAttribute('font-size', '20');
    text.setAttribute('font-weight', '700');
    text.setAttribute('font-family', 'Helvetica, Arial, sans-serif');
    text.setAttribute('fill', 'currentColor');
    text.textContent = 'sim';
    const smile = document.createElementNS(ns, 'path');
    smile.setAttribute('d', 'M6 25 Q24 32 42 25');
    smile.setAttribute('stroke', '#ff9900');
    smile.setAttribute('stroke-width', '2.5');
    smile.setAttribute('fill', 'none');
    smile.setAttribute('stroke-linecap', 'round');
    svg.append(text, smile);
    return svg;
  }

  function afterLoad(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn, {once: true});
    } else {
      fn();
    }
  }

  // The page's form appears some time after load, as with any script-rendered page.
  function renderLater(fn) {
    afterLoad(() => setTimeout(fn, boot.renderDelayMs || 0));
  }

  // Buttons come alive in the first animation frame after they exist: a page that never paints (a hidden
  // browser) never gets there.
  function enableOnNextFrame(...buttons) {
    requestAnimationFrame(() => {
      for (const button of buttons) {
        if (button) {
          button.disabled = false;
        }
      }
    });
  }

  // The anti-automation blob: a hidden input the page script fills a while after load. The server refuses a
  // sign-in form submitted while it is still empty.
  const metadataInputs = [];
  let metadataValue = '';
  function randomText(length) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const bytes = new Uint8Array(length);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
  }
  setTimeout(() => {
    metadataValue = 'ECdITeCs:' + randomText(96);
    for (const input of metadataInputs) {
      input.value = metadataValue;
    }
  }, Math.max(0, (boot.metadataDelayMs || 0) - (performance.now() - loadedAt)));
  function metadataInput() {
    const input = el('input', {type: 'hidden', name: 'metadata1', value: metadataValue});
    metadataInputs.push(input);
    return input;
  }
  function metadata() {
    return metadataValue;
  }

  // The cookie consent banner: a fixed layer over the whole page until the user chooses.
  const banner = {open: false, node: null};
  function hasConsentCookie() {
    return document.cookie.split(';').some((part) => part.trim().startsWith('awsccc='));
  }
  // The banner brings its own styles, as the real consent widget does.
  const bannerStyle = `
    .awsccc-cs-overlay { position: fixed; inset: 0; z-index: 10000; background: rgba(15, 27, 42, 0.45);
      display: flex; align-items: flex-end; justify-content: center; }
    .awsccc-cs-container { box-sizing: border-box; width: 100%; background: #fff; color: #16191f;
      padding: 20px 32px; box-shadow: 0 -4px 20px rgba(0, 0, 0, 0.25); display: flex; flex-wrap: wrap;
      gap: 16px 32px; align-items: center; justify-content: space-between;
      font: 14px/1.45 "Amazon Ember", "Helvetica Neue", Roboto, Arial, sans-serif; }
    .awsccc-cs-text { flex: 1 1 420px; }
    .awsccc-cs-text h2 { margin: 0 0 4px; font-size: 16px; }
    .awsccc-cs-text p { margin: 0; color: #414d5c; }
    #awsccc-cb-buttons { display: flex; gap: 8px; flex-wrap: wrap; }
    .awsccc-u-btn { border-radius: 2px; padding: 6px 18px; font: inherit; font-weight: 700; cursor: pointer;
      border: 1px solid #545b64; background: #fff; color: #16191f; }
    .awsccc-u-btn-primary { background: #ec7211; border-color: #ec7211; color: #fff; }
    .awsccc-u-btn:focus-visible { outline: 2px solid #0972d3; outline-offset: 2px; }
    .awsccc-attention .awsccc-cs-container { animation: awsccc-nudge 0.35s; }
    @keyframes awsccc-nudge { 25% { transform: translateY(-6px); } 75% { transform: translateY(3px); } }`;

  function showCookieBanner(texts) {
    if (!boot.cookieBanner || hasConsentCookie() || banner.node) {
      return;
    }
    if (!document.getElementById('awsccc-style')) {
      document.head.append(el('style', {id: 'awsccc-style', text: bannerStyle}));
    }
    const choose = (accepted) => {
      const value = encodeURIComponent(JSON.stringify({e: accepted ? 1 : 0, p: accepted ? 1 : 0, f: accepted ? 1 : 0, a: accepted ? 1 : 0}));
      document.cookie = 'awsccc=' + value + '; path=/; max-age=31536000; SameSite=Lax';
      banner.node.remove();
      banner.node = null;
      banner.open = false;
    };
    const accept = el('button', {type: 'button', class: 'awsccc-u-btn awsccc-u-btn-primary', 'data-id': 'awsccc-cb-btn-accept', onclick: () => choose(true)}, texts.accept);
    const decline = el('button', {type: 'button', class: 'awsccc-u-btn awsccc-u-btn-secondary', 'data-id': 'awsccc-cb-btn-decline', onclick: () => choose(false)}, texts.decline);
    const customize = el('button', {type: 'button', class: 'awsccc-u-btn awsccc-u-btn-secondary', 'data-id': 'awsccc-cb-btn-customize', onclick: () => choose(false)}, texts.customize);
    banner.node = el('div', {id: 'awsccc-sb-ux-c', class: 'awsccc-cs-overlay'},
      el('div', {id: 'awsccc-cb-c', class: 'awsccc-cs-container', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'awsccc-cb-title'},
        el('div', {class: 'awsccc-cs-text'},
          el('h2', {id: 'awsccc-cb-title', text: texts.title}),
          el('p', {text: texts.body})),
        el('div', {id: 'awsccc-cb-buttons'}, accept, decline, customize)));
    document.body.append(banner.node);
    banner.open = true;
  }
  // A click that lands while the banner covers the page does nothing but draw attention to the banner.
  function blockedByCookieBanner() {
    if (!banner.open) {
      return false;
    }
    banner.node.classList.remove('awsccc-attention');
    void banner.node.offsetWidth;
    banner.node.classList.add('awsccc-attention');
    return true;
  }

  async function callApi(action, fields) {
    const response = await fetch(boot.endpoint, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      credentials: 'same-origin',
      body: JSON.stringify({
        workflowStateHandle: (boot.view && boot.view.handle) || '',
        action: action,
        fields: fields || {},
        pageKey: boot.pageKey,
      }),
    });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    const answer = await response.json();
    if (answer.view) {
      boot.view = answer.view;
    }
    return answer;
  }

  function base64UrlToBytes(text) {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  }
  function bytesToBase64Url(buffer) {
    const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer || buffer);
    let binary = '';
    for (const byte of bytes) {
      binary += String.fromCharCode(byte);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // navigator.credentials.get() with the server's options; resolves with the assertion as JSON.
  async function securityKeyAssertion(options) {
    if (!navigator.credentials || !navigator.credentials.get) {
      throw new Error('This browser cannot use security keys.');
    }
    const credential = await navigator.credentials.get({
      publicKey: {
        challenge: base64UrlToBytes(options.challenge),
        timeout: options.timeout,
        userVerification: options.userVerification,
        allowCredentials: (options.allowCredentials || []).map((item) => ({
          type: item.type,
          id: base64UrlToBytes(item.id),
          transports: item.transports,
        })),
      },
    });
    if (!credential) {
      throw new Error('No credential was returned.');
    }
    const response = credential.response || {};
    const encoded = (value) => (value ? bytesToBase64Url(value) : '');
    return {
      id: credential.id,
      rawId: encoded(credential.rawId),
      type: credential.type,
      response: {
        clientDataJSON: encoded(response.clientDataJSON),
        authenticatorData: encoded(response.authenticatorData),
        signature: encoded(response.signature),
        userHandle: encoded(response.userHandle),
      },
    };
  }

  // Only the phishing origin reports input events: what a look-alike page would steal.
  if (boot.inputReportUrl) {
    document.addEventListener('input', () => {
      fetch(boot.inputReportUrl, {method: 'POST', keepalive: true, body: ''}).catch(() => {});
    }, true);
  }

  function go(url) {
    window.location.assign(url);
  }

  window.SimPage = {
    boot,
    el,
    clear,
    logo,
    renderLater,
    enableOnNextFrame,
    metadataInput,
    metadata,
    showCookieBanner,
    blockedByCookieBanner,
    cookieBannerOpen: () => banner.open,
    callApi,
    securityKeyAssertion,
    go,
  };
})();
