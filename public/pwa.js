// Registers Kontor's service worker (sw.js) and passes what it says to the
// app: `window.kontorPwa` = { supported, updateReady, stale, applyUpdate() };
// each change fires a `kontor-update` event the app's update notice
// listens to. An update is never applied by itself: only applyUpdate()
// (the user's click) does, and then this tab reloads. A tab whose code is
// older than the version another tab applied is `stale`: the app then
// refuses to write until it is reloaded.
'use strict';
(function () {
  const ownVersion = versionOf(document.documentElement.outerHTML);
  const state = { supported: 'serviceWorker' in navigator, updateReady: false, stale: false, applyUpdate };
  window.kontorPwa = state;

  /** The name of the app's hashed JS file an index.html loads. */
  function versionOf(html) {
    const m = /\/kontor-[0-9a-f]+\.js/.exec(html || '');
    return m ? m[0] : '';
  }

  function changed() {
    window.dispatchEvent(new CustomEvent('kontor-update'));
  }

  async function applyUpdate() {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active) registration.active.postMessage({ type: 'kontor-apply-update' });
  }

  if (!state.supported) return;
  navigator.serviceWorker.addEventListener('message', (event) => {
    const data = event.data || {};
    // An offer of the version this tab already runs is no update.
    if (data.type === 'kontor-update-ready' && versionOf(data.index) !== ownVersion && !state.updateReady) {
      state.updateReady = true;
      changed();
    }
    if (data.type === 'kontor-version' && versionOf(data.index) !== ownVersion && !state.stale) {
      state.stale = true;
      changed();
    }
    if (data.type === 'kontor-applied') location.reload();
  });

  async function askForUpdate() {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active) registration.active.postMessage({ type: 'kontor-check-update' });
  }

  window.addEventListener('load', async () => {
    try {
      await navigator.serviceWorker.register('/sw.js', { updateViaCache: 'none' });
      await askForUpdate();
      // A long-open tab learns of a new version too (every 30 minutes).
      setInterval(() => askForUpdate().catch(() => {}), 30 * 60 * 1000);
    } catch (e) {
      // Without a service worker Kontor works as before, only not offline.
      console.warn('Kontor: service worker not registered', e);
    }
  });
})();
