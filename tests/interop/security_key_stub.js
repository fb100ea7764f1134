// Plays a touched security key in the sign-in page's own world (tests only; a shipped build cannot
// inject it): answers navigator.credentials.get with an assertion for the first allowed credential,
// its clientDataJSON bound to the challenge and origin as a real authenticator's would be.
(function () {
  function base64url(buffer) {
    var bytes = new Uint8Array(buffer), text = '';
    for (var i = 0; i < bytes.length; ++i) { text += String.fromCharCode(bytes[i]); }
    return btoa(text).split('+').join('-').split('/').join('_').replace(/=+$/, '');
  }
  var touch = function (options) {
    var publicKey = options.publicKey;
    var allowed = publicKey.allowCredentials[0].id;
    var rawId = allowed.buffer || allowed;
    var clientData = JSON.stringify({type: 'webauthn.get', challenge: base64url(publicKey.challenge),
                                     origin: location.origin, crossOrigin: false});
    return new Promise(function (resolve) {
      setTimeout(function () {
        resolve({id: base64url(rawId), rawId: rawId, type: 'public-key',
                 response: {clientDataJSON: new TextEncoder().encode(clientData).buffer,
                            authenticatorData: new Uint8Array(37).buffer, signature: new Uint8Array(70).buffer,
                            userHandle: null}});
      }, 200);
    });
  };
  if (navigator.credentials) {
    navigator.credentials.get = touch;
  } else {
    Object.defineProperty(navigator, 'credentials', {value: {get: touch}});
  }
})();
