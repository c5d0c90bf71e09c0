import { expect, fixture } from '@open-wc/testing';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment, Page } from '../../src/model/schemas.js';
import { renderThread } from '../../src/render.js';
import { seedThread } from '../fixtures.js';
import { article, field, fill, loaded, oneEvent, part, parts, scripted, shadow, submit, until } from '../helpers.js';

// Markup as WordPress 6.1 renders it (twentytwentyone's wp_list_comments(), twentytwentythree's
// core/comments block), trimmed of what the reader never sees.
const wp = 'http://wp.example/the-post/';
const classicItem = (id: number, name: string, datetime: string, text: string, extra = '', replies = '') =>
  `<li id="comment-${id}" class="comment ${extra} depth-1">
    <article id="div-comment-${id}" class="comment-body">
      <footer class="comment-meta"><div class="comment-author vcard">
        <img alt="" src="http://wp.example/avatar/${id}.png" class="avatar avatar-60 photo" height="60" width="60" loading="lazy">
        <b class="fn">${name}</b> <span class="says">says:</span></div>
        <div class="comment-metadata"><a href="${wp}#comment-${id}"><time datetime="${datetime}">some day</time></a></div>
      </footer>
      <div class="comment-content">${text}</div>
      <div class="reply"><a rel="nofollow" class="comment-reply-link" href="${wp}?replytocom=${id}#respond" aria-label="Reply to ${name}">Reply</a></div>
    </article>${replies ? `<ol class="children">${replies}</ol>` : ''}
  </li>`;

const classic = `<div id="comments" class="comments-area">
  <h2 class="comments-title">4 comments</h2>
  <ol class="comment-list">
    ${classicItem(
      1,
      'Michelle',
      '2012-01-20T15:30:00-05:00',
      '<p>To play devil&#8217;s advocate: would trafficking lose its market?</p>',
      'parent',
      classicItem(
        2,
        `<a href="http://wp.example" rel="external nofollow ugc" class="url">Sarah Anderson</a>`,
        '2012-01-23T12:38:00-05:00',
        '<p>I don&#8217;t think so.</p><p>Demand has grown.</p>',
        'byuser bypostauthor',
      ),
    )}
    ${classicItem(3, 'Gerald', '2012-06-10T09:00:00-04:00', '<p>My <em>thesis</em>, <a href="javascript:alert(1)">here</a> <b onmouseover="alert(2)">bold</b></p>')}
    ${classicItem(10, 'Mallory', '2013-04-18T10:00:00-04:00', '<p>Nice post!</p>')}
  </ol>
  <div id="respond" class="comment-respond"><form action="http://wp.example/wp-comments-post.php" method="post" id="commentform">
    <p><label for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p>
    <p><input name="submit" type="submit" id="submit" value="Post Comment"></p></form></div>
</div>`;

const blockItem = (id: number, name: string, datetime: string, text: string, extra = '', replies = '') =>
  `<li id="comment-${id}" class="comment ${extra} depth-1">
    <div class="wp-block-columns"><div class="wp-block-column" style="flex-basis:40px">
      <div class="wp-block-avatar"><img alt="${name} Avatar" src="http://wp.example/avatar/${id}.png" class="avatar avatar-40 photo wp-block-avatar__image" height="40" width="40"></div></div>
      <div class="wp-block-column">
        <div class="wp-block-comment-author-name">${name}</div>
        <div class="wp-block-group"><div class="wp-block-comment-date"><time datetime="${datetime}"><a href="${wp}#comment-${id}">January 20, 2012</a></time></div></div>
        <div class="wp-block-comment-content">${text}</div>
        <div class="wp-block-comment-reply-link"><a rel="nofollow" class="comment-reply-link" href="${wp}?replytocom=${id}#respond">Reply</a></div>
      </div></div>${replies ? `<ol>${replies}</ol>` : ''}
  </li>`;

const block = `<div class="wp-block-comments"><h2>Comments</h2>
  <h3 id="comments" class="wp-block-comments-title">3 responses</h3>
  <ol class="wp-block-comment-template">
    ${blockItem(
      1,
      'Michelle',
      '2012-01-20T15:30:00-05:00',
      '<p>A question.</p>',
      '',
      blockItem(2, '<a rel="external nofollow ugc" href="http://wp.example">Sarah Anderson</a>', '2012-01-23T12:38:00-05:00', '<p>An answer.</p>', 'bypostauthor'),
    )}
    ${blockItem(4, 'Sarah Bernolet', '2012-11-23T18:55:00-05:00', '<p>Any books?</p>')}
  </ol></div>`;

/** The element with `markup` in its light DOM, as a server sends it: the element is defined before it connects. */
async function enhance(markup: string, adapter: ReturnType<typeof scripted>, attrs = '') {
  const host = await fixture<HTMLDivElement>('<div></div>');
  host.innerHTML = `<comment-thread post-id="42" min-fill-time="0" ${attrs}>${markup}</comment-thread>`;
  const el = host.querySelector<CommentThread>('comment-thread')!;
  // The markup reached the element before it upgraded in the page; here it is connected with it.
  el.adapter = adapter;
  return el;
}

const ids = (el: CommentThread) => parts(el, 'comment').map((a) => a.dataset.commentId);

describe('<comment-thread> with server-rendered comments', () => {
  it('shows classic-theme comments from its light DOM in its first render, with no request', async () => {
    const adapter = scripted({});
    const host = await fixture<HTMLDivElement>('<div></div>');
    host.innerHTML = `<comment-thread post-id="42">${classic}</comment-thread>`;
    const el = host.querySelector<CommentThread>('comment-thread')!;
    // The skeleton or "No comments yet" must never appear: watch the shadow root from its first render.
    const seen: string[] = [];
    const watch = new MutationObserver(() => {
      for (const name of ['skeleton', 'empty']) if (part(el, name)) seen.push(name);
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    el.adapter = adapter;
    await el.updateComplete;
    expect(part(el, 'thread')!.getAttribute('aria-busy')).to.equal('false');
    expect(ids(el)).to.deep.equal(['1', '2', '3', '10']);
    watch.disconnect();
    expect(seen).to.deep.equal([]);
    await loaded(el);
    expect(adapter.lists).to.equal(0);
    expect(part(el, 'heading')!.textContent).to.contain('4');
  });

  it('reads authors, dates, permalinks, avatars, nesting and the post author from classic markup', async () => {
    const el = await enhance(classic, scripted({}));
    await loaded(el);
    const reply = article(el, '2')!;
    expect(reply.closest('[part~="replies"]')!.closest('li')!.querySelector('article')!.dataset.commentId).to.equal('1');
    expect(reply.getAttribute('part')).to.contain('by-post-author');
    expect(reply.querySelector('[part~="author-link"]')!.getAttribute('href')).to.equal('http://wp.example/');
    expect(reply.querySelectorAll('[part~="body"] p')).to.have.length(2);
    const first = article(el, '1')!;
    expect(first.querySelector('[part~="author"]')!.textContent).to.equal('Michelle');
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2012-01-20T20:30:00.000Z');
    expect(first.querySelector('[part~="permalink"]')!.getAttribute('href')).to.equal(`${wp}#comment-1`);
    // An avatar becomes an image with its address once its comment is near the viewport (templates/avatar.ts).
    const avatar = () => first.querySelector('[part~="avatar"]')!;
    await until(() => avatar().getAttribute('src'), 'the avatar in view got no src');
    expect(avatar().getAttribute('src')).to.equal('http://wp.example/avatar/1.png');
    // Theme chrome is not comment text.
    expect(first.querySelector('[part~="body"]')!.textContent).not.to.contain('Reply');
    expect(first.querySelector('[part~="body"]')!.textContent).to.contain('devil’s advocate');
  });

  it('sanitizes bodies read from the page like any backend HTML', async () => {
    const el = await enhance(classic, scripted({}));
    await loaded(el);
    const body = article(el, '3')!.querySelector('[part~="body"]')!;
    await until(() => body.querySelector('em'), 'the body did not render');
    expect(body.querySelector('[onmouseover]')).to.equal(null);
    const link = body.querySelector('a');
    expect(link?.getAttribute('href') ?? '').not.to.match(/javascript:/i);
  });

  it('reads the core/comments block of a block theme', async () => {
    const adapter = scripted({});
    const el = await enhance(block, adapter);
    await loaded(el);
    expect(ids(el)).to.deep.equal(['1', '2', '4']);
    expect(article(el, '2')!.getAttribute('part')).to.contain('by-post-author');
    expect(article(el, '2')!.querySelector('[part~="author"]')!.textContent).to.equal('Sarah Anderson');
    expect(article(el, '4')!.querySelector('[part~="body"]')!.textContent).to.equal('Any books?');
    expect(adapter.lists).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('posts a reply through the adapter, in place under its parent', async () => {
    const adapter = scripted({
      submit: async (draft) => ({
        id: '99',
        parentId: draft.parentId,
        author: { name: draft.author.name },
        createdAt: '2024-01-01T00:00:00Z',
        body: { format: 'text', value: draft.content },
        status: 'approved',
      }),
    });
    const el = await enhance(classic, adapter);
    await loaded(el);
    await until(() => article(el, '10')!.querySelector('[part~="reply-button"]'), 'no Reply button once the adapter is there');
    article(el, '10')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await el.updateComplete;
    const form = shadow(el).querySelector<HTMLFormElement>('[part~="reply-form"]')!;
    await expect(el).to.be.accessible();
    fill(form, { content: 'A reply from the enhanced page.', name: 'Reader', email: 'reader@example.com' });
    const posted = oneEvent(el, 'comment-submitted');
    submit(form);
    await posted;
    await el.updateComplete;
    expect(adapter.drafts).to.have.length(1);
    expect(adapter.drafts[0]!.parentId).to.equal('10');
    expect(adapter.drafts[0]!.postId).to.equal('42');
    expect(article(el, '99')!.closest('[part~="replies"]')!.closest('li')!.querySelector('article')!.dataset.commentId).to.equal('10');
    expect(ids(el).filter((id) => id === '99')).to.have.length(1);
    expect(field(shadow(el).querySelector<HTMLFormElement>('#form-top')!, 'Comment')).to.exist;
    expect(adapter.lists).to.equal(0);
  });

  it('loads later pages through the adapter from the cursor the page names, each comment once', async () => {
    const later: Comment = {
      id: '20',
      parentId: null,
      author: { name: 'Later' },
      createdAt: '2014-01-01T00:00:00Z',
      body: { format: 'text', value: 'From page 2.' },
      status: 'approved',
    };
    const queries: (string | undefined)[] = [];
    const adapter = scripted({
      list: async (query): Promise<Page> => {
        queries.push(query.cursor);
        // Page 2 repeats comment 10 (offset pages drift): it is shown once.
        const repeated = { ...later, id: '10', author: { name: 'Mallory' } };
        return { comments: [repeated, later], total: 5, cursor: null };
      },
    });
    const el = await enhance(`<div data-comment-thread-page data-cursor="2" data-total="5">${classic}</div>`, adapter);
    await loaded(el);
    expect(part(el, 'heading')!.textContent).to.contain('5');
    await until(() => part(el, 'load-more'), 'no Load more button');
    part<HTMLButtonElement>(el, 'load-more')!.click();
    await until(() => article(el, '20'), 'page 2 did not arrive');
    expect(queries).to.deep.equal(['2']);
    expect(ids(el)).to.deep.equal(['1', '2', '3', '10', '20']);
    expect(part(el, 'load-more')).to.equal(null);
  });

  it('leaves out a malformed server comment and says so, showing the rest', async () => {
    const broken = classic.replace('<time datetime="2013-04-18T10:00:00-04:00">', '<time datetime="not a date">');
    const errors: string[] = [];
    const onError = (event: Event) => errors.push((event as HTMLElementEventMap['comment-error']).detail.error.code);
    document.addEventListener('comment-error', onError);
    try {
      const el = await enhance(broken, scripted({}));
      await loaded(el);
      await until(() => errors.length, 'no comment-error');
      expect(errors).to.deep.equal(['invalid-response']);
      expect(ids(el)).to.deep.equal(['1', '2', '3']);
    } finally {
      document.removeEventListener('comment-error', onError);
    }
  });

  it('reads back the Node renderer’s markup: the same comments, authors, nesting and bodies', async () => {
    const deep = [1, 2, 3, 4, 5, 6, 7].map((n) => ({
      id: `d${n}`,
      parentId: n === 1 ? null : `d${n - 1}`,
      author: { name: `Deep ${n}` },
      createdAt: `2014-01-0${n}T00:00:00Z`,
      body: { format: 'text' as const, value: `Level ${n}` },
      status: 'approved' as const,
    }));
    const adapter = scripted({});
    const markup = renderThread([...seedThread, ...deep], { postId: '1', post: { url: 'https://blog.example/post/' } });
    const el = await enhance(markup, adapter, 'depth="3"');
    await loaded(el);
    expect(ids(el)).to.deep.equal([...seedThread, ...deep].map((c) => c.id));
    expect(adapter.lists).to.equal(0);
    for (const c of seedThread) {
      const shown = article(el, c.id)!;
      expect(shown.querySelector('[part~="author"]')!.textContent).to.equal(c.author.name);
      expect(shown.querySelector('time')!.getAttribute('datetime')).to.equal(new Date(c.createdAt).toISOString());
    }
    expect(article(el, '2')!.getAttribute('part')).to.contain('by-post-author');
    expect(article(el, '3')!.querySelector('[part~="author-link"]')!.getAttribute('href')).to.equal('http://gerald.example.org/');
    expect(article(el, '2')!.querySelectorAll('[part~="body"] p')).to.have.length(2);
    // Replies past the depth cap keep their true parent: "in reply to" names it.
    expect(article(el, 'd5')!.querySelector('[part~="in-reply-to"]')!.textContent).to.contain('Deep 4');
    await expect(el).to.be.accessible();
  });

  it('fetches the first page as usual when its light DOM holds no comment list', async () => {
    const adapter = scripted({});
    const el = await enhance('<p>Comments load with JavaScript.</p>', adapter, 'loading="eager"');
    await loaded(el);
    expect(adapter.lists).to.equal(1);
  });
});
