// A page part that follows the event stream: the element with data-live-url is fetched again on every event named
// in data-topics (space-separated) of the stream data-events, so changes made anywhere show without a reload.
// With data-poll (ms) it is also fetched on that interval while it holds an element with data-waiting.
(function () {
  document.querySelectorAll('[data-live-url]').forEach(function (live) {
    const streamStatus = document.getElementById('stream-status');
    let reloading = null;
    let dirty = false;

    // one fetch at a time; a change that arrives during one is fetched again right after it
    function reload() {
      if (reloading) { dirty = true; return reloading; }
      reloading = fetch(live.dataset.liveUrl, {credentials: 'same-origin', cache: 'no-store'})
        .then(r => r.ok ? r.text() : Promise.reject(r.status))
        .then(html => { live.innerHTML = html; live.dataset.reloads = String(Number(live.dataset.reloads || 0) + 1); })
        .catch(() => {})
        .finally(() => { reloading = null; if (dirty) { dirty = false; reload(); } });
      return reloading;
    }

    const events = new EventSource(live.dataset.events);
    events.onopen = () => {
      if (streamStatus) { streamStatus.textContent = 'Live updates: connected'; streamStatus.dataset.connected = 'true'; }
      // what changed while the stream was (re)connecting is fetched once
      reload();
    };
    events.onerror = () => {
      if (streamStatus) { streamStatus.textContent = 'Live updates: reconnecting…'; streamStatus.dataset.connected = 'false'; }
    };
    events.onmessage = reload;
    (live.dataset.topics || '').split(' ').filter(t => t).forEach(t => events.addEventListener(t, reload));
    if (live.dataset.poll) {
      setInterval(() => { if (live.querySelector('[data-waiting]')) reload(); }, Number(live.dataset.poll));
    }
  });
})();
