// <comment-count>: a post's count in the page's language, the counts of a page batched into one call
// per backend and endpoint, lazy until scrolled near.
import { expect, fixture, html } from '@open-wc/testing';
import { wordpress } from '../../src/adapters/wordpress.js';
import { CommentCount } from '../../src/components/comment-count/comment-count.js';
import '../../src/define.js';
import { en, registerLocale } from '../../src/i18n/index.js';
import { comment } from '../fixtures.js';
import { quiet, scripted, until } from '../helpers.js';

const at = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString();

/** A fresh store of the test server holding `counts[post]` approved comments per post (and one held each). */
async function store(name: string, counts: Record<string, number>) {
  const comments = Object.entries(counts).flatMap(([postId, n]) => [
    ...Array.from({ length: n }, (_, i) => ({ ...comment(`${postId}-${i}`, null, at(i)), postId })),
    { ...comment(`${postId}-held`, null, at(0)), status: 'pending', postId },
  ]);
  await fetch(`/test-api/reset/${name}`, { method: 'POST', body: JSON.stringify({ comments }) });
  return `/test-api/rest/${name}`;
}

const log = async (name: string) => ((await (await fetch(`/test-api/log/${name}`)).json()) as { url: string }[]).map((e) => e.url);
const text = (el: Element) => el.textContent!.trim();

describe('<comment-count>', () => {
  it('is registered by define.ts as comment-count', () => {
    expect(customElements.get('comment-count')).to.equal(CommentCount);
  });

  it('counts every element of a page in one request per backend and endpoint, with plural words', async () => {
    const name = `counts-${Math.random().toString(36).slice(2)}`;
    const endpoint = await store(name, { a: 0, b: 1, c: 12, 'd,1': 1234 });
    const page = await fixture<HTMLElement>(html`<div>
      ${['a', 'b', 'c', 'd,1', 'unknown'].map(
        (id) => html`<comment-count backend="rest" endpoint=${endpoint} post-id=${id} loading="eager">…</comment-count>`,
      )}
    </div>`);
    const counts = [...page.querySelectorAll('comment-count')];
    await until(() => counts.every((el) => el.count !== undefined), 'not every count arrived');
    expect(counts.map(text)).to.deep.equal(['No comments yet', 'One comment', '12 comments', '1,234 comments', 'No comments yet']);
    const requests = await log(name);
    expect(requests).to.have.length(1);
    expect(requests[0]).to.equal(`${endpoint}/counts?posts=a,b,c,d%2C1,unknown`);
  });

  it('speaks the language of the page, from its lazily loaded catalog', async () => {
    registerLocale('x-count', async () => ({ ...en, count: { '0': 'nul', one: 'een reactie', other: '{count} reacties' } }));
    const adapter = scripted({ list: async () => ({ comments: [], total: 0, cursor: null }) });
    adapter.count = async (ids) => Object.fromEntries(ids.map((id) => [id, Number(id)]));
    const page = await fixture<HTMLElement>(html`<p lang="x-count">
      <comment-count post-id="0" loading="eager" .adapter=${adapter}></comment-count>
      <comment-count post-id="1" loading="eager" .adapter=${adapter}></comment-count>
      <comment-count post-id="2500" loading="eager" .adapter=${adapter}></comment-count>
    </p>`);
    const counts = [...page.querySelectorAll('comment-count')];
    await until(() => counts.every((el) => el.textContent!.trim() !== ''), 'not every count was shown');
    expect(counts.map(text)).to.deep.equal(['nul', 'een reactie', '2,500 reacties']);
  });

  it('waits until scrolled near, unless loading="eager"', async () => {
    const name = `lazy-${Math.random().toString(36).slice(2)}`;
    const endpoint = await store(name, { p: 3 });
    const page = await fixture<HTMLElement>(html`<div>
      <div style="height: 6000px"></div>
      <comment-count backend="rest" endpoint=${endpoint} post-id="p">Comments</comment-count>
    </div>`);
    const el = page.querySelector('comment-count')!;
    await quiet(300);
    expect(await log(name)).to.have.length(0);
    expect(text(el)).to.equal('Comments');
    el.scrollIntoView();
    await until(() => text(el) === '3 comments', 'the count did not arrive once scrolled near');
    scrollTo(0, 0);
  });

  it('links to the post’s comments with link and href', async () => {
    const adapter = scripted({ list: async () => ({ comments: [comment('1', null, at(1))], total: 1, cursor: null }) });
    const el = await fixture<CommentCount>(
      html`<comment-count link href="https://blog.example.org/2012/01/post/" post-id="7" loading="eager" .adapter=${adapter}></comment-count>`,
    );
    await until(() => el.querySelector('a') !== null, 'no link');
    const link = el.querySelector('a')!;
    expect(link.href).to.equal('https://blog.example.org/2012/01/post/#comments');
    expect(link.textContent).to.equal('One comment');
    // A backend without count(): the first page's total, one list() per post.
    expect(adapter.lists).to.equal(1);
  });

  it('on WordPress, counts 20 posts in two requests however many comments one post has', async () => {
    // A stubbed WordPress comments collection: `post=…&orderby=post&order=…&per_page=…`, X-WP-Total.
    const perPost = new Map(Array.from({ length: 20 }, (_, i) => [i + 1, i === 7 ? 300 : i % 4]));
    const rows = [...perPost].flatMap(([post, n]) => Array.from({ length: n }, () => post));
    const urls: string[] = [];
    const fetchStub: typeof fetch = async (input) => {
      const url = new URL(input instanceof Request ? input.url : input instanceof URL ? input.href : input);
      urls.push(url.href);
      const posts = new Set(url.searchParams.get('post')!.split(',').map(Number));
      const matching = rows.filter((post) => posts.has(post));
      if (url.searchParams.get('order') === 'desc') matching.reverse();
      const perPage = Number(url.searchParams.get('per_page'));
      return new Response(JSON.stringify(matching.slice(0, perPage).map((post) => ({ post }))), {
        headers: { 'Content-Type': 'application/json', 'X-WP-Total': String(matching.length) },
      });
    };
    const adapter = wordpress({ endpoint: 'https://wp.example.org/wp-json/', fetch: fetchStub });
    const page = await fixture<HTMLElement>(html`<div>
      ${[...perPost.keys()].map((id) => html`<comment-count post-id=${id} loading="eager" .adapter=${adapter}></comment-count>`)}
    </div>`);
    const counts = [...page.querySelectorAll('comment-count')];
    await until(() => counts.every((el) => el.count !== undefined), 'not every count arrived');
    expect(counts.map((el) => el.count)).to.deep.equal([...perPost.values()]);
    expect(urls).to.have.length(2);
    expect(urls.every((u) => new URL(u).searchParams.get('_fields') === 'post')).to.equal(true);
  });
});
