// The page's controls: a switch that makes the demo server's Bluesky answer 503 (and reloads the thread
// to show the note), and a log of the thread's events, as a site's analytics might listen to them.
const thread = document.querySelector('comment-thread');
const down = document.querySelector('#bluesky-down');
const hint = document.querySelector('#outage-hint');
const log = document.querySelector('#log');

const outage = (state) =>
  fetch('/demo/everywhere/outage', {
    method: state === undefined ? 'GET' : 'POST',
    ...(state === undefined ? {} : { body: JSON.stringify({ bluesky: state }) }),
  }).then((r) => r.json());

function note(text) {
  const item = document.createElement('li');
  item.textContent = text;
  log.prepend(item);
}

down.checked = (await outage()).bluesky;
hint.hidden = !down.checked;
down.addEventListener('change', async () => {
  await outage(down.checked);
  hint.hidden = !down.checked;
  // Switched off: load again, so the thread meets the outage. Switched back on: Retry is the reader's.
  if (down.checked) await customElements.whenDefined('comment-thread').then(() => thread.reload());
});

thread.addEventListener('comment-load', (e) => note(`comment-load: ${e.detail.count} comments`));
thread.addEventListener('comment-error', (e) => {
  const { error } = e.detail;
  note(`comment-error: ${error.source ? `source "${error.source}", ` : ''}${error.code}${error.status ? ` ${error.status}` : ''}`);
});
