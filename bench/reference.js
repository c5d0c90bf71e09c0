/* global document, fetch */
// The benchmark's floor: a plain-DOM renderer of the same markup as <comment-thread>'s list, written
// by hand with document.createElement, in one synchronous pass, with no framework, no validation and
// no progressive rendering. It fetches the same JSON through the same rest protocol, every page.
const dates = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' });

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const key in attrs) node.setAttribute(key, attrs[key]);
  node.append(...children);
  return node;
}

function item(c, depth) {
  const dom = `comment-${c.id}`;
  const by = `${dom}-author`;
  const link = { part: 'author-link', href: c.author.url, rel: 'nofollow ugc noopener external' };
  const name = c.author.url ? el('a', link, c.author.name) : c.author.name;
  const when = new Date(c.createdAt);
  const time = el('time', { part: 'date', datetime: when.toISOString() }, dates.format(when));
  const header = el('header', { part: 'header' }, el('span', { part: 'author', id: by }, name));
  if (c.author.avatarUrl) {
    const avatar = { part: 'avatar', src: c.author.avatarUrl, alt: '', width: '40', height: '40', loading: 'lazy', decoding: 'async' };
    header.prepend(el('img', avatar));
  }
  if (c.author.isPostAuthor) header.append(el('span', { part: 'badge' }, 'Post author'));
  const permalink = { part: 'permalink', href: c.permalink, 'aria-label': `Permalink to ${c.author.name}'s comment` };
  header.append(el('span', { part: 'meta' }, el('a', permalink, time)));
  const body = el('div', { part: 'body' });
  if (c.body.format === 'html') body.setHTML(c.body.value);
  else {
    for (const p of c.body.value.trim().split(/\n\s*\n/)) {
      body.append(el('p', {}, ...p.split('\n').flatMap((line, i) => (i ? [el('br', {}), line] : [line]))));
    }
  }
  const reply = { part: 'reply-button', type: 'button', 'aria-expanded': 'false', 'aria-describedby': by };
  const actions = el('div', { part: 'actions' }, el('button', reply, 'Reply'));
  const attrs = { part: `comment depth-${depth}`, id: dom, 'data-comment-id': c.id, 'aria-labelledby': by, tabindex: '-1' };
  return el('li', { part: 'item' }, el('article', attrs, header, body, actions));
}

/** Renders the thread of `postId` into `host`'s shadow root. Comments arrive oldest first, parents before replies. */
export async function render(host, endpoint, postId) {
  const root = host.attachShadow({ mode: 'open' });
  const comments = [];
  for (let cursor = ''; cursor !== null; ) {
    const response = await fetch(`${endpoint}/posts/${postId}/comments?order=oldest${cursor ? `&cursor=${cursor}` : ''}`);
    const page = await response.json();
    comments.push(...page.comments);
    cursor = page.cursor;
  }
  const list = el('ol', { part: 'list' });
  const nodes = new Map();
  for (const c of comments) {
    const parent = c.parentId === null ? undefined : nodes.get(c.parentId);
    const li = item(c, parent ? parent.depth + 1 : 1);
    if (parent) (parent.replies ??= parent.li.appendChild(el('ol', { part: 'replies' }))).append(li);
    else list.append(li);
    nodes.set(c.id, { li, depth: parent ? parent.depth + 1 : 1, replies: undefined });
  }
  const style = el('style', {}, '[part~="replies"]{padding-inline-start:2rem} ol{list-style:none;padding:0}');
  root.append(style, el('section', { part: 'base' }, el('div', { part: 'thread' }, list)));
}
