// Demo only: switches one <comment-thread> between adapters, each answered by its recorded fixtures.
import '/src/define.js';
import { fixtureEndpoints, fixtureFetch, fixturePostIds } from '/test/fixtures/backends/index.js';

const factories = {
  waline: () => import('/src/adapters/waline.js').then((m) => m.waline),
  isso: () => import('/src/adapters/isso.js').then((m) => m.isso),
  artalk: () => import('/src/adapters/artalk.js').then((m) => m.artalk),
  mastodon: () => import('/src/adapters/mastodon.js').then((m) => m.mastodon),
  bluesky: () => import('/src/adapters/bluesky.js').then((m) => m.bluesky),
  github: () => import('/src/adapters/github.js').then((m) => m.github),
};

const select = document.getElementById('backend');
const thread = document.getElementById('thread');

async function show(name) {
  const factory = await factories[name]();
  const endpoint = fixtureEndpoints[name];
  thread.postId = fixturePostIds[name];
  // Artalk keys threads by site name as well as page.
  const extra = name === 'artalk' ? { site: 'Blog' } : {};
  thread.adapter = factory({ ...(endpoint ? { endpoint } : {}), ...extra, fetch: fixtureFetch(name) });
  history.replaceState(null, '', `?backend=${name}`);
}

select.addEventListener('change', () => void show(select.value));
select.value = new URLSearchParams(location.search).get('backend') ?? 'waline';
void show(select.value);
