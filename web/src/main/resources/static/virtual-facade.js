// The virtual façade: actions are posted without leaving the page (a refusal is shown), and the live part is
// reloaded on every event of the event stream, so lights, display, locks and module status follow at once.
(function () {
  const live = document.getElementById('facade-live');
  if (!live) return;
  const refusal = document.getElementById('refusal');
  const streamStatus = document.getElementById('stream-status');
  let reloading = null;
  let dirty = false;

  // one fetch at a time; a change that arrives during one is fetched again right after it (that fetch may have
  // been answered before the change)
  function reload() {
    if (reloading) { dirty = true; return reloading; }
    reloading = fetch(live.dataset.stateUrl, {credentials: 'same-origin'})
      .then(r => r.ok ? r.text() : Promise.reject(r.status))
      .then(html => { live.innerHTML = html; })
      .catch(() => {})
      .finally(() => { reloading = null; if (dirty) { dirty = false; reload(); } });
    return reloading;
  }

  live.addEventListener('submit', function (e) {
    const form = e.target.closest('form.act');
    if (!form) return;
    e.preventDefault();
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams(new FormData(form)).toString()
    }).then(r => {
      if (!r.ok) {
        return r.text().then(t => {
          refusal.textContent = r.status === 409 ? t : 'Not done (HTTP ' + r.status + '): ' + t;
          refusal.hidden = false;
        });
      }
      refusal.hidden = true;
      return reload();
    });
  });

  const events = new EventSource(live.dataset.events);
  events.onopen = () => { streamStatus.textContent = 'Live updates: connected'; streamStatus.dataset.connected = 'true'; };
  events.onerror = () => { streamStatus.textContent = 'Live updates: reconnecting…'; streamStatus.dataset.connected = 'false'; };
  events.onmessage = reload;
  ['facade/key/pressed', 'facade/keypad/pressed', 'facade/card/presented', 'facade/finger/presented',
   'facade/tamper/released', 'facade/tamper/restored', 'door/1/opened', 'door/1/closed', 'door/1/exit-button',
   'facade/output/indicator', 'facade/output/display', 'facade/output/sound', 'facade/output/lock/1',
   'facade/output/lock/2'].forEach(t => events.addEventListener(t, reload));
  // module status topics carry the module number
  for (let i = 0; i < 10; i++) {
    events.addEventListener('facade/module/' + i + '/online', reload);
    events.addEventListener('facade/module/' + i + '/offline', reload);
  }
  // a pulse's time left counts down without events
  setInterval(() => { if (live.querySelector('[data-energized="true"]')) reload(); }, 1000);
})();
