// Console helpers (progressive enhancement; every form also works without JavaScript).
(function () {
  // SIP Server: switching Server Type switches the default port (5060 VTO, 5080 Express/DSS) and domain.
  document.addEventListener('change', function (e) {
    if (e.target.id !== 'sip-type') { return; }
    var port = document.getElementById('sip-port'), domain = document.getElementById('sip-domain');
    var vto = e.target.value === 'VTO';
    if (port && (port.value === '5060' || port.value === '5080' || port.value === '')) { port.value = vto ? '5060' : '5080'; }
    if (domain && vto && domain.value === '') { domain.value = 'VDP'; }
  });
  // Buttons that need a confirmation (delete).
  document.addEventListener('submit', function (e) {
    var msg = e.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) { e.preventDefault(); }
  });
})();
