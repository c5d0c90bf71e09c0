/**
 * Lit's development build warns about inefficient or wrong patterns (an update scheduled after an
 * update, a property that shadows an accessor, …). Each warning is issued once per page, so this file
 * listens from before the element is defined, then exercises loading, replying and posting.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { until } from '../helpers.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { comment, seedThread } from '../fixtures.js';

const warnings: string[] = [];
const original = console.warn;
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  // The one notice every page of Lit's development build prints.
  if (!text.includes('Lit is in dev mode')) warnings.push(text);
  original.apply(console, args);
};

describe('Lit development warnings', () => {
  after(() => {
    console.warn = original;
  });

  it('are never issued while loading, replying and posting', async () => {
    await import('../../src/define.js');
    const { memory } = await import('../../src/adapters/memory.js');
    const el = await fixture<CommentThread>(
      html`<comment-thread loading="eager" min-fill-time="0" post-id="1" .adapter=${memory({ comments: seedThread })}></comment-thread>`,
    );
    await until(() => el.shadowRoot!.querySelector('article'), 'a comment rendered');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await el.updateComplete;
    const form = el.shadowRoot!.querySelector<HTMLFormElement>('[part~="reply-form"]')!;
    for (const [name, value] of [['content', 'Hi'], ['name', 'Ann'], ['email', 'ann@example.org']]) {
      const field = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      field.value = value!;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    const done = oneEvent(el, 'comment-submitted');
    form.requestSubmit();
    await done;
    el.postId = '2';
    el.adapter = memory({ comments: [comment('x', null, '2020-01-01T00:00:00Z')] });
    await until(() => el.shadowRoot!.querySelector('article[data-comment-id="x"]'), 'the comment rendered');
    expect(warnings).to.deep.equal([]);
  });
});
