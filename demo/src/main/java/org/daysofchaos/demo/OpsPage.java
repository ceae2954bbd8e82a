package org.daysofchaos.demo;

/**
 * The ops page: one form per lever, and the levers' state refreshed every second. Plain HTML and a
 * few lines of script (a separate file, {@code /ops/ops.js}) that post the forms and show the
 * answer; nothing to build or download.
 */
final class OpsPage {
  private OpsPage() {}

  /** The page's script: posts the forms and shows the answer and the state. */
  static final String SCRIPT =
      """
      const show = (id, text) => { document.getElementById(id).textContent = text; };
      async function refresh() {
        try {
          const r = await fetch('/ops/state');
          show('state', JSON.stringify(await r.json(), null, 2));
        } catch (e) { show('state', 'the demo does not answer: ' + e); }
      }
      for (const form of document.querySelectorAll('form')) {
        form.addEventListener('submit', async (event) => {
          event.preventDefault();
          show('answer', 'sent...');
          // Served by the game-day server: it asks for its session's anti-forgery token.
          const csrf = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
          const headers = csrf.ok ? (t => ({ [t.header]: t.token }))(await csrf.json()) : {};
          const r = await fetch(form.action, { method: 'POST', headers, credentials: 'same-origin',
            body: new URLSearchParams(new FormData(form)) });
          show('answer', r.status + ' ' + JSON.stringify(await r.json(), null, 2));
          refresh();
        });
      }
      refresh();
      setInterval(refresh, 1000);
      """;

  static final String HTML =
      """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>Demo pre-production: ops console</title>
      <style>
        body { font-family: sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
        form { margin: .4rem 0; }
        fieldset { margin: 1rem 0; border: 1px solid #bbb; }
        legend { font-weight: bold; }
        pre { background: #f4f4f4; padding: .5rem; white-space: pre-wrap; }
        .cost { color: #8a4b00; font-size: .9rem; }
      </style>
      </head>
      <body>
      <h1>Ops console of the demo pre-production</h1>
      <p>The levers an on-call engineer has. Each one changes the real system, and each one has a
      cost when it is not what the incident needs: watch the booking metrics.</p>

      <fieldset><legend>Payment: fail over</legend>
        <form method="post" action="/ops/payment/failover">
          <select name="to"><option>replica</option><option>primary</option></select>
          <button>Fail over</button>
        </form>
        <div class="cost">The replica answers more slowly than the primary.</div>
      </fieldset>

      <fieldset><legend>Inventory: restart the process</legend>
        <form method="post" action="/ops/inventory/restart"><button>Restart inventory</button></form>
        <div class="cost">Bookings fail while the new process starts.</div>
      </fieldset>

      <fieldset><legend>Booking: circuit breaker</legend>
        <form method="post" action="/ops/booking/circuit-breaker">
          <select name="dependency"><option>payment</option><option>inventory</option></select>
          <select name="state"><option>open</option><option>closed</option></select>
          <button>Set</button>
        </form>
        <div class="cost">Open, booking stops calling the dependency: payments are deferred, or
        seats are not checked.</div>
      </fieldset>

      <fieldset><legend>Booking: timeout of a dependency</legend>
        <form method="post" action="/ops/booking/timeout">
          <select name="dependency"><option>payment</option><option>inventory</option></select>
          <input name="ms" type="number" min="1" max="60000" value="1000"> ms
          <button>Set</button>
        </form>
        <div class="cost">Too short, and calls that would have succeeded fail.</div>
      </fieldset>

      <fieldset><legend>Booking: roll the configuration back</legend>
        <form method="post" action="/ops/booking/config/rollback"><button>Roll back
        booking.properties</button></form>
        <div class="cost">Puts back the last good file: any change made to it since is lost.</div>
      </fieldset>

      <h2>Last answer</h2>
      <pre id="answer">(none yet)</pre>
      <h2>State</h2>
      <pre id="state">loading...</pre>

      <!-- A file, not inline: served through the game-day server, whose CSP allows scripts from
           its own files only. -->
      <script src="/ops/ops.js"></script>
      </body>
      </html>
      """;
}
