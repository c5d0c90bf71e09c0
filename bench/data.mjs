// Synthetic comment threads for the benchmark, the same for every run: a fixed-seed PRNG, nesting like
// a real blog (about 40% top-level, reply chains up to depth 5), bodies of 50–600 characters, about a
// third of them HTML with links and emphasis, the rest text with paragraph breaks, in date order.

/** mulberry32: small, fast, and good enough to make data (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a of and to in is it that this was for on with as but not be are have I you we they at by from ' +
  'comment post thanks great point agree really think article reading more about would could should ' +
  'interesting example question answer idea people time years work code page theme plugin server update ' +
  'version release issue problem solution browser mobile design performance simple small fast'
).split(' ');
const NAMES = [
  'Ana Lima',
  'Ben Okafor',
  'Chloé Martin',
  'Dmitri Ivanov',
  'Emma Schulz',
  'Farid Haddad',
  'Grace Lee',
  'Hiro Tanaka',
  'Inès Dubois',
  'Jonas Berg',
  'Kavya Rao',
  'Liam Byrne',
  'Maya Cohen',
  'Noah Smith',
  'Olga Petrova',
];

/**
 * `n` comments in the rest protocol's Comment shape, oldest first, with each comment's depth
 * alongside (not sent) so the benchmark can pick a reply target. With `avatars` (an absolute image URL
 * the benchmark's server answers), every comment carries an avatar, as WordPress sends one for each:
 * one address per author, so the browser's cache behaves as on a real thread.
 */
export function thread(n, seed = 20260101, { avatars } = {}) {
  const random = prng(seed ^ n);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sentence = (min, max) => {
    const target = min + Math.floor(random() * (max - min + 1));
    let s = '';
    while (s.length < target) s += (s ? ' ' : '') + pick(WORDS);
    return s.slice(0, target).trim() || 'ok';
  };
  const comments = [];
  const depths = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const id = String(i + 1);
    // Replies mostly answer something recent, as conversations do; chains stop at depth 5.
    let parent = null;
    if (i > 0 && random() >= 0.4) {
      for (let tries = 0; tries < 8 && parent === null; tries++) {
        const back = Math.floor(Math.pow(random(), 3) * Math.min(i, 200));
        const candidate = i - 1 - back;
        if (depths[candidate] < 5) parent = candidate;
      }
    }
    depths.push(parent === null ? 1 : depths[parent] + 1);
    const length = 50 + Math.floor(random() * 551);
    const html = random() < 0.3;
    let value;
    if (html) {
      const words = sentence(length - 40, length - 40).split(' ');
      const at = Math.floor(words.length / 2);
      words[at] = `<a href="https://example.com/${id}">${words[at]}</a>`;
      words[1] = `<em>${words[1] ?? ''}</em>`;
      value = `<p>${words.join(' ')}</p>`;
    } else {
      value = random() < 0.3 ? `${sentence(20, length / 2)}\n\n${sentence(20, length / 2)}` : sentence(length, length);
    }
    const name = pick(NAMES);
    const author = { name };
    if (random() < 0.3) author.url = `https://example.com/~${name.split(' ')[0].toLowerCase()}`;
    if (random() < 0.05) author.isPostAuthor = true;
    if (avatars) author.avatarUrl = `${avatars}?u=${encodeURIComponent(name)}`;
    comments.push({
      id,
      parentId: parent === null ? null : String(parent + 1),
      author,
      createdAt: new Date(start + i * 97_000 + Math.floor(random() * 60_000)).toISOString(),
      body: { format: html ? 'html' : 'text', value },
      status: 'approved',
      permalink: `https://example.com/post/#comment-${id}`,
    });
  }
  return { comments, depths };
}
