// The portal driver. Runs in an isolated world (the page's scripts cannot see or call it) and is
// asked by the app to inspect the page or to perform one action. It recognises sign-in steps by
// meaning, scoring several signals from rules.json, and it never types anything unless the app
// passes the value for the origin it expects.
(function () {
  'use strict';
  if (window.__awsSsoTrayDriver) {
    return;
  }

  function compile(patterns) {
    return (patterns || []).map(function (p) { return new RegExp(p, 'i'); });
  }

  function anyMatch(regexes, text) {
    if (!text) {
      return false;
    }
    for (var i = 0; i < regexes.length; ++i) {
      if (regexes[i].test(text)) {
        return true;
      }
    }
    return false;
  }

  function clean(text) {
    return (text || '').replace(/\s+/g, ' ').trim();
  }

  function isVisible(element) {
    if (!element || !element.isConnected) {
      return false;
    }
    for (var node = element; node && node.nodeType === 1; node = node.parentElement) {
      var style = window.getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') {
        return false;
      }
      if (node.getAttribute('aria-hidden') === 'true' || node.hidden) {
        return false;
      }
    }
    var rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  }

  function isEnabled(element) {
    return !element.disabled && element.getAttribute('aria-disabled') !== 'true' &&
      !(element.closest && element.closest('fieldset[disabled]'));
  }

  // Is the element the topmost thing at its centre, so a click reaches it (not a banner over it)?
  function isReachable(element) {
    var rect = element.getBoundingClientRect();
    var x = rect.left + rect.width / 2;
    var y = rect.top + rect.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) {
      element.scrollIntoView({block: 'center'});
      rect = element.getBoundingClientRect();
      x = rect.left + rect.width / 2;
      y = rect.top + rect.height / 2;
    }
    var top = document.elementFromPoint(x, y);
    return !top || top === element || element.contains(top) || top.contains(element);
  }

  function textOf(element) {
    return clean(element.innerText || element.textContent || element.value || '');
  }

  // Everything a person would read as the name of a control.
  function describe(element) {
    var parts = [];
    if (element.labels) {
      for (var i = 0; i < element.labels.length; ++i) {
        parts.push(textOf(element.labels[i]));
      }
    }
    ['aria-label', 'placeholder', 'name', 'id', 'autocomplete', 'title', 'data-testid'].forEach(function (a) {
      var value = element.getAttribute(a);
      if (value) {
        parts.push(value);
      }
    });
    var labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      labelledBy.split(/\s+/).forEach(function (id) {
        var label = document.getElementById(id);
        if (label) {
          parts.push(textOf(label));
        }
      });
    }
    // A label-like text just before the input inside the same field wrapper.
    var wrapper = element.closest('[class*="field"], [class*="form-group"], [class*="input"], div');
    if (wrapper && parts.length < 3) {
      var labelLike = wrapper.querySelector('label, [class*="label"]');
      if (labelLike && labelLike !== element) {
        parts.push(textOf(labelLike));
      }
    }
    return parts.join(' | ');
  }

  function visibleInputs() {
    return Array.prototype.filter.call(document.querySelectorAll('input, textarea'), function (input) {
      var type = (input.getAttribute('type') || 'text').toLowerCase();
      return ['hidden', 'submit', 'button', 'checkbox', 'radio', 'image', 'reset', 'file'].indexOf(type) < 0 &&
        isVisible(input);
    });
  }

  function clickables() {
    return Array.prototype.filter.call(
      document.querySelectorAll('button, input[type=submit], input[type=button], [role=button], a'),
      isVisible);
  }

  function querySelectors(selectors) {
    var found = [];
    (selectors || []).forEach(function (selector) {
      try {
        Array.prototype.forEach.call(document.querySelectorAll(selector), function (e) { found.push(e); });
      } catch (e) {
        // A selector this engine does not support is just one signal fewer.
      }
    });
    return found;
  }

  function findButton(rule, scope) {
    var bySelector = querySelectors(rule.selectors).filter(function (e) {
      return isVisible(e) && (!scope || scope.contains(e));
    });
    if (bySelector.length) {
      var first = bySelector[0];
      return first.matches('button, input, a, [role=button]') ? first : (first.querySelector('button') || first);
    }
    var patterns = compile(rule.buttons);
    var candidates = clickables().filter(function (e) { return !scope || scope.contains(e); });
    for (var i = 0; i < candidates.length; ++i) {
      var label = clean(textOf(candidates[i]) || candidates[i].getAttribute('aria-label') || '');
      if (anyMatch(patterns, label)) {
        return candidates[i];
      }
    }
    return null;
  }

  function pageText() {
    return clean(document.body ? document.body.innerText : '');
  }

  function inputScore(input, rule, type) {
    var description = describe(input);
    var inputType = (input.getAttribute('type') || 'text').toLowerCase();
    var autocomplete = (input.getAttribute('autocomplete') || '').toLowerCase();
    var score = 0;
    if (type === 'password') {
      if (inputType === 'password') {
        score += 3;
      }
      if (autocomplete.indexOf('password') >= 0 && autocomplete !== 'one-time-code') {
        score += 2;
      }
    } else if (type === 'mfa') {
      if (autocomplete === 'one-time-code') {
        score += 3;
      }
      if ((input.getAttribute('inputmode') || '') === 'numeric' || inputType === 'tel' || inputType === 'number') {
        score += 1;
      }
      if (inputType === 'password' && !anyMatch(compile(rule.labels), description)) {
        return 0;
      }
    } else if (type === 'username') {
      if (inputType === 'password') {
        return 0;
      }
      if (autocomplete === 'username' || autocomplete === 'email' || inputType === 'email') {
        score += 3;
      }
    }
    if (anyMatch(compile(rule.labels), description)) {
      score += 2;
    }
    if (querySelectors(rule.selectors).indexOf(input) >= 0 ||
        querySelectors(rule.selectors).some(function (e) { return e.contains(input); })) {
      score += 2;
    }
    return score;
  }

  function bestInput(rules, type) {
    var best = null;
    var bestScore = 0;
    visibleInputs().forEach(function (input) {
      var score = inputScore(input, rules.steps[type], type);
      if (score > bestScore) {
        best = input;
        bestScore = score;
      }
    });
    return best;
  }

  function findAlert(rule) {
    var texts = compile(rule.texts);
    var elements = querySelectors(rule.selectors).filter(isVisible);
    for (var i = 0; i < elements.length; ++i) {
      var text = textOf(elements[i]);
      if (text && (anyMatch(texts, text) || elements[i].matches('.awsui-alert-type-error, [data-analytics-alert=error]'))) {
        return text;
      }
    }
    return '';
  }

  function cookieBanner(rules) {
    var rule = rules.steps.cookieBanner;
    var button = findButton(rule);
    if (!button) {
      return null;
    }
    // Only a button inside something that is about cookies: "Accept" alone means nothing.
    var containers = compile(rule.containers);
    for (var node = button; node && node !== document.body; node = node.parentElement) {
      var marker = (node.id || '') + ' ' + (node.className && node.className.baseVal === undefined ? node.className : '') +
        ' ' + (node.getAttribute('aria-label') || '');
      if (anyMatch(containers, marker) || /cookie/i.test(clean(node.innerText || '').slice(0, 400))) {
        return button;
      }
    }
    return null;
  }

  function inspect(rules) {
    var state = {
      step: 'unknown',
      url: location.href,
      origin: location.origin,
      title: document.title,
      ready: document.readyState,
      message: '',
      actionable: false
    };
    if (!document.body) {
      state.step = 'loading';
      return state;
    }
    var text = pageText();
    var steps = rules.steps;
    var error = findAlert(steps.error);
    if (error) {
      state.step = 'error';
      state.message = error;
      return state;
    }
    if (querySelectors(steps.success.selectors).some(isVisible) || anyMatch(compile(steps.success.texts), text)) {
      state.step = 'success';
      return state;
    }
    if (cookieBanner(rules)) {
      state.step = 'cookieBanner';
      state.actionable = true;
      return state;
    }
    var consentButton = findButton(steps.consent);
    if (consentButton && (anyMatch(compile(steps.consent.texts), text) || anyMatch(compile(steps.consent.urls), location.href) ||
                          querySelectors(steps.consent.selectors).length)) {
      state.step = 'consent';
      state.actionable = isEnabled(consentButton);
      return state;
    }
    var inputs = visibleInputs();
    var confirmButton = findButton(steps.deviceConfirm);
    var deviceSignals = anyMatch(compile(steps.deviceConfirm.urls), location.href) +
      anyMatch(compile(steps.deviceConfirm.texts), text) + (querySelectors(steps.deviceConfirm.selectors).some(isVisible) ? 2 : 0);
    var passwordInput = bestInput(rules, 'password');
    var mfaInput = bestInput(rules, 'mfa');
    var usernameInput = bestInput(rules, 'username');
    if (confirmButton && deviceSignals >= 2 && !passwordInput && !(usernameInput && inputScore(usernameInput, steps.username, 'username') >= 3)) {
      state.step = 'deviceConfirm';
      state.actionable = isEnabled(confirmButton);
      return state;
    }
    var mfaText = anyMatch(compile(steps.mfa.texts), text);
    if (mfaInput && (inputScore(mfaInput, steps.mfa, 'mfa') >= 3 || (mfaText && inputs.length === 1)) &&
        mfaInput !== passwordInput) {
      state.step = 'mfa';
      state.actionable = true;
      return state;
    }
    if (!inputs.length && anyMatch(compile(steps.securityKey.texts), text)) {
      state.step = 'securityKey';
      return state;
    }
    if (passwordInput) {
      // A form with empty fields this driver cannot name (a corporate ID, a domain, a captcha) is
      // not one it can complete honestly: the user has to see it.
      var form = passwordInput.form || passwordInput.closest('form') || document.body;
      var recognisedUser = usernameInput && inputScore(usernameInput, steps.username, 'username') >= 2 ? usernameInput : null;
      var strangers = inputs.filter(function (input) {
        return form.contains(input) && input !== passwordInput && input !== recognisedUser && !input.value;
      });
      if (strangers.length) {
        state.step = 'unknown';
        state.message = 'a password form with fields this app does not know: ' +
          strangers.map(function (input) { return describe(input).split(' | ')[0]; }).join(', ');
        return state;
      }
      state.step = 'password';
      state.actionable = true;
      state.withUsername = !!(usernameInput && usernameInput !== passwordInput && !usernameInput.value);
      return state;
    }
    if (usernameInput && inputScore(usernameInput, steps.username, 'username') >= 2) {
      state.step = 'username';
      state.actionable = true;
      return state;
    }
    if (document.readyState !== 'complete' || text.length < 20) {
      state.step = 'loading';
    }
    state.message = text.slice(0, 300);
    return state;
  }

  // Types like a person as far as the page can tell: focus, the native value setter (so frameworks
  // that track values, such as React, see a change), input and change events, blur.
  function typeInto(input, value) {
    input.focus();
    var prototype = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    var setter = Object.getOwnPropertyDescriptor(prototype, 'value').set;
    setter.call(input, '');
    input.dispatchEvent(new Event('input', {bubbles: true}));
    setter.call(input, value);
    input.dispatchEvent(new InputEvent('input', {bubbles: true, data: value, inputType: 'insertText'}));
    input.dispatchEvent(new Event('change', {bubbles: true}));
  }

  // Anti-automation fields (hidden inputs the page fills after load) must be filled before submitting.
  function formIsReady(form) {
    if (!form) {
      return true;
    }
    var hidden = form.querySelectorAll('input[type=hidden]');
    for (var i = 0; i < hidden.length; ++i) {
      if (/metadata|fingerprint|token|nonce/i.test(hidden[i].name || hidden[i].id || '') && !hidden[i].value) {
        return false;
      }
    }
    return true;
  }

  function submitFor(input, rules) {
    var form = input.form || input.closest('form');
    var scope = form || input.closest('[class*="form"], main, [role=main]') || document.body;
    var button = findButton(rules.steps.submit, scope) ||
      (form && Array.prototype.filter.call(form.querySelectorAll('button, input[type=submit]'), isVisible)[0]);
    if (!formIsReady(form)) {
      return {done: false, reason: 'waiting for the page to finish preparing the form'};
    }
    if (button) {
      if (!isEnabled(button)) {
        return {done: false, reason: 'waiting for the button to be enabled'};
      }
      if (!isReachable(button)) {
        return {done: false, reason: 'something covers the button'};
      }
      button.click();
      return {done: true};
    }
    // No button: submit with Enter, as a person would.
    ['keydown', 'keypress', 'keyup'].forEach(function (type) {
      input.dispatchEvent(new KeyboardEvent(type, {key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true}));
    });
    if (form && form.requestSubmit) {
      form.requestSubmit();
    }
    return {done: true};
  }

  function clickButton(button) {
    if (!button) {
      return {done: false, reason: 'no button found'};
    }
    if (!isEnabled(button)) {
      return {done: false, reason: 'waiting for the button to be enabled'};
    }
    if (!isReachable(button)) {
      return {done: false, reason: 'something covers the button'};
    }
    button.click();
    return {done: true};
  }

  function perform(rules, action, values, expectedOrigin) {
    // The app decided for this origin; if the page moved meanwhile, do nothing.
    if (expectedOrigin && location.origin !== expectedOrigin) {
      return {done: false, reason: 'the page changed origin'};
    }
    var state = inspect(rules);
    switch (action) {
    case 'acceptCookies':
      return clickButton(cookieBanner(rules));
    case 'confirmDevice':
      return clickButton(findButton(rules.steps.deviceConfirm));
    case 'allow':
      return clickButton(findButton(rules.steps.consent));
    case 'username': {
      var user = bestInput(rules, 'username');
      if (!user || state.step !== 'username') {
        return {done: false, reason: 'no username field'};
      }
      if (user.value !== values.username) {
        typeInto(user, values.username);
      }
      return submitFor(user, rules);
    }
    case 'password': {
      var password = bestInput(rules, 'password');
      if (!password || state.step !== 'password') {
        return {done: false, reason: 'no password field'};
      }
      if (state.withUsername && values.username) {
        typeInto(bestInput(rules, 'username'), values.username);
      }
      if (password.value !== values.password) {
        typeInto(password, values.password);
      }
      return submitFor(password, rules);
    }
    case 'mfa': {
      var code = bestInput(rules, 'mfa');
      if (!code || state.step !== 'mfa') {
        return {done: false, reason: 'no code field'};
      }
      if (code.value !== values.code) {
        typeInto(code, values.code);
      }
      return submitFor(code, rules);
    }
    }
    return {done: false, reason: 'unknown action ' + action};
  }

  window.__awsSsoTrayDriver = {inspect: inspect, perform: perform};
})();
