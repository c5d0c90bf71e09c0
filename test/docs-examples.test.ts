import { expect, fixture, html } from '@open-wc/testing';
import { until } from './helpers.js';
import { guestbook } from '../docs/examples/readme-adapter.js';
import '../src/define.js';
import type { CommentThread } from '../src/components/comment-thread/comment-thread.js';

describe('docs/adapters.md guestbook example', () => {
  it('renders a guestbook backend through the element', async () => {
    const realFetch = window.fetch.bind(window);
    window.fetch = async (input) => {
      expect(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).to.equal('https://guestbook.example/entries?page=home');
      return new Response(
        JSON.stringify([
          { id: 1, reply_to: null, who: 'Ann', at: '2024-05-01T10:00:00Z', text: 'Hello!' },
          { id: 2, reply_to: 1, who: 'Bob', at: '2024-05-01T11:00:00Z', text: 'Hi Ann.' },
        ]),
        { headers: { 'Content-Type': 'application/json' } },
      );
    };
    try {
      const el = await fixture<CommentThread>(
        html`<comment-thread loading="eager" post-id="home" .adapter=${guestbook('https://guestbook.example')}></comment-thread>`,
      );
      await until(() => el.shadowRoot!.querySelector('[part~="replies"] article'), 'replies rendered');
      const reply = el.shadowRoot!.querySelector('[part~="replies"] article')!;
      expect(reply.querySelector('[part~="author"]')!.textContent!.trim()).to.equal('Bob');
    } finally {
      window.fetch = realFetch;
    }
  });
});
