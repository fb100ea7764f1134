// The Cloudscape-era (2024+) pages: a single-page app per site (the portal at /start/, the sign-in at
// /platform/<directory>/login) that changes steps without navigating, hashed class names, and inputs that
// behave like React-controlled ones. The alternate variant keeps the meaning and changes ids, test ids,
// labels, button texts and the class-name build hash.
(function () {
  'use strict';

  const P = window.SimPage;
  const boot = P.boot;
  const el = P.el;
  const alternate = boot.variant === 'alternate';

  // Class names as a Cloudscape build emits them: awsui_<local>_<component hash>_<build hash>_<n>.
  const BUILD = alternate ? '1xz2a' : '2od9j';
  const COMPONENT = {
    layout: 'hi0a7', button: 'vjswe', input: '2rhyz', field: '14mhv', alert: 'mx3cw', container: '14iqq',
    header: '2qdw9', box: '18wu0', spinner: '1612d', space: 'k5dlb',
  };
  const cx = (component, local, n) => `awsui_${local}_${COMPONENT[component]}_${BUILD}_${n}`;
  const C = {
    layout: cx('layout', 'root', 3), nav: cx('layout', 'top-navigation', 15), brand: cx('layout', 'identity', 19),
    brandTitle: cx('layout', 'title', 21), navUser: cx('layout', 'utilities', 23), content: cx('layout', 'content', 27),
    footer: cx('layout', 'footer', 41),
    container: cx('container', 'root', 95), containerHeader: cx('container', 'header', 117),
    containerContent: cx('container', 'content', 137),
    heading: cx('header', 'heading-text', 49), description: cx('header', 'description', 63),
    p: cx('box', 'p-variant', 141), small: cx('box', 'small-variant', 157), code: cx('box', 'code-variant', 185),
    keyValue: cx('box', 'key-value', 193),
    field: cx('field', 'root', 3), label: cx('field', 'label', 36), controls: cx('field', 'controls', 64),
    fieldError: cx('field', 'error', 82),
    inputRoot: cx('input', 'root', 5), input: cx('input', 'input', 11), inputInvalid: cx('input', 'input-invalid', 56),
    button: cx('button', 'button', 107), primary: cx('button', 'variant-primary', 214),
    normal: cx('button', 'variant-normal', 203), buttonContent: cx('button', 'content', 103),
    buttonLoading: cx('button', 'loading', 150), buttonDisabled: cx('button', 'disabled', 239),
    alert: cx('alert', 'alert', 147), alertError: cx('alert', 'type-error', 196),
    alertSuccess: cx('alert', 'type-success', 199), alertInfo: cx('alert', 'type-info', 202),
    alertHeader: cx('alert', 'header', 240), alertContent: cx('alert', 'content', 244),
    spinner: cx('spinner', 'root', 5), actions: cx('space', 'horizontal', 21), form: cx('space', 'vertical', 9),
  };

  const TEXT = alternate ? {
    portalTitle: 'Access portal', signInTitle: 'Single sign-on',
    deviceTitle: 'Confirm this device', deviceIntro: 'An application asked for access with the code below. Continue only if your application shows the same code.',
    codeLabel: 'Device code', codePlaceholder: 'XXXX-XXXX', deviceButton: 'Confirm', codeMissing: 'Enter the device code.',
    signInHeading: 'Sign in to your organization', usernameLabel: 'Email address', usernameButton: 'Continue', usernameMissing: 'Enter your email address.',
    passwordLabel: 'Password', passwordButton: 'Continue', passwordMissing: 'Enter your password.',
    mfaHeading: 'Verify it\'s you', mfaIntro: 'Open your authenticator app and enter the current passcode.', mfaLabel: 'Passcode',
    mfaPlaceholder: '6-digit code', mfaButton: 'Verify', mfaMissing: 'Enter the passcode.',
    keyHeading: 'Verify it\'s you', keyIntro: 'Plug in your hardware key and tap it when it blinks.', keyWaiting: 'Waiting for the hardware key…',
    keyFailed: 'The hardware key did not respond or was not accepted.', keyRetry: 'Retry',
    consentHeading: (client) => `${client} wants to use your account`, consentIntro: 'Approving lets the application act with the permissions you have in your AWS accounts.',
    application: 'Application', code: 'Device code', signedInAs: 'Account',
    allow: 'Approve', deny: 'Cancel', allowTestId: 'approve-button', allowAnalytics: 'consent-approve', denyTestId: 'cancel-button',
    successHeading: 'Approved', successTitle: 'Done', successBody: 'You may now close this window and return to your application.',
    redirectBody: 'Returning to your application…',
    deniedHeading: 'Not approved', deniedBody: 'You cancelled the request. Your application was not given access.',
    lockedHeading: 'Sign-in blocked', errorHeading: 'Something went wrong', networkError: 'The request could not be completed. Try again.',
    homeHeading: 'Nothing to approve', homeBody: 'Start the sign-in from your application.',
    cookie: {title: 'Cookie settings', body: 'We use cookies to keep you signed in and to understand how the site is used.', accept: 'Accept all cookies', decline: 'Reject all', customize: 'Settings'},
  } : {
    portalTitle: 'AWS access portal', signInTitle: 'Sign in',
    deviceTitle: 'Authorization requested', deviceIntro: 'A request was made to sign in with the code below. Make sure it matches the code shown by your application.',
    codeLabel: 'Code', codePlaceholder: 'Enter code', deviceButton: 'Confirm and continue', codeMissing: 'Enter the code shown by your application.',
    signInHeading: 'Sign in', usernameLabel: 'Username', usernameButton: 'Next', usernameMissing: 'Enter your username.',
    passwordLabel: 'Password', passwordButton: 'Sign in', passwordMissing: 'Enter your password.',
    mfaHeading: 'Additional verification required', mfaIntro: 'Enter the code from your authenticator app.', mfaLabel: 'MFA code',
    mfaPlaceholder: 'Enter code', mfaButton: 'Submit', mfaMissing: 'Enter the MFA code.',
    keyHeading: 'Additional verification required', keyIntro: 'Use your security key: insert it and touch it to continue.', keyWaiting: 'Waiting for your security key…',
    keyFailed: 'Your security key did not respond or was not accepted.', keyRetry: 'Try again',
    consentHeading: (client) => `Allow ${client} to access your data?`, consentIntro: 'The application will be able to act with the permissions you have in your AWS accounts.',
    application: 'Application', code: 'Code', signedInAs: 'Signed in as',
    allow: 'Allow access', deny: 'Deny access', allowTestId: 'allow-access-button', allowAnalytics: 'consent-allow-access', denyTestId: 'deny-access-button',
    successHeading: 'Request approved', successTitle: 'Authorization complete', successBody: 'You can close this window.',
    redirectBody: 'Returning to the application…',
    deniedHeading: 'Request denied', deniedBody: 'You denied the request. The application was not given access.',
    lockedHeading: 'Unable to sign in', errorHeading: 'Error', networkError: 'Something went wrong. Try again.',
    homeHeading: 'AWS access portal', homeBody: 'There is nothing to approve. Start the sign-in from your application.',
    cookie: {title: 'Select your cookie preferences', body: 'We use essential cookies and similar tools that are necessary to provide our site and services.', accept: 'Accept all cookies', decline: 'Decline all', customize: 'Customize'},
  };

  // useId()-style ids in the alternate build, the ids automation scripts report in the standard one.
  const ID = alternate
    ? {username: 'input-:r1:', password: 'input-:r3:', mfa: 'input-:r5:', code: 'input-:r7:', deviceButton: 'confirm-device-code', success: 'approved-message'}
    : {username: 'awsui-input-0', password: 'awsui-input-1', mfa: 'awsui-input-2', code: 'awsui-input-3', deviceButton: 'cli_verification_btn', success: 'success-message'};

  const portalApp = boot.endpoint && boot.endpoint.indexOf('/start/') === 0;
  const root = document.getElementById('root');

  // --- React-style controlled inputs -------------------------------------------------------------------
  // React remembers the last value it saw through the element's own `value` property; an input event whose
  // value equals that remembered one is no change, and the field goes back to the state's value. Typing, or
  // the prototype's setter followed by a bubbling input event, is a change.
  const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  const state = {};
  const trackers = new WeakMap();
  const changeHandlers = {};

  function controlledInput(name, attributes) {
    const input = el('input', attributes);
    const tracker = {name: name, value: state[name] || ''};
    nativeValue.set.call(input, tracker.value);
    Object.defineProperty(input, 'value', {
      configurable: true,
      get() {
        return nativeValue.get.call(this);
      },
      set(next) {
        tracker.value = String(next);
        nativeValue.set.call(this, next);
      },
    });
    trackers.set(input, tracker);
    return input;
  }

  // One listener at the root, where React listens.
  root.addEventListener('input', (event) => {
    const tracker = trackers.get(event.target);
    if (!tracker) {
      return;
    }
    const current = nativeValue.get.call(event.target);
    if (current !== tracker.value) {
      tracker.value = current;
      state[tracker.name] = current;
      if (changeHandlers[tracker.name]) {
        changeHandlers[tracker.name](current);
      }
    }
    const shown = state[tracker.name] || '';
    if (nativeValue.get.call(event.target) !== shown) {
      nativeValue.set.call(event.target, shown);
      tracker.value = shown;
    }
  });

  // --- building blocks -----------------------------------------------------------------------------------
  function layout(...content) {
    P.clear(root);
    const view = boot.view || {};
    const user = view.username && ['consent', 'success', 'denied'].includes(view.step)
      ? el('div', {class: C.navUser}, el('span', {class: C.small, text: TEXT.signedInAs + ' '}), el('strong', {text: view.username}))
      : null;
    root.append(el('div', {class: C.layout},
      el('header', {class: C.nav},
        el('div', {class: C.brand}, P.logo(''), el('span', {class: C.brandTitle, text: portalApp ? TEXT.portalTitle : TEXT.signInTitle})),
        user),
      el('main', {class: C.content}, ...content),
      el('footer', {class: C.footer}, el('span', {class: C.small, text: 'Simulated sign-in pages (ssosim) · no data leaves this computer'}))));
    if (portalApp) {
      P.showCookieBanner(TEXT.cookie);
    }
  }

  function container(heading, description, ...body) {
    return el('div', {class: C.container},
      el('div', {class: C.containerHeader},
        el('h1', {class: C.heading, text: heading}),
        description ? el('p', {class: C.description, text: description}) : null),
      el('div', {class: C.containerContent}, ...body));
  }

  function alertBox(type, message, header, extra) {
    const attributes = {class: [C.alert, type === 'success' ? C.alertSuccess : C.alertError], role: type === 'success' ? 'status' : 'alert'};
    attributes[alternate ? 'data-alert-type' : 'data-analytics-alert'] = type;
    return el('div', Object.assign(attributes, extra || {}),
      header ? el('div', {class: C.alertHeader, text: header}) : null,
      el('div', {class: C.alertContent, text: message}));
  }

  function button(text, attributes, primary) {
    return el('button', Object.assign({class: [C.button, primary ? C.primary : C.normal], disabled: true}, attributes),
      el('span', {class: C.buttonContent, text: text}));
  }

  function setBusy(target, busy) {
    target.disabled = busy;
    target.classList.toggle(C.buttonLoading, busy);
    target.setAttribute('aria-busy', busy ? 'true' : 'false');
    const spinner = target.querySelector('.' + C.spinner);
    if (busy && !spinner) {
      target.prepend(el('span', {class: C.spinner, 'aria-hidden': 'true'}));
    } else if (!busy && spinner) {
      spinner.remove();
    }
  }

  function formField(inputId, label, input, errorText) {
    const errorId = inputId + '-error';
    if (errorText) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', errorId);
      input.classList.add(C.inputInvalid);
    }
    return el('div', {class: C.field},
      el('label', {class: C.label, for: inputId, text: label}),
      el('div', {class: C.controls}, el('div', {class: C.inputRoot}, input)),
      errorText ? el('div', {class: C.fieldError, id: errorId, role: 'alert', text: errorText}) : null);
  }

  function serverError(view) {
    return view.error ? alertBox('error', view.error) : null;
  }

  // Sends one action; renders the next step here or leaves for the page that shows it.
  async function send(action, fields, busyButton) {
    if (busyButton) {
      setBusy(busyButton, true);
    }
    let answer;
    try {
      answer = await P.callApi(action, fields);
    } catch (error) {
      if (busyButton) {
        setBusy(busyButton, false);
      }
      const slot = root.querySelector('[data-slot="problem"]');
      if (slot) {
        P.clear(slot);
        slot.append(alertBox('error', TEXT.networkError));
      }
      return;
    }
    if (answer.navigate) {
      if (answer.step === 'redirect') {
        showRedirect(answer.navigate);
      } else {
        P.go(answer.navigate);
      }
      return;
    }
    render(answer.view);
  }

  function remember(view) {
    // The portal keeps its step in the hash route.
    if (portalApp && view.handle) {
      const route = view.step === 'consent' ? 'consent' : 'result';
      history.replaceState(null, '', '/start/?workflowStateHandle=' + encodeURIComponent(view.handle) + '#/' + route);
    }
  }

  function showRedirect(target) {
    layout(container(TEXT.successTitle, null,
      alertBox('success', TEXT.redirectBody, TEXT.successHeading, {id: ID.success})));
    P.go(target);
  }

  // --- steps ---------------------------------------------------------------------------------------------
  const steps = {
    home() {
      layout(container(TEXT.homeHeading, TEXT.homeBody));
    },

    device(view) {
      // A code from the link is shown; a missing or refused one is typed.
      const typed = !view.userCode || !!view.error || !!view.fieldError;
      const confirm = button(TEXT.deviceButton, {id: ID.deviceButton, type: 'submit', 'data-analytics': alternate ? 'device-code-accept' : 'accept-user-code'}, true);
      let codePart;
      if (typed) {
        state.userCode = state.userCode || view.userCode || '';
        codePart = formField(ID.code, TEXT.codeLabel, controlledInput('userCode', {
          id: ID.code, class: C.input, type: 'text', placeholder: TEXT.codePlaceholder, autocomplete: 'off',
          autocapitalize: 'characters', spellcheck: 'false'}), view.fieldError);
      } else {
        state.userCode = view.userCode;
        codePart = el('div', {class: C.keyValue},
          el('div', {class: C.label, text: TEXT.codeLabel}),
          el('div', {class: C.code, 'data-testid': 'user-code', text: view.userCode}));
      }
      const form = el('form', {class: C.form, novalidate: true, onsubmit: (event) => {
        event.preventDefault();
        if (P.blockedByCookieBanner() || confirm.disabled) {
          return;
        }
        if (!state.userCode) {
          render(Object.assign({}, view, {fieldError: TEXT.codeMissing}));
          return;
        }
        send('confirmDevice', {userCode: state.userCode}, confirm);
      }}, el('div', {'data-slot': 'problem'}, serverError(view)), codePart, el('div', {class: C.actions}, confirm));
      layout(container(TEXT.deviceTitle, TEXT.deviceIntro, form));
      P.enableOnNextFrame(confirm);
    },

    username(view) {
      signInForm(view, 'username', ID.username, TEXT.usernameLabel, TEXT.usernameButton, TEXT.usernameMissing, {
        type: alternate ? 'email' : 'text', autocomplete: 'username', autocapitalize: 'off', spellcheck: 'false',
        inputmode: alternate ? 'email' : null, 'aria-required': 'true'}, TEXT.signInHeading, null);
    },

    password(view) {
      signInForm(view, 'password', ID.password, TEXT.passwordLabel, TEXT.passwordButton, TEXT.passwordMissing, {
        type: 'password', autocomplete: 'current-password', 'aria-required': 'true'}, TEXT.signInHeading, view.username);
    },

    mfa(view) {
      signInForm(view, 'code', ID.mfa, TEXT.mfaLabel, TEXT.mfaButton, TEXT.mfaMissing, {
        type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', placeholder: TEXT.mfaPlaceholder,
        maxlength: '8', spellcheck: 'false', 'aria-required': 'true'}, TEXT.mfaHeading, TEXT.mfaIntro, 'mfa');
    },

    securityKey(view) {
      const status = el('div', {class: C.small, role: 'status'}, el('span', {class: C.spinner, 'aria-hidden': 'true'}), ' ' + TEXT.keyWaiting);
      const problem = el('div', {'data-slot': 'problem'}, serverError(view));
      const retry = button(TEXT.keyRetry, {type: 'button', hidden: true, onclick: ask}, false);
      layout(container(TEXT.keyHeading, TEXT.keyIntro, problem, status, el('div', {class: C.actions}, retry)));
      function ask() {
        retry.hidden = true;
        status.hidden = false;
        P.clear(problem);
        P.securityKeyAssertion(view.securityKey).then((assertion) => {
          send('securityKey', {credential: assertion}, null);
        }, (error) => {
          status.hidden = true;
          problem.append(alertBox('error', TEXT.keyFailed + ' (' + (error && error.name ? error.name : 'Error') + ')'));
          retry.hidden = false;
          retry.disabled = false;
        });
      }
      ask();
    },

    consent(view) {
      const client = view.clientName || 'The application';
      const allowAttributes = {type: 'submit', 'data-testid': TEXT.allowTestId, 'data-analytics': TEXT.allowAnalytics};
      const allow = button(TEXT.allow, allowAttributes, true);
      const deny = button(TEXT.deny, {type: 'button', 'data-testid': TEXT.denyTestId, onclick: () => {
        if (!P.blockedByCookieBanner()) {
          send('deny', {}, deny);
        }
      }}, false);
      const details = el('dl', {class: C.keyValue},
        el('dt', {class: C.label, text: TEXT.application}), el('dd', {text: client}),
        view.userCode ? el('dt', {class: C.label, text: TEXT.code}) : null,
        view.userCode ? el('dd', {class: C.code, text: view.userCode}) : null);
      const form = el('form', {class: C.form, novalidate: true, onsubmit: (event) => {
        event.preventDefault();
        if (P.blockedByCookieBanner() || allow.disabled) {
          return;
        }
        send('allow', {}, allow);
      }}, el('div', {'data-slot': 'problem'}, serverError(view)), details, el('div', {class: C.actions}, deny, allow));
      layout(container(TEXT.consentHeading(client), TEXT.consentIntro, form));
      P.enableOnNextFrame(allow, deny);
    },

    success() {
      layout(container(TEXT.successTitle, null, alertBox('success', TEXT.successBody, TEXT.successHeading)));
    },

    denied() {
      layout(container(TEXT.deniedHeading, null, alertBox('error', TEXT.deniedBody, TEXT.deniedHeading)));
    },

    locked(view) {
      layout(container(TEXT.lockedHeading, null, alertBox('error', view.error),
        view.redirect ? el('p', {class: C.small, role: 'status', text: TEXT.redirectBody}) : null));
      if (view.redirect) {
        setTimeout(() => P.go(view.redirect), view.redirectDelayMs || 0);
      }
    },

    redirect(view) {
      showRedirect(view.redirect);
    },

    expired(view) {
      layout(container(TEXT.errorHeading, null, alertBox('error', view.error)));
    },
  };

  // The username, password and MFA steps: one controlled field and a submit button.
  function signInForm(view, name, inputId, label, buttonText, missingText, attributes, heading, description, action) {
    const submit = button(buttonText, {type: 'submit'}, true);
    const input = controlledInput(name, Object.assign({id: inputId, name: name, class: C.input}, attributes));
    state[name] = name === 'username' ? (state.username || '') : '';
    nativeValue.set.call(input, state[name]);
    trackers.get(input).value = state[name];
    const form = el('form', {class: C.form, novalidate: true, onsubmit: (event) => {
      event.preventDefault();
      if (submit.disabled) {
        return;
      }
      if (!state[name]) {
        render(Object.assign({}, view, {error: '', fieldError: missingText}));
        return;
      }
      const fields = {metadata1: P.metadata()};
      fields[name] = state[name];
      send(action || name, fields, submit);
    }}, P.metadataInput(), el('div', {'data-slot': 'problem'}, serverError(view)),
    formField(inputId, label, input, view.fieldError), el('div', {class: C.actions}, submit));
    layout(container(heading, description, form));
    P.enableOnNextFrame(submit);
    input.focus();
  }

  function render(view) {
    boot.view = view;
    remember(view);
    (steps[view.step] || steps.expired)(view);
  }

  P.renderLater(() => {
    let view = boot.view || {step: 'home'};
    // The device route lives in the hash, which the server never sees.
    const route = /^#\/device(?:\?(.*))?$/.exec(window.location.hash);
    if (view.step === 'home' && route) {
      const code = new URLSearchParams(route[1] || '').get('user_code') || '';
      view = {step: 'device', userCode: code.trim().toUpperCase(), error: ''};
    }
    render(view);
  });
})();
