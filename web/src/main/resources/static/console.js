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
// Phone menu: a real button, so keyboard and screen-reader users can open it; aria-expanded tells its state.
(function () {
  function init() {
    var button = document.getElementById('menu-button'), menu = button && button.closest('.menu');
    if (button && !button.dataset.ready) {
      button.dataset.ready = '1';
      button.addEventListener('click', function () {
        var open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', String(open));
        menu.classList.toggle('open', open);
      });
    }
    // After a rejected form, take the user to the list of what to correct instead of leaving them at the top.
    var summary = document.getElementById('error-summary');
    if (summary && !summary.dataset.ready) {
      summary.dataset.ready = '1';
      summary.focus();
      // a link in the summary puts the cursor into its field, not only scrolls to it
      summary.addEventListener('click', function (e) {
        var link = e.target.closest('a[href^="#"]'), field = link && document.getElementById(link.getAttribute('href').slice(1));
        if (field) { e.preventDefault(); field.focus(); field.scrollIntoView({ block: 'center' }); }
      });
    }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
