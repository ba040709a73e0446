// Polls the VTO's address after a service restart and continues there once it answers. With data-previous
// (a reboot on the same address) it waits for a server other than the one that drew this page: the old one may
// still answer for a moment before it stops.
(function () {
  var el = document.getElementById('reconnect');
  if (!el) { return; }
  var target = el.dataset.target, back = el.dataset['return'], previous = el.dataset.previous;
  var state = document.getElementById('restart-state');
  var tries = 0;
  function check() {
    if (!previous) { return fetch(target + '/healthz', { mode: 'no-cors', cache: 'no-store' }); }
    return fetch(target + '/healthz', { cache: 'no-store' }).then(function (r) { return r.json(); })
      .then(function (h) { if (h.instance === previous) { throw new Error('not restarted yet'); } });
  }
  function poll() {
    tries++;
    check()
      .then(function () { state.textContent = 'connected'; window.location.href = target + back; })
      .catch(function () { state.textContent = 'waiting (' + tries + ')'; setTimeout(poll, 500); });
  }
  setTimeout(poll, 1200);
})();
