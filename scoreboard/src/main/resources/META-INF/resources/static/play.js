'use strict';
// The player console: claim, diagnose, buy hints, declare fixes, for one's own team only.

document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('play');
  const message = document.getElementById('play-message');
  let options = { services: [], components: [], faults: [] };

  // Not "required": a free-text diagnosis leaves both lists empty; the submit handler checks.
  function select(id, values, placeholder) {
    return chaos.el('select', { id },
      chaos.el('option', { value: '' }, placeholder),
      values.map(v => chaos.el('option', { value: v }, v)));
  }

  async function act(path, body, done) {
    try {
      const play = await chaos.play(path, body);
      chaos.say(message, done(play), play.outcome === 'rejected');
    } catch (err) {
      chaos.say(message, err.message, true);
    }
    await load();
  }

  function diagnosisForm(card) {
    const prefix = 'diag-' + card.id;
    const component = select(prefix + '-component', options.components, 'component…');
    const fault = select(prefix + '-fault', options.faults, 'kind of fault…');
    const text = chaos.el('input', { id: prefix + '-text', placeholder: '…or describe it in your words', maxlength: '500' });
    return chaos.el('form', {
      class: 'diagnosis', id: prefix,
      onsubmit: e => {
        e.preventDefault();
        const body = text.value.trim()
          ? { incident: card.id, text: text.value.trim() }
          : { incident: card.id, component: component.value, fault: fault.value };
        if (!body.text && (!body.component || !body.fault)) {
          chaos.say(message, 'Choose a component and a kind of fault, or describe it in your words.', true);
          return;
        }
        act('/api/play/diagnoses', body, p => p.outcome === 'accepted' ? 'Right diagnosis!'
          : p.outcome === 'pending' ? 'Sent to the game master for review.' : 'Wrong diagnosis: try again.');
      },
    }, component, fault, text, chaos.el('button', { type: 'submit', id: prefix + '-submit' }, 'Diagnose'));
  }

  function hints(card) {
    const now = Date.now();
    let offered = false;
    return chaos.el('ul', { class: 'hints' }, card.hints.map(h => {
      if (h.bought) {
        return chaos.el('li', { class: 'hint bought' }, 'Hint ' + h.number + ': ', chaos.el('em', {}, h.text));
      }
      const open = new Date(h.unlocksAt).getTime() <= now;
      const first = !offered;
      offered = true;
      if (!first) return chaos.el('li', { class: 'hint muted' }, 'Hint ' + h.number + ' (' + h.costPercent + '%)');
      return chaos.el('li', { class: 'hint' },
        chaos.el('button', {
          type: 'button', id: 'hint-' + card.id + '-' + h.number,
          ...(open ? {} : { disabled: 'disabled' }),
          onclick: () => act('/api/play/hints', { incident: card.id }, () => 'Hint bought.'),
        }, 'Buy hint ' + h.number + ' (' + h.costPercent + '% of the stage)'),
        open ? '' : ' available at ' + chaos.time(h.unlocksAt));
    }));
  }

  function card(c) {
    const parts = [
      chaos.el('h3', {}, c.label, ' ', chaos.el('span', { class: 'state' }, c.state)),
      chaos.el('p', { class: 'muted' }, 'Since ' + chaos.time(c.injectedAt) + ' · ' + c.mode),
      chaos.el('p', {}, 'Diagnosis: ', chaos.el('strong', { class: 'diagnosis-outcome' }, c.diagnosis)),
    ];
    if (c.state === 'running' && c.diagnosis !== 'accepted' && c.diagnosis !== 'pending') {
      parts.push(diagnosisForm(c));
    }
    if (c.mode === 'until-fixed') {
      parts.push(chaos.el('p', {}, 'Fix: ', chaos.el('strong', { class: 'fix-outcome' }, c.fix)));
      if (c.state === 'running' && c.fix === 'none') {
        parts.push(chaos.el('button', {
          type: 'button', id: 'fix-' + c.id,
          onclick: () => act('/api/play/fixes', { incident: c.id },
            () => 'Fix declared: it counts once the metrics show the system healthy for long enough.'),
        }, 'We fixed it'));
      }
    }
    if (c.hints.length) parts.push(hints(c));
    return chaos.el('section', { class: 'card incident', 'data-incident': c.id, 'data-label': c.label }, parts);
  }

  function render(con) {
    options = con.options;
    const service = document.getElementById('claim-service');
    const services = JSON.stringify(con.options.services);
    if (service.dataset.services !== services) {
      const chosen = service.value;
      service.replaceChildren(chaos.el('option', { value: '' }, 'service…'),
        ...con.options.services.map(s => chaos.el('option', { value: s }, s)));
      service.value = chosen;
      service.dataset.services = services;
    }
    chaos.text(document.getElementById('my-points'), con.standing ? con.standing.points : 0);
    document.getElementById('my-lines').replaceChildren(...(con.standing ? con.standing.lines : [])
      .slice().reverse().map(l => chaos.el('li', {}, l.text)));
    document.getElementById('no-incidents').classList.toggle('hidden', con.incidents.length > 0);
    // A card is rebuilt only when its incident changed, so that pushes never wipe what a player
    // is typing into a diagnosis.
    const kept = new Map([...document.querySelectorAll('#incidents section.incident')]
      .map(e => [e.dataset.incident, e]));
    document.getElementById('incidents').replaceChildren(...con.incidents.map(c => {
      const json = JSON.stringify(c);
      const old = kept.get(c.id);
      if (old && old.dataset.json === json) return old;
      const built = card(c);
      built.dataset.json = json;
      return built;
    }));
    document.querySelector('#plays tbody').replaceChildren(...con.plays.map(p =>
      chaos.el('tr', {}, chaos.el('td', {}, chaos.time(p.at)), chaos.el('td', {}, p.type),
        chaos.el('td', {}, p.incident || '–'), chaos.el('td', {}, p.detail),
        chaos.el('td', { class: 'outcome ' + p.outcome }, p.outcome))));
  }

  async function load() {
    try {
      render(await chaos.api('GET', '/api/play'));
    } catch (err) {
      chaos.say(message, err.message, true);
    }
  }

  document.getElementById('claim-form').addEventListener('submit', e => {
    e.preventDefault();
    const service = document.getElementById('claim-service').value;
    act('/api/play/detections', { service }, p => p.outcome === 'accepted'
      ? 'Detection accepted: ' + (p.incident || 'an incident') + ' is yours to diagnose.'
      : 'No running incident shows on ' + service + ': a false claim.');
  });

  let pending = null;
  chaos.follow(root.dataset.gameDay, () => {
    // Board changes (a review, a recovery) may change this console too; reload once per burst.
    clearTimeout(pending);
    pending = setTimeout(load, 100);
  });
  load();
});
