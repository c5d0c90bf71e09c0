// Demo only: puts a <comment-thread backend="wordpress"> on the page for the site the visitor names,
// or for WP_URL when `npm run demo` was started with it.
const form = document.getElementById('site');
const target = document.getElementById('thread');

function show(endpoint, post) {
  const el = document.createElement('comment-thread');
  el.setAttribute('backend', 'wordpress');
  el.setAttribute('endpoint', endpoint);
  el.setAttribute('post-id', post);
  el.setAttribute('order', 'newest');
  target.replaceChildren(el);
  const url = new URL(location.href);
  url.searchParams.set('endpoint', endpoint);
  url.searchParams.set('post', post);
  history.replaceState(null, '', url);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  show(form.elements.endpoint.value, form.elements.post.value);
});

const params = new URLSearchParams(location.search);
const config = await fetch('./config.json')
  .then((r) => (r.ok ? r.json() : {}))
  .catch(() => ({}));
const endpoint = params.get('endpoint') ?? config.wordpress;
if (endpoint) {
  form.elements.endpoint.value = endpoint;
  form.elements.post.value = params.get('post') ?? '1';
  show(endpoint, form.elements.post.value);
}
