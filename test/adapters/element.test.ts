// The six backend adapters through <comment-thread>, over the recorded fixtures: the same widget,
// whichever backend. Read-write ones post a reply; read-only ones show the link to reply at the source.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { artalk } from '../../src/adapters/artalk.js';
import { bluesky } from '../../src/adapters/bluesky.js';
import { github } from '../../src/adapters/github.js';
import { isso } from '../../src/adapters/isso.js';
import { mastodon } from '../../src/adapters/mastodon.js';
import type { CommentAdapter } from '../../src/adapters/types.js';
import { waline } from '../../src/adapters/waline.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { fixtureEndpoints, fixtureFetch, fixturePostIds, type FixtureBackend } from '../fixtures/backends/index.js';
import { article, fill, loaded, part, parts, shadow, submit } from '../helpers.js';
import { recording } from './stub.js';

interface Case {
  name: FixtureBackend;
  /** Author names as the backend gives them (a handle or login where it has no display name). */
  authors: string[];
  adapter: (fetch: typeof globalThis.fetch) => CommentAdapter;
  /** Ids of Michelle's first comment, Sarah's reply to it, and Michelle's answer to that. */
  chain: [string, string, string];
  /** Where Michelle's answer is shown: under Sarah's reply, or flat. */
  answerUnder: string | null;
  reply?: { to: string; label: string };
  /** The link the element shows, its words from the English catalog for the adapter's `service`. */
  replyLink?: { url: string; label: string };
}

const seedAuthors = ['Michelle', 'Sarah Anderson', 'Michelle', 'Gerald Kleyer', 'Sarah Bernolet', 'christopher sims', 'Sarah Anderson'];
const bsky = (name: string, n: number) => `at://did:plc:${name}/app.bsky.feed.post/3kmodel${String(n).padStart(6, '0')}`;
const masto = (n: number) => String(109384210000000000n + BigInt(n * 1000));

const cases: Case[] = [
  { name: 'waline', authors: seedAuthors, adapter: (fetch) => waline({ endpoint: fixtureEndpoints.waline!, fetch }), chain: ['1', '2', '3'], answerUnder: '2', reply: { to: '3', label: 'Reply to Michelle' } },
  // Isso keeps two levels: Michelle's answer sits beside Sarah's reply, under the root.
  { name: 'isso', authors: seedAuthors, adapter: (fetch) => isso({ endpoint: fixtureEndpoints.isso!, fetch }), chain: ['1', '2', '3'], answerUnder: '1', reply: { to: '2', label: 'Reply to Sarah Anderson' } },
  { name: 'artalk', authors: seedAuthors, adapter: (fetch) => artalk({ endpoint: fixtureEndpoints.artalk!, site: 'Blog', fetch }), chain: ['101', '102', '103'], answerUnder: '102', reply: { to: '103', label: 'Reply to Michelle' } },
  {
    name: 'mastodon',
    authors: seedAuthors.map((n) => (n === 'Sarah Bernolet' ? 'bernolet' : n)),
    adapter: (fetch) => mastodon({ postId: fixturePostIds.mastodon, fetch }),
    chain: [masto(1), masto(2), masto(3)],
    answerUnder: masto(2),
    replyLink: { url: fixturePostIds.mastodon, label: 'Reply on Mastodon' },
  },
  {
    name: 'bluesky',
    authors: seedAuthors.map((n) => (n === 'Sarah Bernolet' ? 'bernolet.bsky.social' : n)),
    adapter: (fetch) => bluesky({ fetch }),
    chain: [bsky('michelle0000000000000000', 1), bsky('sarah00000000000000000000', 2), bsky('michelle0000000000000000', 3)],
    answerUnder: bsky('sarah00000000000000000000', 2),
    replyLink: { url: fixturePostIds.bluesky, label: 'Reply on Bluesky' },
  },
  {
    name: 'github',
    authors: ['michelle', 'sarah-anderson', 'michelle', 'gkleyer', 'sbernolet', 'csims', 'sarah-anderson'],
    adapter: (fetch) => github({ fetch }),
    chain: ['1000000001', '1000000002', '1000000003'],
    answerUnder: null,
    replyLink: { url: 'https://github.com/sarah-anderson/blog/issues/1', label: 'Reply on GitHub' },
  },
];

const render = (adapter: CommentAdapter, postId: string) =>
  fixture<CommentThread>(html`<comment-thread loading="eager" min-fill-time="0" depth="5" .adapter=${adapter} post-id=${postId}></comment-thread>`);

/** The comment whose replies list holds a comment, or null at the top. */
const parentOf = (el: CommentThread, id: string) =>
  article(el, id)!.closest('li')!.parentElement!.closest('li')?.querySelector('article')?.dataset.commentId ?? null;

const names = (el: CommentThread) => parts(el, 'author').map((a) => a.textContent!.trim());

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

for (const c of cases) {
  describe(`<comment-thread> over ${c.name}`, () => {
    it('renders the seeded thread with its nesting, HTML bodies and the post author’s badge', async () => {
      const el = await render(c.adapter(fixtureFetch(c.name)), fixturePostIds[c.name]);
      await loaded(el);
      expect(parts(el, 'error')).to.have.length(0);
      expect(names(el).sort()).to.deep.equal([...c.authors].sort());
      const [root, reply, answer] = c.chain;
      expect(parentOf(el, root)).to.equal(null);
      expect(parentOf(el, reply)).to.equal(c.name === 'github' ? null : root);
      expect(parentOf(el, answer)).to.equal(c.answerUnder);
      expect(shadow(el).querySelector('[part~="body"] em')?.textContent).to.equal(c.name === 'bluesky' ? undefined : 'Masters Thesis');
      if (c.name !== 'isso') expect(parts(el, 'badge').length).to.equal(2);
    });

    it('is accessible with this backend’s data (permalinks, avatars, links in bodies)', async () => {
      const el = await render(c.adapter(fixtureFetch(c.name)), fixturePostIds[c.name]);
      await loaded(el);
      await expect(el).to.be.accessible();
    });

    if (c.replyLink) {
      it('offers no form, and a link to reply at the source', async () => {
        const el = await render(c.adapter(fixtureFetch(c.name)), fixturePostIds[c.name]);
        await loaded(el);
        expect(shadow(el).querySelector('form')).to.equal(null);
        expect(parts(el, 'reply-button')).to.have.length(0);
        const link = part(el, 'reply-link')!.querySelector('a')!;
        expect({ url: link.href, label: link.textContent!.trim() }).to.deep.equal(c.replyLink);
      });
    }

    if (c.reply) {
      it('posts a reply that lands under the comment answered', async () => {
        const { calls, fetch } = recording((() => {
          const answer = fixtureFetch(c.name);
          return (url: URL, init: RequestInit) => answer(url.href, init);
        })());
        const el = await render(c.adapter(fetch), fixturePostIds[c.name]);
        await loaded(el);
        article(el, c.reply!.to)!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
        await el.updateComplete;
        const form = article(el, c.reply!.to)!.closest('li')!.querySelector<HTMLFormElement>('form')!;
        expect(form.querySelector('[part~="form-title"]')!.textContent).to.contain(c.reply!.label);
        fill(form, { content: 'Thanks, I found the groups.', name: 'Gerald Kleyer', email: 'gerald@example.org' });
        const submitted = oneEvent(el, 'comment-submitted');
        submit(form);
        const { detail } = await submitted;
        await el.updateComplete;
        expect(calls.filter((call) => call.method === 'POST')).to.have.length(1);
        // Isso files a reply to a reply under the root; the others keep the comment answered.
        expect(parentOf(el, detail.comment.id)).to.equal(c.name === 'isso' ? c.chain[0] : c.reply!.to);
        expect(article(el, detail.comment.id)!.querySelector('[part~="body"]')!.textContent!.trim()).to.equal('Thanks, I found the groups.');
      });
    }

    it(`renders through backend="${c.name}" and the lazy registry`, async () => {
      const original = globalThis.fetch;
      globalThis.fetch = fixtureFetch(c.name);
      try {
        const endpoint = c.name === 'artalk' ? `${fixtureEndpoints.artalk}/?site=Blog` : fixtureEndpoints[c.name];
        const el = await fixture<CommentThread>(
          html`<comment-thread loading="eager" backend=${c.name} endpoint=${endpoint ?? ''} post-id=${fixturePostIds[c.name]}></comment-thread>`,
        );
        await loaded(el);
        expect(parts(el, 'error')).to.have.length(0);
        expect(shadow(el).querySelectorAll('article[data-comment-id]')).to.have.length(7);
      } finally {
        globalThis.fetch = original;
      }
    });
  });
}
