// Progressive enhancement only: every page works without this file.
'use strict';

DKFDS.init();

// The idle-timeout warning (spec: Sessions): shown 5 minutes before the session ends; "Fortsæt" keeps it
// alive.
(function sessionWarning() {
  const el = document.getElementById('session-warning');
  if (!el) return;
  const modal = new DKFDS.Modal(el);
  let returnFocus = null;
  let timer = null;
  const arm = (seconds) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      returnFocus = document.activeElement;
      modal.show();
    }, seconds * 1000);
  };
  el.addEventListener('fds.modal.hidden', () => {
    if (returnFocus) returnFocus.focus();
  });
  document.getElementById('session-continue').addEventListener('click', async () => {
    const res = await fetch('/session/forny', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-csrf-token': el.dataset.csrf },
    });
    if (res.ok) {
      const { expiresAt } = await res.json();
      arm((new Date(expiresAt).getTime() - Date.now()) / 1000 - 300);
    } else {
      window.location.assign('/log-ind?besked=udlobet');
    }
  });
  arm(Number(el.dataset.warnAfter));
})();
