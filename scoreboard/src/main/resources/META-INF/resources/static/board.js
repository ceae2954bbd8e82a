'use strict';
// The live leaderboard: the server pushes every change; nothing is polled or reloaded.

document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('board');
  const gameDay = root.dataset.gameDay;

  function progress(count, total) {
    if (total == null) {
      return chaos.el('td', { class: 'stage' }, chaos.el('span', { class: 'count' }, count));
    }
    const pct = total > 0 ? Math.round(100 * count / total) : 0;
    return chaos.el('td', { class: 'stage' },
      chaos.el('span', { class: 'bar' }, chaos.el('span', { class: 'fill', style: 'width:' + pct + '%' })),
      chaos.el('span', { class: 'count' }, count + ' / ' + total));
  }

  function render(board) {
    root.dataset.version = board.version;
    chaos.text(document.getElementById('board-state'), board.state);
    document.getElementById('board-frozen').classList.toggle('hidden', !board.frozenAt);
    // A blind game day does not say how many incidents fired: finding them is the game.
    chaos.text(document.getElementById('board-incidents'), board.incidents == null
      ? 'a blind game day: incidents are not counted here'
      : board.incidents + ' incident(s) so far, ' + board.openIncidents + ' open');
    const body = document.querySelector('#standings tbody');
    body.replaceChildren(...board.standings.map(row =>
      chaos.el('tr', { 'data-team': row.team },
        chaos.el('td', { class: 'rank' }, row.rank),
        chaos.el('td', { class: 'team' }, row.team),
        chaos.el('td', { class: 'num points' }, row.points),
        progress(row.detected, board.incidents),
        progress(row.diagnosed, board.incidents),
        progress(row.recovered, board.incidents))));
    document.getElementById('recent').replaceChildren(...board.recent.map(ev =>
      chaos.el('li', { class: ev.points > 0 ? 'up' : 'down' },
        chaos.el('span', { class: 'when' }, chaos.time(ev.at)), ' ',
        chaos.el('strong', {}, ev.team), ' ', ev.text)));
  }

  chaos.follow(gameDay, render, up => document.getElementById('board-live').classList.toggle('off', !up));
});
