'use strict';
// The game-master console: run the game day, watch its timeline, fire, end and halt, review
// free-text diagnoses, follow the teams and the host agents, create accounts.

document.addEventListener('DOMContentLoaded', () => {
  const $ = id => document.getElementById(id);
  const message = $('console-message');
  let gameDay = null;
  let stream = null;
  let haltArmed = null;

  async function run(action, done) {
    try {
      const result = await action();
      if (done) chaos.say(message, done(result), false);
    } catch (err) {
      chaos.say(message, err.message, true);
    }
    await refresh();
  }

  async function loadGameDays() {
    const days = await chaos.api('GET', '/api/gamedays');
    const select = $('gameday-select');
    select.replaceChildren(...days.map(d => chaos.el('option', { value: d.id }, d.name + ' (' + d.id + ')')));
    const running = days.find(d => d.state === 'RUNNING');
    gameDay = gameDay || (running || days[0] || {}).id || null;
    if (gameDay) select.value = gameDay;
    const scenarios = await chaos.api('GET', '/api/scenarios');
    $('fire-scenario').replaceChildren(...scenarios.map(s => chaos.el('option', { value: s.id }, s.id + ' — ' + s.title)));
    followBoard();
  }

  function followBoard() {
    if (stream) stream.close();
    if (!gameDay) return;
    $('board-link').href = '/board/' + encodeURIComponent(gameDay);
    let pending = null;
    stream = chaos.follow(gameDay, () => { clearTimeout(pending); pending = setTimeout(refresh, 100); });
  }

  function timelineRow(i) {
    const end = i.state === 'RUNNING' && i.injectedAt
      ? chaos.el('button', { type: 'button', class: 'small', id: 'end-' + i.id,
          onclick: () => run(() => chaos.api('POST', '/api/incidents/' + i.id + '/end'), () => 'Ending ' + i.id + '…') }, 'End fault')
      : '';
    return chaos.el('tr', { 'data-incident': i.id, class: 'state-' + i.state.toLowerCase() },
      chaos.el('td', {}, i.id.slice(0, 8)), chaos.el('td', {}, i.scenarioId),
      chaos.el('td', { class: 'state' }, i.state), chaos.el('td', {}, chaos.time(i.scheduledAt)),
      chaos.el('td', {}, chaos.time(i.injectedAt)), chaos.el('td', {}, chaos.time(i.detectedAt)),
      chaos.el('td', {}, chaos.time(i.recoveredAt)), chaos.el('td', {}, i.verdict || ''), chaos.el('td', {}, end));
  }

  function reviewItem(r) {
    const judge = accept => run(() => chaos.api('POST',
      '/api/gamedays/' + gameDay + '/reviews/' + r.play.id, { accept }),
      () => (accept ? 'Accepted' : 'Rejected') + ' the diagnosis of ' + r.play.team);
    return chaos.el('li', { 'data-play': r.play.id },
      chaos.el('strong', {}, r.play.team), ' on ', r.incident, ' (', r.scenarioId, '): “', r.play.detail, '” ',
      chaos.el('span', { class: 'muted' }, 'answer: ' + r.answerComponent + ' / ' + r.answerFault), ' ',
      chaos.el('button', { type: 'button', class: 'small', id: 'accept-' + r.play.id, onclick: () => judge(true) }, 'Accept'),
      chaos.el('button', { type: 'button', class: 'small', id: 'reject-' + r.play.id, onclick: () => judge(false) }, 'Reject'));
  }

  function teamRow(t) {
    const s = t.standing;
    return chaos.el('tr', { 'data-team': t.team },
      chaos.el('td', {}, s.rank), chaos.el('td', {}, t.team), chaos.el('td', { class: 'num' }, s.points),
      chaos.el('td', {}, s.detected), chaos.el('td', {}, s.diagnosed), chaos.el('td', {}, s.recovered),
      chaos.el('td', {}, t.plays.length));
  }

  // A host agent: connected or not, its host, and the fault kinds its host cannot apply, with why.
  function agentRow(a) {
    const state = a.revoked ? 'revoked' : a.connected ? 'connected' : 'not connected';
    const cannot = Object.entries(a.capabilities || {}).filter(([, why]) => why)
      .map(([kind, why]) => chaos.el('li', {}, kind + ': ' + why));
    const kinds = Object.keys(a.capabilities || {}).length;
    return chaos.el('tr', { 'data-agent': a.name, class: 'agent-' + state.replace(' ', '-') },
      chaos.el('td', {}, a.name), chaos.el('td', { class: 'agent-state' }, state),
      chaos.el('td', {}, a.host || ''), chaos.el('td', {}, a.version || ''),
      chaos.el('td', {}, chaos.time(a.lastContact)),
      chaos.el('td', { class: 'cannot' }, cannot.length ? chaos.el('ul', {}, cannot) : (kinds ? 'can apply every kind' : '')),
      chaos.el('td', { class: 'num' }, (a.active || []).length));
  }

  async function refresh() {
    const halt = await chaos.api('GET', '/api/halt');
    chaos.text($('halt-state'), halt.halted ? 'HALT-ALL IN EFFECT since ' + chaos.time(halt.since) + ' by ' + halt.actor : 'no halt');
    $('halt-release').classList.toggle('hidden', !halt.halted);
    // What this start of the server did not apply (a game-day file changed mid-day), until it restarts.
    const notices = (await chaos.api('GET', '/api/status')).notices || [];
    chaos.text($('server-notices'), notices.join(' '));
    $('server-notices').classList.toggle('hidden', notices.length === 0);
    const agents = await chaos.api('GET', '/api/agents');
    $('no-agents').classList.toggle('hidden', agents.length > 0);
    $('agents').classList.toggle('hidden', agents.length === 0);
    $('agents').querySelector('tbody').replaceChildren(...agents.map(agentRow));
    if (!gameDay) return;
    const day = await chaos.api('GET', '/api/gamedays/' + encodeURIComponent(gameDay));
    chaos.text($('gameday-state'), day.state);
    // Running incidents first, then the rest by time, the next to come at the top.
    const rank = i => (i.state === 'RUNNING' ? 0 : i.state === 'SCHEDULED' ? 1 : 2);
    const when = i => String(i.startedAt || i.scheduledAt || '');
    $('timeline').querySelector('tbody').replaceChildren(...day.incidents.slice()
      .sort((a, b) => rank(a) - rank(b) || (rank(a) === 1 ? when(a).localeCompare(when(b)) : when(b).localeCompare(when(a))))
      .map(timelineRow));
    const teamSelect = $('account-team');
    if (teamSelect.options.length !== day.teams.length) {
      teamSelect.replaceChildren(...day.teams.map(t => chaos.el('option', { value: t }, 'team ' + t)));
    }
    const reviews = await chaos.api('GET', '/api/gamedays/' + encodeURIComponent(gameDay) + '/reviews');
    $('no-reviews').classList.toggle('hidden', reviews.length > 0);
    $('reviews').replaceChildren(...reviews.map(reviewItem));
    const teams = await chaos.api('GET', '/api/gamedays/' + encodeURIComponent(gameDay) + '/teams');
    $('teams').querySelector('tbody').replaceChildren(...teams.map(teamRow));
  }

  $('gameday-select').addEventListener('change', e => { gameDay = e.target.value; followBoard(); refresh(); });
  ['start', 'pause', 'resume', 'stop'].forEach(verb => $('gd-' + verb).addEventListener('click', () =>
    run(() => chaos.api('POST', '/api/gamedays/' + gameDay + '/' + verb), d => 'Game day ' + d.id + ' is ' + d.state)));
  // The pre-flight checklist of chaos validate --live, against the server's targets; nothing is injected.
  $('gd-preflight').addEventListener('click', async () => {
    if (!gameDay) return;
    chaos.say(message, 'Pre-flight of ' + gameDay + '…', false);
    try {
      const list = await chaos.api('POST', '/api/gamedays/' + encodeURIComponent(gameDay) + '/preflight');
      $('preflight-card').classList.remove('hidden');
      chaos.text($('preflight-summary'), list.checked + ' item(s) checked, ' + list.failed + ' failed, at '
        + chaos.time(list.checkedAt));
      $('preflight').replaceChildren(...list.items.map(i => chaos.el('li', { class: i.ok ? 'ok' : 'failed' },
        chaos.el('strong', {}, i.ok ? 'ok' : 'FAILED'), ' ', i.scenario, ': ', i.what, ' — ', i.detail)));
      chaos.say(message, list.ok ? 'Pre-flight: every item passed.' : 'Pre-flight: ' + list.failed + ' item(s) failed.', !list.ok);
    } catch (err) {
      chaos.say(message, err.message, true);
    }
  });
  $('board-freeze').addEventListener('click', () =>
    run(() => chaos.api('POST', '/api/gamedays/' + gameDay + '/board/freeze'), () => 'The public board is frozen.'));
  $('board-unfreeze').addEventListener('click', () =>
    run(() => chaos.api('POST', '/api/gamedays/' + gameDay + '/board/unfreeze'), () => 'The board is live again.'));
  $('fire-form').addEventListener('submit', e => {
    e.preventDefault();
    run(() => chaos.api('POST', '/api/incidents', { scenario: $('fire-scenario').value, gameDay }),
      i => 'Fired ' + i.scenarioId + ': ' + i.state + (i.reason ? ' (' + i.reason + ')' : ''));
  });
  // Halt-all asks for a second click within five seconds rather than a dialog a stray key closes.
  $('halt-all').addEventListener('click', () => {
    const button = $('halt-all');
    if (!haltArmed) {
      chaos.text(button, 'CLICK AGAIN TO HALT ALL');
      haltArmed = setTimeout(() => { haltArmed = null; chaos.text(button, 'HALT ALL'); }, 5000);
      return;
    }
    clearTimeout(haltArmed);
    haltArmed = null;
    chaos.text(button, 'HALT ALL');
    run(() => chaos.api('POST', '/api/halt', { reason: 'halt-all from the game-master console' }),
      r => 'Halt-all: ' + r.runsAborted + ' run(s) aborted and reverted, ' + r.reverted
        + ' leftover injection(s) reverted, ' + r.stillActive + ' still active.');
  });
  $('halt-release').addEventListener('click', () =>
    run(() => chaos.api('POST', '/api/halt/release'), () => 'Halt released: injections are allowed again.'));
  $('account-form').addEventListener('submit', async e => {
    e.preventDefault();
    const role = $('account-role').value;
    const body = { username: $('account-username').value.trim(), role };
    if (role === 'player') Object.assign(body, { gameDay, team: $('account-team').value });
    try {
      const created = await chaos.api('POST', '/api/accounts', body);
      chaos.say($('account-message'), 'Created ' + created.account.username + ' with one-time password '
        + created.oneTimePassword + ' (shown once).', false);
    } catch (err) {
      chaos.say($('account-message'), err.message, true);
    }
  });
  $('token-create').addEventListener('click', async () => {
    try {
      const t = await chaos.api('POST', '/api/auth/tokens', { label: 'console' });
      chaos.say($('token-message'), 'API token (shown once): ' + t.token, false);
    } catch (err) {
      chaos.say($('token-message'), err.message, true);
    }
  });

  loadGameDays().then(refresh).catch(err => chaos.say(message, err.message, true));
  setInterval(() => refresh().catch(() => {}), 2000);
});
