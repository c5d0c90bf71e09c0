// The in-test server: a web-test-runner plugin that speaks the documented REST protocol (in memory,
// one store per test-chosen id) under /test-api/rest/{store}/, serves static JSON files under
// /test-api/json/, and counts requests so tests can assert "exactly one POST".
//   POST /test-api/reset/{store}  body: { comments?: Comment[], moderation?: 'off' | 'all', fail?: {...} }
//   GET  /test-api/log/{store}    → the requests received, for assertions (`created`: the id a POST created;
//                                   `held`: it was held; `closed`: the client gave up on it while it was held)
//   POST /test-api/release/{store} → lets every request held so far go on, answering { released: n }
//   GET  /test-api/rest/{store}/counts?posts=a,b → { counts: { a: n, b: m } } (approved comments per post)
// A scripted failure { method?, status?, body?, raw?, type?, headers?, delay?, hold?, times, pass?, drop? }
// answers the next `times` matching requests: after `delay` ms, with `status`/`body` (or `raw` text);
// `pass: true` answers normally after the delay (a slow server); `hold: true` keeps the request waiting
// until the test releases it (or the client gives up): "still pending" whatever the machine's speed, where
// a delay would race the test's own steps; `drop: 'before'` cuts the connection before any answer
// (Chromium may send the request again on a reused connection), `drop: 'body'` sends the headers and
// part of the body, then cuts; `drop: 'stall'` sends them and then nothing more; `drop: 'after'` does what
// the request asks (a POST is stored) and then cuts the connection before answering.
// A POST's `Idempotency-Key` is logged as `key`; a key seen before is answered with the first answer
// again, creating nothing (logged as `replayed`: the id of the comment it had created).
// A reset's `features` ({ likes, editableFor, bodyFormat, notify }) are sent with every page; with
// `editableFor`, a create answers { comment, token } and the token lets PATCH and DELETE
// …/comments/{id} change that comment for that many seconds; POST and DELETE …/comments/{id}/like count.
const stores = new Map();

function store(id) {
  if (!stores.has(id)) stores.set(id, { comments: [], moderation: 'off', log: [], next: 1, failures: [], held: [] });
  return stores.get(id);
}

async function body(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return { __invalid: text };
  }
}

function send(ctx, status, data, headers = {}) {
  ctx.status = status;
  for (const [k, v] of Object.entries(headers)) ctx.set(k, v);
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(data);
}

/** Resolves true when the test releases the request, false if the client closes the connection first. */
function held(s, ctx) {
  return new Promise((resolve) => {
    if (ctx.res.destroyed || ctx.req.socket.destroyed) return resolve(false);
    const release = () => {
      ctx.res.off('close', gaveUp);
      resolve(true);
    };
    const gaveUp = () => {
      const at = s.held.indexOf(release);
      if (at >= 0) s.held.splice(at, 1);
      resolve(false);
    };
    s.held.push(release);
    ctx.res.once('close', gaveUp);
  });
}

/** Koa middleware for web-test-runner's `middleware` option (it runs before static files are served). */
export function testServer() {
  return async (ctx, next) => {
    {
      {
        const path = ctx.path;
        let m;
        if ((m = path.match(/^\/test-api\/reset\/([\w-]+)$/)) && ctx.method === 'POST') {
          const data = await body(ctx);
          stores.set(m[1], {
            comments: data.comments ?? [],
            moderation: data.moderation ?? 'off',
            log: [],
            next: 1000,
            failures: data.failures ?? [],
            held: [],
            features: data.features,
            tokens: new Map(),
          });
          return send(ctx, 200, { ok: true });
        }
        if ((m = path.match(/^\/test-api\/release\/([\w-]+)$/)) && ctx.method === 'POST') {
          const s = store(m[1]);
          const waiting = s.held.splice(0);
          for (const release of waiting) release();
          return send(ctx, 200, { released: waiting.length });
        }
        if ((m = path.match(/^\/test-api\/log\/([\w-]+)$/))) return send(ctx, 200, store(m[1]).log);
        if ((m = path.match(/^\/test-api\/rest\/([\w-]+)\/counts$/)) && ctx.method === 'GET') {
          // The protocol's counts: ids split on the raw commas, then decoded (an id may hold an encoded comma).
          const s = store(m[1]);
          s.log.push({ method: ctx.method, url: ctx.url, time: Date.now() });
          const raw = /(?:^|&)posts=([^&]*)/.exec(ctx.querystring)?.[1] ?? '';
          const posts = raw.split(',').filter(Boolean).map(decodeURIComponent);
          const approved = (p) => s.comments.filter((c) => (c.postId ?? '1') === p && c.status === 'approved').length;
          return send(ctx, 200, { counts: Object.fromEntries(posts.map((p) => [p, approved(p)])) });
        }
        if ((m = path.match(/^\/test-api\/rest\/([\w-]+)\/posts\/([^/]+)\/comments\/([^/]+?)(\/like)?$/))) {
          return oneComment(ctx, store(m[1]), decodeURIComponent(m[2]), decodeURIComponent(m[3]), Boolean(m[4]));
        }
        if ((m = path.match(/^\/test-api\/rest\/([\w-]+)\/posts\/([^/]+)\/comments$/))) {
          const s = store(m[1]);
          const postId = decodeURIComponent(m[2]);
          const entry = { method: ctx.method, url: ctx.url, time: Date.now() };
          s.log.push(entry);
          // Scripted failures: { method, status, body?, delay?, times } served before the normal answer.
          const failure = s.failures.find((f) => (f.method ?? 'GET') === ctx.method && f.times > 0);
          if (ctx.method === 'POST') entry.body = await body(ctx);
          if (failure) {
            failure.times--;
            entry.failure = true;
            if (failure.hold) {
              entry.held = true;
              if (!(await held(s, ctx))) {
                entry.closed = true;
                // Nothing can be sent; a status keeps the runner from reporting the request as a 404.
                ctx.status = 204;
                ctx.respond = false;
                return;
              }
            }
            if (failure.delay) await new Promise((r) => setTimeout(r, failure.delay));
          }
          if (failure?.drop && failure.drop !== 'after') {
            ctx.respond = false;
            const { res, req } = ctx;
            if (failure.drop === 'stall') {
              // Headers and a first chunk, then nothing until the client gives up (a server that hangs mid-answer).
              res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
              res.write('{"comments":[');
              await new Promise((r) => req.socket.once('close', r));
              return;
            }
            if (failure.drop === 'body') {
              res.writeHead(failure.status ?? 200, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
              res.write('{"comments":[{"id":"1","parentId":null,');
              await new Promise((r) => setTimeout(r, 20));
            }
            req.socket.destroy();
            return;
          }
          if (failure && !failure.pass && failure.drop !== 'after') {
            if (failure.raw !== undefined) {
              ctx.status = failure.status ?? 200;
              ctx.type = failure.type ?? 'text/html';
              ctx.body = failure.raw;
              return;
            }
            return send(
              ctx,
              failure.status ?? 500,
              failure.body ?? { error: { code: 'server', message: 'Server error' } },
              failure.headers,
            );
          }
          if (ctx.method === 'GET') {
            const order = ctx.query.order === 'newest' ? -1 : 1;
            const comments = s.comments
              .filter((c) => (c.postId ?? '1') === postId && c.status === 'approved')
              .map(({ postId: _p, ...c }) => c)
              .sort((a, b) => order * (Date.parse(a.createdAt) - Date.parse(b.createdAt)));
            return send(ctx, 200, { comments, total: comments.length, cursor: null, ...(s.features ? { features: s.features } : {}) });
          }
          if (ctx.method === 'POST') {
            const draft = entry.body;
            // Idempotency-Key (docs/rest-protocol.md): a known key is answered as the first time, creating nothing.
            const key = ctx.get('Idempotency-Key');
            if (key) entry.key = key;
            const keys = (s.keys ??= new Map());
            let answer = key ? keys.get(key) : undefined;
            if (answer) entry.replayed = answer.body.comment.id;
            else {
              if (!draft.content || !draft.author?.name) {
                return send(ctx, 400, { error: { code: 'invalid', message: 'Content and name are required.' } });
              }
              const comment = {
                id: String(s.next++),
                parentId: draft.parentId ?? null,
                author: { name: draft.author.name, ...(draft.author.url ? { url: draft.author.url } : {}) },
                createdAt: new Date().toISOString(),
                body: { format: 'text', value: draft.content },
                status: s.moderation === 'all' ? 'pending' : 'approved',
              };
              s.comments.push({ ...comment, postId });
              entry.created = comment.id;
              if (draft.notify) entry.notify = true;
              const window = s.features?.editableFor;
              const token = window ? `t-${comment.id}-${Math.random().toString(36).slice(2)}` : undefined;
              if (token) (s.tokens ??= new Map()).set(comment.id, { token, until: Date.now() + window * 1000 });
              answer = { status: 201, body: token ? { comment, token } : { comment } };
              if (key) keys.set(key, answer);
            }
            if (failure?.drop === 'after') {
              // Done, and then the connection cut before any answer: to the client, as if it never arrived.
              // (A status keeps the runner from reporting the request as a 404.)
              ctx.status = 204;
              ctx.respond = false;
              ctx.req.socket.destroy();
              return;
            }
            return send(ctx, answer.status, answer.body);
          }
          return send(ctx, 405, { error: { code: 'method', message: 'Method not allowed' } });
        }
        if ((m = path.match(/^\/test-api\/json\/([\w-]+)\/([^/]+)\.json$/))) {
          const s = store(m[1]);
          const postId = decodeURIComponent(m[2]);
          s.log.push({ method: ctx.method, url: ctx.url });
          const comments = s.comments.filter((c) => (c.postId ?? '1') === postId).map(({ postId: _p, ...c }) => c);
          return send(ctx, 200, { comments, total: comments.length });
        }
        return next();
      }
    }
  };
}

/**
 * One comment of the protocol: its likes (POST/DELETE …/like), or the author's edit (PATCH) and delete
 * (DELETE) with the token its create answer gave, while the window lasts. A deleted comment with replies
 * stays as a placeholder (`deleted: true`), as the protocol says.
 */
async function oneComment(ctx, s, postId, id, like) {
  const entry = { method: ctx.method, url: ctx.url, time: Date.now() };
  s.log.push(entry);
  const failure = s.failures.find((f) => f.method === `${ctx.method}${like ? ' like' : ''}` && f.times > 0);
  if (failure) {
    failure.times--;
    entry.failure = true;
    return send(ctx, failure.status ?? 500, failure.body ?? { error: { code: 'server', message: 'Server error' } });
  }
  const index = s.comments.findIndex((c) => c.id === id && (c.postId ?? '1') === postId);
  const found = s.comments[index];
  if (!found) return send(ctx, 404, { error: { code: 'not-found', message: 'No such comment.' } });
  if (like) {
    if (ctx.method !== 'POST' && ctx.method !== 'DELETE') return send(ctx, 405, { error: { code: 'method', message: 'Method not allowed' } });
    found.likes = Math.max(0, (found.likes ?? 0) + (ctx.method === 'POST' ? 1 : -1));
    return send(ctx, 200, { likes: found.likes });
  }
  const held = s.tokens?.get(id);
  const given = /^Bearer (.+)$/.exec(ctx.get('Authorization'))?.[1];
  entry.token = given;
  if (!held || held.token !== given || held.until < Date.now()) {
    return send(ctx, 403, { error: { code: 'not-allowed', message: 'Only the author may change this comment, and only for a while.' } });
  }
  if (ctx.method === 'PATCH') {
    const { content } = (entry.body = await body(ctx));
    if (typeof content !== 'string' || !content.trim()) return send(ctx, 400, { error: { code: 'invalid', message: 'Content is required.' } });
    found.body = { format: 'text', value: content };
    const { postId: _p, ...comment } = found;
    return send(ctx, 200, { comment });
  }
  if (ctx.method === 'DELETE') {
    s.tokens.delete(id);
    if (s.comments.some((c) => c.parentId === id)) Object.assign(found, { deleted: true, author: { name: '' }, body: { format: 'text', value: '' } });
    else s.comments.splice(index, 1);
    ctx.status = 204;
    return;
  }
  return send(ctx, 405, { error: { code: 'method', message: 'Method not allowed' } });
}

/**
 * A web-test-runner plugin with the commands tests send with `executeServerCommand`:
 * `comment-thread:offline` { offline } makes every request to the REST protocol fail as it does offline
 * (Chromium's `net::ERR_INTERNET_DISCONNECTED`), or lets them through again. Only those requests: the
 * runner's own connection must stay up. The test sets `navigator.onLine` and fires `online` itself.
 */
export function testCommands() {
  const cut = (route) => route.abort('internetdisconnected');
  return {
    name: 'comment-thread-test-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'comment-thread:offline') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) throw new Error('comment-thread:offline needs the Playwright launcher');
      if (payload?.offline) await page.route('**/test-api/rest/**', cut);
      else await page.unroute('**/test-api/rest/**', cut);
      return true;
    },
  };
}
