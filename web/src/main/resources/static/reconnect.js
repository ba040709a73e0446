// Polls the VTO's new address after a service restart and continues there once it answers.
(function () {
  var el = document.getElementById('reconnect');
  if (!el) { return; }
  var target = el.dataset.target, back = el.dataset['return'], state = document.getElementById('restart-state');
  var tries = 0;
  function poll() {
    tries++;
    fetch(target + '/healthz', { mode: 'no-cors', cache: 'no-store' })
      .then(function () { state.textContent = 'connected'; window.location.href = target + back; })
      .catch(function () { state.textContent = 'waiting (' + tries + ')'; setTimeout(poll, 500); });
  }
  setTimeout(poll, 1200);
})();
