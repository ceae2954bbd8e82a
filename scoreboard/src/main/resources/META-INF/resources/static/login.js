'use strict';
// Sign-in, then (with a one-time password) the choice of one's own password.

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('login-form');
  const next = form.dataset.next || '/';
  let username = '';
  let current = '';

  form.addEventListener('submit', async e => {
    e.preventDefault();
    username = document.getElementById('username').value.trim();
    current = document.getElementById('password').value;
    try {
      const signedIn = await chaos.api('POST', '/api/auth/login', { username, password: current });
      if (signedIn.account.mustChangePassword) {
        document.getElementById('signin').classList.add('hidden');
        document.getElementById('change').classList.remove('hidden');
        document.getElementById('new-password').focus();
      } else {
        window.location = next;
      }
    } catch (err) {
      chaos.say(document.getElementById('login-error'), err.message, true);
    }
  });

  document.getElementById('change-form').addEventListener('submit', async e => {
    e.preventDefault();
    const newPassword = document.getElementById('new-password').value;
    try {
      await chaos.api('POST', '/api/auth/password', { currentPassword: current, newPassword });
      // Changing the password ends the session; sign in again with the new one.
      await chaos.api('POST', '/api/auth/login', { username, password: newPassword });
      window.location = next;
    } catch (err) {
      chaos.say(document.getElementById('change-error'), err.message, true);
    }
  });
});
