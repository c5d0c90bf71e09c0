// What the thread says, and when it says it again: a change of `dates`, `lang` (even between two locales
// that share a catalog) or `messages` re-words every shown comment; the same words never re-render them;
// counts follow the language's plural rules and number format; errors reach readers as catalog sentences.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { CommentThreadError } from '../../src/model/errors.js';
import type { Comment } from '../../src/model/schemas.js';
import { Words } from '../../src/i18n/words.js';
import { setTaskSource } from '../../src/tasks.js';
import { comment, seedThread } from '../fixtures.js';
import { article, loaded, part, parts, scripted } from '../helpers.js';

const dates = (el: CommentThread) => parts(el, 'date').map((t) => t.textContent);

async function render(adapter: unknown, attrs: Record<string, string> = {}) {
  const el = await fixture<CommentThread>(html`<comment-thread loading="eager" post-id="1" .adapter=${adapter}></comment-thread>`);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  await loaded(el);
  return el;
}

const listing = (comments: Comment[], page: Partial<{ total: number; cursor: string | null }> = {}) =>
  scripted({ list: async () => ({ comments, ...page }) });

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<comment-thread> words', () => {
  it('re-words every shown date when `dates` changes', async () => {
    const recent = comment('r', null, new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString());
    const el = await render(listing([recent, ...seedThread]), { lang: 'en-GB', dates: 'absolute' });
    expect(dates(el).some((d) => d === '3 days ago')).to.equal(false);
    el.dates = 'relative';
    await el.updateComplete;
    expect(dates(el)).to.have.length(seedThread.length + 1);
    expect(dates(el).every((d) => / ago$/.test(d!))).to.equal(true, dates(el).join(' | '));
  });

  it('re-words every date between two locales that share a catalog (en-GB to en-US)', async () => {
    const el = await render(listing(seedThread), { lang: 'en-GB', dates: 'absolute' });
    expect(article(el, '1')!.querySelector('time')!.textContent).to.match(/^20 January 2012/);
    el.setAttribute('lang', 'en-US');
    await el.updateComplete;
    expect(dates(el).every((d) => /^[A-Z][a-z]+ \d{1,2}, \d{4}/.test(d!))).to.equal(true, dates(el).join(' | '));
  });

  it('re-words every comment when `messages` changes, and in another language when `lang` does', async () => {
    const el = await render(listing(seedThread), { lang: 'en' });
    el.messages = { reply: 'Answer', postAuthor: 'Writer' };
    await el.updateComplete;
    expect(parts(el, 'reply-button').every((b) => b.textContent === 'Answer')).to.equal(true);
    el.setAttribute('lang', 'fr');
    await waitUntil(() => part(el, 'form-title')?.textContent?.includes('Laisser un commentaire'), 'French never came', { timeout: 20_000 });
    // The site's own override stays over the new catalog; the rest is French.
    expect(parts(el, 'reply-button').every((b) => b.textContent === 'Answer')).to.equal(true);
    expect(part(el, 'heading')!.textContent).to.contain('commentaires');
  });

  it('does not re-render shown comments while the rest of a thread renders, with a `messages` override', async () => {
    const queue: (() => void)[] = [];
    setTaskSource({ now: () => 0, next: () => new Promise<void>((resolve) => queue.push(resolve)) });
    try {
      const many = Array.from({ length: 600 }, (_, i) => comment(`m${i}`, null, new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString()));
      const el = await fixture<CommentThread>(
        html`<comment-thread loading="eager" post-id="1" .messages=${{ reply: 'Answer' }} .adapter=${listing(many)}></comment-thread>`,
      );
      const turn = () => new Promise<void>((resolve) => setTimeout(resolve));
      const run = async (done: () => boolean) => {
        while (!done()) {
          await turn();
          queue.shift()?.();
        }
      };
      await run(() => parts(el, 'comment').length > 0);
      await el.updateComplete;
      const first = parts(el, 'comment').length;
      // Every comment rendered asks for its date line once: count them while the rest arrives.
      const prototype = Words.prototype as { date: Words['date'] };
      const original = Object.getOwnPropertyDescriptor(prototype, 'date')!;
      let rendered = 0;
      Object.defineProperty(prototype, 'date', {
        ...original,
        value(this: Words, ...args: Parameters<Words['date']>) {
          rendered++;
          return (original.value as Words['date']).apply(this, args);
        },
      });
      try {
        await run(() => parts(el, 'comment').length === many.length);
        await el.updateComplete;
      } finally {
        Object.defineProperty(prototype, 'date', original);
      }
      expect(first).to.be.lessThan(many.length);
      expect(rendered, 'comments already shown were rendered again').to.equal(many.length - first);
    } finally {
      setTaskSource();
      queue.splice(0).forEach((resume) => resume());
    }
  });

  it('counts with the language’s plural rules and number format', async () => {
    const page = { total: 20_000, cursor: 'next' };
    const en = await render(listing(seedThread.slice(0, 1), page), { lang: 'en' });
    expect(part(en, 'heading')!.textContent!.trim()).to.equal('20,000 comments');
    const fr = await render(listing(seedThread.slice(0, 1), page), { lang: 'fr' });
    await waitUntil(() => part(fr, 'heading')!.textContent!.includes('commentaires'), 'French never came', { timeout: 20_000 });
    expect(part(fr, 'heading')!.textContent!.trim()).to.match(/^20\s000 commentaires$/);
    const one = await render(listing(seedThread.slice(0, 1)), { lang: 'en' });
    expect(part(one, 'heading')!.textContent!.trim()).to.equal('One comment');
  });

  it('shows the rest when one comment is malformed or repeated, and counts what it left out', async () => {
    const bad = { ...seedThread[1], author: null } as unknown as Comment;
    const comments = [seedThread[0], bad, seedThread[2], seedThread[2], ...seedThread.slice(3)];
    const adapter = listing(comments);
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" post-id="1"></comment-thread>`);
    const error = oneEvent(el, 'comment-error');
    el.adapter = adapter;
    const { detail } = await error;
    await loaded(el);
    expect(detail.error.code).to.equal('invalid-response');
    expect(detail.error.message).to.contain('comments.1.author');
    // Comments whose parent was the malformed one show as top-level: nothing else is lost.
    expect(parts(el, 'comment')).to.have.length(seedThread.length - 1);
    expect(part(el, 'notice')!.textContent).to.equal('2 comments could not be shown: the server sent them damaged.');
    expect(part(el, 'heading')!.textContent!.trim()).to.equal(`${seedThread.length - 1} comments`);
    expect(el.shadowRoot!.textContent).not.to.contain('comments.1.author');
  });

  it('tells readers what failed in their language, never the developer’s message', async () => {
    const adapter = scripted({
      list: async () => {
        throw new CommentThreadError('invalid-response', 'Unexpected answer from https://api.example/comments at comments.2.author', {
          url: 'https://api.example/comments',
        });
      },
    });
    const el = await render(adapter, { lang: 'fr' });
    await waitUntil(() => part(el, 'error')?.textContent?.includes('Les commentaires'), 'French never came', { timeout: 20_000 });
    const text = part(el, 'error')!.textContent!;
    expect(text).to.contain('Le serveur de commentaires a envoyé une réponse illisible');
    expect(text).not.to.contain('api.example');
  });
});
