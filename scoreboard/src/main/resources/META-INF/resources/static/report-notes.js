'use strict';
// The game master's notes and action items on a report page (a file, not inline: the CSP allows
// scripts from this server's files only).
document.getElementById('notes-save').addEventListener('click', async () => {
  const lines = document.getElementById('notes-actions').value.split('\n').map(l => l.trim()).filter(l => l.length > 0);
  const actions = lines.map(l => {
    const m = /^\[( |x|X)?\]\s*(.*?)(?:\s*\(([^()]*)\))?$/.exec(l);
    return m ? { text: m[2], owner: m[3] || '', done: (m[1] || ' ').trim().length > 0 } : { text: l, owner: '', done: false };
  });
  const body = { text: document.getElementById('notes-text').value, actions: actions };
  // The session's anti-forgery token: the server refuses a cookie-signed PUT without it.
  const csrf = await (await fetch('/api/auth/csrf', { credentials: 'same-origin' })).json();
  const answer = await fetch(location.pathname.replace('/reports/', '/api/reports/') + '/notes', {
    method: 'PUT', headers: { 'Content-Type': 'application/json', [csrf.header]: csrf.token },
    body: JSON.stringify(body) });
  const status = document.getElementById('notes-status');
  if (answer.ok) { location.reload(); } else { status.textContent = 'not saved: ' + (await answer.text()); }
});
