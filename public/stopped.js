// When the app's WebAssembly stops (a trap: an internal error or running
// out of memory), nothing of the app answers any more. This plain script,
// independent of the app's code, then covers the page with a notice in
// both languages and a reload button, instead of leaving a frozen screen.
// What was stored stays stored: every change is written in one
// transaction, so a stop mid-command leaves the books as before it.
'use strict';
(function () {
  let shown = false;

  function isTrap(error) {
    return typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError;
  }

  function show(error) {
    if (shown || !document.body) return;
    shown = true;
    const cover = document.createElement('div');
    cover.className = 'app-stopped';
    cover.setAttribute('role', 'alertdialog');
    cover.setAttribute('aria-modal', 'true');
    cover.setAttribute('data-testid', 'app-stopped');
    const box = document.createElement('div');
    box.className = 'app-stopped-box';
    const say = (tag, text, lang) => {
      const el = document.createElement(tag);
      el.textContent = text;
      el.lang = lang;
      box.appendChild(el);
    };
    say('h2', 'Kontor wurde angehalten', 'de');
    say('p', 'Ein interner Fehler hat die Anwendung gestoppt. Gespeichertes bleibt erhalten; ' +
      'eine Eingabe, die noch nicht gebucht war, ist verloren. Bitte laden Sie die Seite neu.', 'de');
    say('h2', 'Kontor stopped', 'en');
    say('p', 'An internal error stopped the application. What was saved stays saved; ' +
      'an input not yet posted is lost. Please reload the page.', 'en');
    const detail = document.createElement('p');
    detail.className = 'app-stopped-detail';
    detail.setAttribute('data-testid', 'app-stopped-detail');
    detail.textContent = String((error && error.message) || error);
    box.appendChild(detail);
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = 'Neu laden / Reload';
    reload.setAttribute('data-testid', 'app-stopped-reload');
    reload.addEventListener('click', () => location.reload());
    box.appendChild(reload);
    cover.appendChild(box);
    document.body.appendChild(cover);
    reload.focus();
  }

  window.addEventListener('error', (event) => { if (isTrap(event.error)) show(event.error); });
  window.addEventListener('unhandledrejection', (event) => { if (isTrap(event.reason)) show(event.reason); });
})();
