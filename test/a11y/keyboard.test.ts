/**
 * The whole comment flow with the keyboard alone (`sendKeys`, real key events): skip link, the top form
 * with a validation error, posting, the new comment focused and announced, a reply opened, escaped,
 * reopened with its draft, and posted. Every element focused on the way shows a focus outline.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { memory } from '../../src/adapters/memory.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { seedThread } from '../fixtures.js';
import { article, loaded, part, shadow, until } from '../helpers.js';

const focused = (el: CommentThread) => shadow(el).activeElement as HTMLElement | null;
const status = (el: CommentThread) => part(el, 'status')!.textContent!.replace(/\u00a0$/, '');

/** Tab (or Shift+Tab) once, and check the newly focused element shows where focus is. */
async function tab(el: CommentThread, back = false) {
  await sendKeys({ press: back ? 'Shift+Tab' : 'Tab' });
  const now = focused(el);
  expect(now, 'focus stays in the element').to.exist;
  const style = getComputedStyle(now!);
  expect(style.outlineStyle, `outline on ${now!.outerHTML.slice(0, 60)}`).not.to.equal('none');
  expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  return now!;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

it('walks the whole comment and reply flow with keys only, focus visible at every step', async function () {
  this.timeout(30000);
  const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
  const el = await fixture<CommentThread>(
    html`<comment-thread loading="eager" min-fill-time="0" post-id="1" .adapter=${memory({ comments: seedThread })}></comment-thread>`,
  );
  await loaded(el);
  before.focus();

  // The skip link comes first, shows itself on focus, and takes the reader to the comment field.
  const skip = await tab(el);
  expect(skip.getAttribute('part')).to.equal('skip-link');
  expect(skip.getBoundingClientRect().width).to.be.greaterThan(10);
  await sendKeys({ press: 'Enter' });
  await until(() => focused(el)?.id === 'top-content', 'the comment field is focused');

  // Type, leave the email out, and post: focus goes to the invalid field, described by its error.
  await sendKeys({ type: 'Typed with the keyboard.' });
  await tab(el);
  await sendKeys({ type: 'Kim' });
  expect(focused(el)!.id).to.equal('top-name');
  await tab(el); // email, left empty
  await tab(el); // website
  await tab(el); // consent
  const post = await tab(el);
  expect(post.getAttribute('part')).to.equal('submit-button');
  await sendKeys({ press: 'Enter' });
  await until(() => focused(el)?.id === 'top-email', 'focus on the invalid email field');
  const email = focused(el) as HTMLInputElement;
  expect(email.getAttribute('aria-invalid')).to.equal('true');
  expect(shadow(el).getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.match(/email/i);
  expect(status(el)).to.equal('Please correct the field marked below.');

  // Fix it and post from the field with Enter: the new comment gets focus, "Comment posted." is announced.
  await sendKeys({ type: 'kim@example.org' });
  await sendKeys({ press: 'Enter' });
  await until(() => focused(el)?.tagName === 'ARTICLE', 'the new comment is focused');
  const mine = focused(el)!;
  expect(mine.textContent).to.contain('Typed with the keyboard.');
  expect(status(el)).to.equal('Comment posted.');
  expect(getComputedStyle(mine).outlineStyle).not.to.equal('none');

  // Its Reply button is the next stop; Enter opens the form with the caret in the comment field.
  const reply = await tab(el);
  expect(reply.getAttribute('part')).to.equal('reply-button');
  expect(reply.closest('article')).to.equal(mine);
  await sendKeys({ press: 'Enter' });
  await until(() => focused(el)?.tagName === 'TEXTAREA', 'the reply field is focused');
  expect(reply.getAttribute('aria-expanded')).to.equal('true');
  await sendKeys({ type: 'Replying to myself.' });

  // Escape closes it and gives focus back to Reply; Enter reopens it with the draft.
  await sendKeys({ press: 'Escape' });
  await until(() => focused(el) === reply, 'focus back on Reply');
  expect(reply.getAttribute('aria-expanded')).to.equal('false');
  await sendKeys({ press: 'Enter' });
  await until(() => focused(el)?.tagName === 'TEXTAREA', 'the reply field is focused again');
  expect((focused(el) as HTMLTextAreaElement).value).to.equal('Replying to myself.');

  // Name and email again (nothing was saved without consent), then Tab to Post and send.
  const form = focused(el)!.closest('form')!;
  await tab(el);
  await sendKeys({ type: 'Kim' });
  await tab(el);
  await sendKeys({ type: 'kim@example.org' });
  let at = focused(el)!;
  while (at.getAttribute('part') !== 'submit-button') at = await tab(el);
  expect(at.closest('form')).to.equal(form);
  await sendKeys({ press: 'Enter' });
  await until(() => focused(el)?.tagName === 'ARTICLE' && focused(el) !== mine, 'the reply is focused');
  const answer = focused(el)!;
  expect(answer.textContent).to.contain('Replying to myself.');
  expect(answer.closest('[part~="replies"]')!.closest('li')!.querySelector('article')).to.equal(mine);
  expect(status(el)).to.equal('Comment posted.');
  expect(article(el, answer.dataset.commentId!)).to.equal(answer);
});
