// The classic ("awsui", 2020-2023) sign-in pages: one full page load per step, plain HTML forms posted to
// the server, fixed ids such as #awsui-input-0. The alternate variant keeps the meaning and changes ids,
// marker classes, labels and button texts.
(function () {
  'use strict';

  const P = window.SimPage;
  const boot = P.boot;
  const alternate = boot.variant === 'alternate';

  const TEXT = alternate ? {
    product: 'Single sign-on',
    deviceTitle: 'Confirm your device',
    deviceIntro: 'Your application asked to sign in with this code. Check that it is the code your application shows.',
    codeLabel: 'Device code',
    deviceButton: 'Confirm',
    signInTitle: 'Sign in to your organization',
    usernameLabel: 'Email address',
    usernameButton: 'Continue',
    passwordLabel: 'Password',
    passwordButton: 'Continue',
    mfaTitle: 'Two-step verification',
    mfaIntro: 'Open your authenticator app and enter the current code.',
    mfaLabel: 'Verification code',
    mfaButton: 'Verify',
    keyTitle: 'Verify with your hardware key',
    keyIntro: 'Plug in your hardware key and tap it when it blinks.',
    keyWaiting: 'Waiting for the hardware key…',
    keyFailed: 'The hardware key did not respond or was not accepted.',
    keyRetry: 'Retry',
    consentTitle: (client) => `${client} wants to use your account`,
    consentIntro: (client) => `Approving lets ${client} act with the permissions you have in your AWS accounts.`,
    allow: 'Approve',
    deny: 'Cancel',
    successTitle: 'Approved',
    successBody: 'You may now close this window and return to your application.',
    deniedTitle: 'Not approved',
    deniedBody: 'You cancelled the request. Your application was not given access.',
    errorTitle: 'Something went wrong',
    lockedTitle: 'Sign-in blocked',
    returning: 'Returning to your application…',
    signedInAs: 'You are signed in as',
    homeTitle: 'Nothing to approve',
    homeBody: 'Start the sign-in from your application.',
    cookie: {title: 'Cookie settings', body: 'We use cookies to keep you signed in and to understand how the site is used.', accept: 'Accept all cookies', decline: 'Reject all', customize: 'Settings'},
  } : {
    product: 'AWS IAM Identity Center',
    deviceTitle: 'Authorization requested',
    deviceIntro: 'A request was made to sign in with the code below. Make sure it matches the code shown by your application.',
    codeLabel: 'Code',
    deviceButton: 'Confirm and continue',
    signInTitle: 'Sign in',
    usernameLabel: 'Username',
    usernameButton: 'Next',
    passwordLabel: 'Password',
    passwordButton: 'Sign in',
    mfaTitle: 'Multi-factor authentication',
    mfaIntro: 'Enter the code from your authenticator app.',
    mfaLabel: 'MFA code',
    mfaButton: 'Submit',
    keyTitle: 'Use your security key',
    keyIntro: 'Insert your security key and touch it to continue.',
    keyWaiting: 'Waiting for your security key…',
    keyFailed: 'Your security key did not respond or was not accepted.',
    keyRetry: 'Try again',
    consentTitle: (client) => `Allow ${client} to access your data?`,
    consentIntro: (client) => `${client} will be able to act with the permissions you have in your AWS accounts.`,
    allow: 'Allow',
    deny: 'Deny',
    successTitle: 'Request approved',
    successBody: 'You can close this window.',
    deniedTitle: 'Request denied',
    deniedBody: 'You denied the request. The application was not given access.',
    errorTitle: 'Error',
    lockedTitle: 'Unable to sign in',
    returning: 'Returning to the application…',
    signedInAs: 'Signed in as',
    homeTitle: 'AWS access portal',
    homeBody: 'There is nothing to approve. Start the sign-in from your application.',
    cookie: {title: 'Select your cookie preferences', body: 'We use essential cookies and similar tools that are necessary to provide our site and services.', accept: 'Accept all cookies', decline: 'Decline all', customize: 'Customize'},
  };

  const ID = alternate ? {
    code: 'device-code-field', deviceButton: 'device-confirm',
    usernameField: 'signin-identifier', username: 'identifier-field', usernameButton: 'identifier-continue',
    passwordField: 'signin-secret', password: 'secret-field', passwordButton: 'secret-continue',
    mfa: 'otp-field', mfaButton: 'otp-verify',
    allow: 'approve-request', deny: 'cancel-request',
  } : {
    code: 'verification_code', deviceButton: 'cli_verification_btn',
    usernameField: 'username-input', username: 'awsui-input-0', usernameButton: 'username-submit-button',
    passwordField: 'password-input', password: 'awsui-input-1', passwordButton: 'password-submit-button',
    mfa: 'awsui-input-2', mfaButton: 'mfa-submit-button',
    allow: 'cli_login_button', deny: 'cli_cancel_link',
  };

  // Classes the old pages were recognised by; the page's own look uses the stable c-* classes.
  const MARK = alternate ? {
    card: 'ui-panel', field: 'ui-field', label: 'ui-field__label', input: 'ui-textbox', textInput: 'ui-textbox--text',
    buttons: 'ui-actions', button: 'ui-btn', primary: 'ui-btn--main', link: 'ui-link',
    error: 'ui-message ui-message--danger', errorHeader: 'ui-message__title', errorContent: 'ui-message__text',
    success: 'ui-outcome ui-outcome--ok', successTitle: 'ui-outcome__title', userName: 'ui-account-name',
  } : {
    card: 'awsui-signin', field: 'awsui-form-field', label: 'awsui-form-field-label', input: 'awsui-input', textInput: 'awsui-input-type-text',
    buttons: 'awsui-signin-button-container', button: 'awsui-button', primary: 'awsui-button-variant-primary', link: 'awsui-button-variant-link',
    error: 'awsui-alert awsui-alert-type-error', errorHeader: 'alert-header', errorContent: 'alert-content awsui-alert-message',
    success: 'awsui-signin-success', successTitle: 'awsui-util-mb-s', userName: 'user-display-name',
  };

  const el = P.el;
  const root = document.getElementById('root');

  function alertBox(message, title) {
    return el('div', {class: ['c-alert c-alert-error', MARK.error], role: 'alert'},
      el('div', {class: 'c-alert-icon', 'aria-hidden': 'true', text: '!'}),
      el('div', {class: 'c-alert-body'},
        el('div', {class: ['c-alert-title', MARK.errorHeader], text: title || TEXT.errorTitle}),
        el('div', {class: ['c-alert-text', MARK.errorContent], text: message})));
  }

  function layout(view, ...cardContent) {
    P.clear(root);
    const user = view.username && ['consent', 'success', 'denied'].includes(view.step)
      ? el('div', {class: 'c-topbar-user'}, TEXT.signedInAs + ' ', el('span', {class: MARK.userName, text: view.username}))
      : null;
    root.append(
      el('header', {class: 'c-topbar'}, P.logo('c-logo'), el('span', {class: 'c-product', text: TEXT.product}), user),
      el('main', {class: 'c-main'}, el('div', {class: ['c-card', MARK.card]}, ...cardContent)),
      el('footer', {class: 'c-footer'}, 'Simulated sign-in pages (ssosim) · no data leaves this computer'));
    P.showCookieBanner(TEXT.cookie);
  }

  function hidden(name, value) {
    return el('input', {type: 'hidden', name: name, value: value || ''});
  }

  function postForm(view, action, withMetadata, ...content) {
    const form = el('form', {method: 'post', action: boot.endpoint, class: 'c-form', novalidate: true},
      hidden('workflowStateHandle', view.handle), hidden('action', action),
      withMetadata ? P.metadataInput() : null, ...content);
    return form;
  }

  function field(wrapperId, inputId, label, attributes) {
    return el('div', {id: wrapperId, class: ['c-field', MARK.field]},
      el('label', {for: inputId, class: ['c-label', MARK.label], text: label}),
      el('input', Object.assign({id: inputId, class: ['c-input', MARK.input, MARK.textInput]}, attributes)));
  }

  function submitButton(id, text) {
    return el('button', {id: id, type: 'submit', class: ['c-btn c-btn-primary', MARK.button, MARK.primary], disabled: true}, text);
  }

  function actions(...buttons) {
    return el('div', {class: ['c-actions', MARK.buttons]}, ...buttons);
  }

  function errorOf(view) {
    return view.error ? alertBox(view.error) : null;
  }

  function focusFirstInput() {
    const input = root.querySelector('input:not([type=hidden])');
    if (input) {
      input.focus();
    }
  }

  const steps = {
    device(view) {
      const button = submitButton(ID.deviceButton, TEXT.deviceButton);
      layout(view,
        el('h1', {class: 'c-title', text: TEXT.deviceTitle}),
        el('p', {class: 'c-intro', text: TEXT.deviceIntro}),
        errorOf(view),
        el('form', {method: 'post', action: boot.endpoint, class: 'c-form'},
          hidden('action', 'confirmDevice'),
          el('div', {class: ['c-field', MARK.field]},
            el('label', {for: ID.code, class: ['c-label', MARK.label], text: TEXT.codeLabel}),
            el('input', {id: ID.code, name: 'userCode', class: ['c-input c-code', MARK.input], value: view.userCode || '',
              autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', required: true})),
          actions(button)));
      P.enableOnNextFrame(button);
    },

    username(view) {
      const button = submitButton(ID.usernameButton, TEXT.usernameButton);
      layout(view,
        el('h1', {class: 'c-title', text: TEXT.signInTitle}),
        errorOf(view),
        postForm(view, 'username', true,
          field(ID.usernameField, ID.username, TEXT.usernameLabel, {
            name: 'username', type: alternate ? 'email' : 'text', autocomplete: 'username',
            autocapitalize: 'off', spellcheck: 'false', value: view.username || '', required: true,
            inputmode: alternate ? 'email' : null}),
          actions(button)));
      P.enableOnNextFrame(button);
      focusFirstInput();
    },

    password(view) {
      const button = submitButton(ID.passwordButton, TEXT.passwordButton);
      layout(view,
        el('h1', {class: 'c-title', text: TEXT.signInTitle}),
        el('p', {class: 'c-who'}, el('span', {class: 'c-who-name', text: view.username})),
        errorOf(view),
        postForm(view, 'password', true,
          field(ID.passwordField, ID.password, TEXT.passwordLabel, {
            name: 'password', type: 'password', autocomplete: 'current-password', required: true}),
          actions(button)));
      P.enableOnNextFrame(button);
      focusFirstInput();
    },

    mfa(view) {
      const button = submitButton(ID.mfaButton, TEXT.mfaButton);
      layout(view,
        el('h1', {class: 'c-title', text: TEXT.mfaTitle}),
        el('p', {class: 'c-intro', text: TEXT.mfaIntro}),
        errorOf(view),
        postForm(view, 'mfa', true,
          field('mfa-code-field', ID.mfa, TEXT.mfaLabel, {
            name: 'code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code',
            maxlength: '8', spellcheck: 'false', required: true}),
          actions(button)));
      P.enableOnNextFrame(button);
      focusFirstInput();
    },

    securityKey(view) {
      const credential = hidden('credential', '');
      const form = postForm(view, 'securityKey', false, credential);
      const status = el('div', {class: 'c-status', role: 'status', text: TEXT.keyWaiting});
      const problem = el('div', {class: 'c-problem'});
      const retry = el('button', {type: 'button', class: ['c-btn c-btn-secondary', MARK.button], hidden: true, onclick: ask}, TEXT.keyRetry);
      layout(view,
        el('h1', {class: 'c-title', text: TEXT.keyTitle}),
        el('p', {class: 'c-intro', text: TEXT.keyIntro}),
        errorOf(view), problem, status, form, actions(retry));
      function ask() {
        retry.hidden = true;
        P.clear(problem);
        status.textContent = TEXT.keyWaiting;
        P.securityKeyAssertion(view.securityKey).then((assertion) => {
          credential.value = JSON.stringify(assertion);
          form.submit();
        }, (error) => {
          status.textContent = '';
          problem.append(alertBox(TEXT.keyFailed + ' (' + (error && error.name ? error.name : 'Error') + ')'));
          retry.hidden = false;
        });
      }
      ask();
    },

    consent(view) {
      const allow = el('button', {id: ID.allow, type: 'submit', name: 'action', value: 'allow',
        class: ['c-btn c-btn-primary', MARK.button, MARK.primary], disabled: true}, TEXT.allow);
      const form = el('form', {method: 'post', action: boot.endpoint, class: 'c-form'},
        hidden('workflowStateHandle', view.handle));
      const deny = el('a', {id: ID.deny, href: '#', role: 'button', class: ['c-link', MARK.link], onclick: (event) => {
        event.preventDefault();
        if (P.blockedByCookieBanner()) {
          return;
        }
        form.append(hidden('action', 'deny'));
        form.submit();
      }}, TEXT.deny);
      form.addEventListener('submit', (event) => {
        if (P.blockedByCookieBanner()) {
          event.preventDefault();
        }
      });
      form.append(actions(deny, allow));
      const client = view.clientName || 'The application';
      layout(view,
        el('h1', {class: 'c-title', text: TEXT.consentTitle(client)}),
        el('p', {class: 'c-intro', text: TEXT.consentIntro(client)}),
        view.userCode ? el('p', {class: 'c-code-line'}, TEXT.codeLabel + ': ', el('strong', {class: 'c-code', text: view.userCode})) : null,
        errorOf(view), form);
      P.enableOnNextFrame(allow);
    },

    success(view) {
      layout(view, el('div', {class: ['c-result c-result-ok', MARK.success]},
        el('div', {class: 'c-result-icon', 'aria-hidden': 'true', text: '✓'}),
        el('h1', {class: ['c-title', MARK.successTitle], text: TEXT.successTitle}),
        el('p', {text: TEXT.successBody})));
    },

    denied(view) {
      layout(view, el('h1', {class: 'c-title', text: TEXT.deniedTitle}), alertBox(TEXT.deniedBody, TEXT.deniedTitle));
    },

    locked(view) {
      layout(view, el('h1', {class: 'c-title', text: TEXT.lockedTitle}), alertBox(view.error),
        view.redirect ? el('p', {class: 'c-status', role: 'status', text: TEXT.returning}) : null);
      if (view.redirect) {
        setTimeout(() => P.go(view.redirect), view.redirectDelayMs || 0);
      }
    },

    redirect(view) {
      layout(view, el('p', {class: 'c-status', role: 'status', text: TEXT.returning}));
      P.go(view.redirect);
    },

    expired(view) {
      layout(view, el('h1', {class: 'c-title', text: TEXT.errorTitle}), alertBox(view.error));
    },

    home(view) {
      layout(view, el('h1', {class: 'c-title', text: TEXT.homeTitle}), el('p', {text: TEXT.homeBody}));
    },
  };

  P.renderLater(() => {
    const view = boot.view || {step: 'home'};
    (steps[view.step] || steps.expired)(view);
  });
})();
