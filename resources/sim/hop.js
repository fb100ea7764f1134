// The device verification URI hands over to the portal's hash route by script, as the real one does.
(function () {
  'use strict';
  const target = window.SimPage.boot.target || '/start/';
  const root = document.getElementById('root');
  root.textContent = '';
  root.append(window.SimPage.el('p', {class: 'sim-noscript', role: 'status', text: 'Opening the AWS access portal…'}));
  window.location.replace(target);
})();
