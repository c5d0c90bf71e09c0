// The built script-tag file (dist/comment-thread.js and its chunks, built by the test command), embedded
// in a page of the WordPress site the way a site owner writes it: one <script>, one tag, attributes only.
import { expect, oneEvent } from '@open-wc/testing';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import type { CommentSubmittedEvent } from '../../../src/events.js';
import { fill, until } from '../../helpers.js';
import { returning, seed, settings, unique } from './wp.js';

/** A page of the site with the embed in it (an iframe of this origin: its own custom element registry). */
async function page(postId: number) {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 2000px';
  frame.srcdoc = `<!doctype html><html lang="en"><body>
    <script type="module" src="/__dist/comment-thread.js"></script>
    <comment-thread backend="wordpress" post-id="${postId}" loading="eager" min-fill-time="0"></comment-thread>
  </body></html>`;
  document.body.append(frame);
  await oneEvent(frame, 'load');
  const win = frame.contentWindow! as Window & typeof globalThis;
  const el = frame.contentDocument!.querySelector('comment-thread') as CommentThread;
  const busy = () => el.shadowRoot?.querySelector('[part~="thread"]')?.getAttribute('aria-busy');
  await until(() => busy() === 'false', 'thread loaded');
  const scripts = () => win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
  return { frame, el, scripts };
}

describe('WordPress: the script-tag build on a page of the site', () => {
  before(() =>
    settings({
      WP_ANONYMOUS: 0,
      WP_MODERATION: 'wordpress',
      WP_FLOOD_SECONDS: 0,
    }),
  );

  it('shows the thread with only the listing code loaded, then posts, loading the posting code on demand', async () => {
    const { frame, el, scripts } = await page(seed.post);
    const shown = () => el.shadowRoot!.querySelectorAll('[part~="comment"]').length;
    const failure = () => el.shadowRoot!.querySelector('[part~="error-state"]')?.textContent?.trim();
    await until(() => shown() === 100 || failure(), 'first page rendered');
    expect(failure()).to.equal(undefined);
    expect(scripts().some((path) => /\/__dist\/chunks\/wordpress-[\w-]+\.js$/.test(path))).to.equal(true);
    expect(scripts().some((path) => path.includes('wordpress-submit'))).to.equal(false);
    frame.remove();

    const posting = await page(seed.postingPost);
    const form = posting.el.shadowRoot!.querySelector<HTMLFormElement>('[part~="form"]')!;
    fill(form, {
      content: unique('Posted from the script-tag build'),
      ...returning,
    });
    const submitted = oneEvent(posting.el, 'comment-submitted') as Promise<CommentSubmittedEvent>;
    form.requestSubmit();
    const { comment } = (await submitted).detail;
    expect(comment.status).to.equal('approved');
    expect(posting.scripts().some((path) => path.includes('wordpress-submit'))).to.equal(true);
    expect(posting.scripts()).to.include('/wp-comments-post.php');
    await until(() => posting.el.shadowRoot!.querySelector(`article[data-comment-id="${comment.id}"]`), 'comment shown');
    posting.frame.remove();
  });
});
