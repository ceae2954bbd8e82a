// Shared by every page: calls to the REST API with the session cookie, and small formatting helpers.
'use strict';

const chaos = {
  /** Calls the API; resolves to the JSON answer, rejects with the server's error message. */
  async api(method, path, body, headers) {
    const init = { method, headers: Object.assign({}, headers || {}), credentials: 'same-origin' };
    if (method !== 'GET') {
      const token = await chaos.csrf();
      if (token) init.headers[token.header] = token.token;
    }
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      window.location = '/login?next=' + encodeURIComponent(window.location.pathname);
      throw new Error('signed out');
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((json && json.error) || response.status + ' ' + response.statusText);
    }
    return json;
  },

  /**
   * The session's anti-forgery token, sent with every call that changes something: the server
   * refuses such a call signed in by the cookie without it. None before signing in.
   */
  async csrf() {
    if (!chaos.csrfToken) {
      const response = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
      chaos.csrfToken = response.ok ? await response.json() : null;
    }
    return chaos.csrfToken;
  },

  /** A play: sent once, with a fresh Idempotency-Key, so a double click cannot count twice. */
  play(path, body) {
    return chaos.api('POST', path, body, { 'Idempotency-Key': chaos.key() });
  },

  key() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(16).slice(2);
  },

  time(iso) {
    return iso ? new Date(iso).toLocaleTimeString() : '';
  },

  /** Sets an element's text; never HTML, so what players type cannot become markup. */
  text(el, value) {
    el.textContent = value == null ? '' : String(value);
    return el;
  },

  el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    });
    children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return e;
  },

  say(el, message, isError) {
    chaos.text(el, message);
    el.classList.toggle('error', !!isError);
  },

  /** Follows a game day's board as the server pushes it; calls back with each new board. */
  follow(gameDay, onBoard, onState) {
    const source = new EventSource('/api/gamedays/' + encodeURIComponent(gameDay) + '/board/stream');
    source.onmessage = e => onBoard(JSON.parse(e.data));
    source.onopen = () => onState && onState(true);
    source.onerror = () => onState && onState(false);
    return source;
  },
};

document.addEventListener('DOMContentLoaded', () => {
  const logout = document.getElementById('logout');
  if (logout) {
    logout.addEventListener('click', async () => {
      try {
        await chaos.api('POST', '/api/auth/logout');
      } finally {
        window.location = '/login';
      }
    });
  }
});
