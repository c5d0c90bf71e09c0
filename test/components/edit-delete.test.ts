// Editing and deleting one's own comment: offered only on the visitor's own comments while the backend's
// window is open; the edit form in place of the text, the draft kept when saving fails; "Delete this
// comment? Delete / Keep" inside the comment, Escape keeps; focus and announcements all the way, from the
// keyboard alone; against the memory backend and the REST test server.
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { memory } from '../../src/adapters/memory.js';
import { rest } from '../../src/adapters/rest.js';
import type { CommentAdapter, OwnWindow } from '../../src/adapters/types.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { CommentThreadError } from '../../src/model/errors.js';
import type { Comment } from '../../src/model/schemas.js';
import { comment } from '../fixtures.js';
import { article, fill, loadedThread, part, scripted, shadow, submit, until } from '../helpers.js';


const button = (el: CommentThread, id: string, part: string) => article(el, id)?.querySelector<HTMLButtonElement>(`[part~="${part}"]`) ?? null;
const focused = (el: CommentThread) => shadow(el).activeElement as HTMLElement | null;
const announced = (el: CommentThread) => part(el, 'status')!.textContent!.trim();
const text = (el: CommentThread, id: string) => article(el, id)!.querySelector('[part~="body"]')!.textContent!.trim();

/** Posts `content` as Ann through the top form; resolves to the new comment's id. */
async function post(el: CommentThread, content: string): Promise<string> {
  const form = shadow(el).querySelector<HTMLFormElement>('#form-top')!;
  fill(form, { content, name: 'Ann', email: 'ann@example.org' });
  const arrived = new Promise<string>((resolve) =>
    el.addEventListener('comment-submitted', (e) => resolve(e.detail.comment.id), { once: true }),
  );
  submit(form);
  const id = await arrived;
  await until(() => button(el, id, 'edit-button'), 'the new comment offered no Edit');
  return id;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('editing and deleting one’s own comment', () => {
  it('offers Edit and Delete on the visitor’s own comments only, and not after the window closes', async () => {
    const seed = [comment('1', null, '2020-01-01T00:00:00Z', 'Bob')];
    const el = await loadedThread(memory({ comments: seed }));
    const id = await post(el, 'Mine.');
    expect(button(el, '1', 'edit-button')).to.equal(null);
    expect(button(el, '1', 'delete-button')).to.equal(null);
    expect(button(el, id, 'delete-button')).to.exist;
    await expect(el).to.be.accessible();

    // A comment the backend says is the visitor's, but written longer ago than the window.
    const old = [comment('2', null, new Date(Date.now() - 3600_000).toISOString(), 'Ann', { own: true })];
    const late = await loadedThread(scripted({ list: async () => ({ comments: old }), capabilities: { edit: { editableFor: 900 }, delete: { editableFor: 900 } } }));
    expect(button(late, '2', 'edit-button')).to.equal(null);
    expect(button(late, '2', 'delete-button')).to.equal(null);
  });

  it('edits in place from the keyboard: the text in a form, focus in it, saved, announced, focus on the comment', async () => {
    const el = await loadedThread(memory({ storageKey: 'edit-test' }));
    const id = await post(el, 'Frist!');
    button(el, id, 'edit-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.matches('[part~="edit-form"] textarea'), 'focus did not move into the edit form');
    const field = focused(el) as HTMLTextAreaElement;
    expect(field.value).to.equal('Frist!');
    expect(button(el, id, 'edit-button')!.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    field.select();
    await sendKeys({ type: 'First!' });
    await sendKeys({ press: 'Tab' });
    await until(() => focused(el)?.matches('[part~="submit-button"]'), 'Tab did not reach Save');
    await sendKeys({ press: 'Enter' });
    await until(() => announced(el) === 'Comment updated.', 'the edit was not announced');
    expect(text(el, id)).to.equal('First!');
    expect(part(el, 'edit-form')).to.equal(null);
    expect(focused(el) === article(el, id), 'focus is on the comment').to.equal(true);
    // Stored: another page view reads the new text, and still offers Edit.
    const again = await loadedThread(memory({ storageKey: 'edit-test' }));
    expect(text(again, id)).to.equal('First!');
    expect(button(again, id, 'edit-button')).to.exist;
  });

  it('keeps the edited text and says why when saving fails; Escape closes the form and returns focus to Edit', async () => {
    const mine = [comment('1', null, new Date().toISOString(), 'Ann', { own: true })];
    const adapter = {
      ...scripted({ list: async () => ({ comments: mine }), capabilities: { edit: { editableFor: 900 } } }),
      update: async () => {
        throw new CommentThreadError('rejected', 'no', { reason: 'not-allowed', serverMessage: 'Too late to edit.' });
      },
    };
    const el = await loadedThread(adapter);
    button(el, '1', 'edit-button')!.click();
    await until(() => part(el, 'edit-form'), 'the edit form did not open');
    const form = part<HTMLFormElement>(el, 'edit-form')!;
    const field = form.querySelector('textarea')!;
    field.value = 'Changed.';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    submit(form);
    await until(() => form.querySelector('[part~="error"]'), 'the failure was not shown');
    expect(form.querySelector('[part~="error"]')!.textContent).to.contain('Too late to edit.');
    expect(announced(el)).to.contain('Your changes could not be saved.');
    expect(form.querySelector('textarea')!.value).to.equal('Changed.');
    form.querySelector('textarea')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => part(el, 'edit-form') === null, 'Escape did not close the edit form');
    expect(focused(el) === button(el, '1', 'edit-button'), 'focus is back on Edit').to.equal(true);
    expect(text(el, '1')).to.equal('Comment 1');
  });

  it('asks inside the comment before deleting: focus on the question, Escape keeps it', async () => {
    const el = await loadedThread(memory());
    const id = await post(el, 'Oops.');
    button(el, id, 'delete-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.matches('[part~="confirm-delete"]'), 'focus did not move to the question');
    expect(focused(el)!.textContent).to.contain('Delete this comment?');
    expect(button(el, id, 'delete-button')!.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => part(el, 'confirm-delete') === null, 'Escape did not close the question');
    expect(focused(el) === button(el, id, 'delete-button'), 'focus is back on Delete').to.equal(true);
    expect(article(el, id)).to.exist;
  });

  it('deletes from the keyboard: announced, gone, focus on the next comment', async () => {
    const el = await loadedThread(memory({ storageKey: 'delete-test', comments: [comment('9', null, '2099-01-01T00:00:00Z', 'Bob')] }));
    const id = await post(el, 'Oops.');
    button(el, id, 'delete-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.matches('[part~="confirm-delete"]'), 'the question did not take focus');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.matches('[part~="confirm-delete-button"]')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => announced(el) === 'Comment deleted.', 'the deletion was not announced');
    expect(article(el, id)).to.equal(null);
    expect(focused(el) === article(el, '9'), 'focus is on the next comment').to.equal(true);
    const again = await loadedThread(memory({ storageKey: 'delete-test' }));
    expect(article(again, id)).to.equal(null);
  });

  it('keeps a deleted comment that has replies as "Comment deleted", its replies in place', async () => {
    const el = await loadedThread(memory({ storageKey: 'placeholder-test' }));
    const id = await post(el, 'Question?');
    button(el, id, 'reply-button')!.click();
    await until(() => part(el, 'reply-form'), 'the reply form did not open');
    const reply = part<HTMLFormElement>(el, 'reply-form')!;
    fill(reply, { content: 'Answer.', name: 'Ann', email: 'ann@example.org' });
    const replied = new Promise<string>((resolve) => el.addEventListener('comment-submitted', (e) => resolve(e.detail.comment.id), { once: true }));
    submit(reply);
    const replyId = await replied;
    button(el, id, 'delete-button')!.click();
    await until(() => part(el, 'confirm-delete-button'), 'the question was not asked');
    part<HTMLButtonElement>(el, 'confirm-delete-button')!.click();
    await until(() => article(el, id)?.matches('[part~="deleted"]'), 'the placeholder was not shown');
    expect(article(el, id)!.textContent).to.contain('Comment deleted');
    expect(focused(el) === article(el, id), 'focus is on the comment').to.equal(true);
    expect(article(el, id)!.closest('li')!.querySelector(`article[data-comment-id="${replyId}"]`)).to.exist;
    await expect(el).to.be.accessible();
    const again = await loadedThread(memory({ storageKey: 'placeholder-test' }));
    expect(article(again, id)!.matches('[part~="deleted"]')).to.equal(true);
    expect(article(again, replyId)).to.exist;
  });

  it('edits and deletes through the REST protocol with the token the create answer gave', async () => {
    await fetch('/test-api/reset/own', { method: 'POST', body: JSON.stringify({ features: { editableFor: 600 } }) });
    const el = await loadedThread(rest({ endpoint: '/test-api/rest/own' }));
    const id = await post(el, 'Helo.');
    button(el, id, 'edit-button')!.click();
    await until(() => part(el, 'edit-form'), 'the edit form did not open');
    const form = part<HTMLFormElement>(el, 'edit-form')!;
    form.querySelector('textarea')!.value = 'Hello.';
    form.querySelector('textarea')!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    submit(form);
    await until(() => announced(el) === 'Comment updated.', 'the edit was not saved');
    expect(text(el, id)).to.equal('Hello.');
    button(el, id, 'delete-button')!.click();
    await until(() => part(el, 'confirm-delete-button'), 'the question was not asked');
    part<HTMLButtonElement>(el, 'confirm-delete-button')!.click();
    await until(() => announced(el) === 'Comment deleted.', 'the deletion was not announced');
    const log = (await (await fetch('/test-api/log/own')).json()) as { method: string; token?: string }[];
    const changes = log.filter((e) => e.method === 'PATCH' || e.method === 'DELETE');
    expect(changes.map((e) => e.method)).to.deep.equal(['PATCH', 'DELETE']);
    expect(changes.every((e) => typeof e.token === 'string' && e.token.startsWith(`t-${id}-`))).to.equal(true);
    const list = (await (await fetch('/test-api/rest/own/posts/1/comments')).json()) as { comments: unknown[] };
    expect(list.comments).to.have.length(0);
  });
});

/** A thread of the visitor's own comments (`own`, just written) with edit and delete, answered by `changes`. */
function ownThread(comments: Comment[], changes: Pick<CommentAdapter, 'update' | 'remove'>, window: OwnWindow = { editableFor: 900 }) {
  return { ...scripted({ list: async () => ({ comments }), capabilities: { edit: window, delete: window } }), ...changes };
}
const now = () => new Date().toISOString();
const heading = (el: CommentThread) => part(el, 'heading')!.textContent!.trim();

async function openEdit(el: CommentThread, id: string, content: string): Promise<HTMLFormElement> {
  button(el, id, 'edit-button')!.click();
  await until(() => part(el, 'edit-form'), 'the edit form did not open');
  const form = part<HTMLFormElement>(el, 'edit-form')!;
  const field = form.querySelector('textarea')!;
  field.value = content;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return form;
}

async function askDelete(el: CommentThread, id: string) {
  button(el, id, 'delete-button')!.click();
  await until(() => part(el, 'confirm-delete-button'), 'the question was not asked');
  part<HTMLButtonElement>(el, 'confirm-delete-button')!.click();
}

describe('editing and deleting: events, and the thread that follows', () => {
  it('fires comment-update with the draft, then comment-updated with the comment as stored, replaced in place', async () => {
    const mine = [comment('1', null, now(), 'Ann', { own: true }), comment('2', null, now(), 'Bob')];
    const sent: string[] = [];
    const el = await loadedThread(
      ownThread(mine, {
        update: async (id, draft) => {
          sent.push(draft.content);
          return comment(id, null, mine[0]!.createdAt, 'Ann', { own: true, body: { format: 'text', value: `${draft.content} (stored)` } });
        },
      }),
    );
    const item = article(el, '1')!.closest('li')!;
    const events: Event[] = [];
    el.addEventListener('comment-update', (e) => events.push(e));
    const form = await openEdit(el, '1', 'Better words.');
    const updated = oneEvent(el, 'comment-updated');
    submit(form);
    const { detail } = await updated;
    expect(events).to.have.length(1);
    const update = events[0] as HTMLElementEventMap['comment-update'];
    expect(update.detail).to.deep.include({ id: '1' });
    expect(update.detail.draft).to.deep.include({ postId: '1', parentId: null, content: 'Better words.' });
    expect(update.cancelable && update.bubbles && update.composed).to.equal(true);
    expect(detail.comment).to.deep.include({ id: '1', parentId: null, own: true });
    expect(detail.comment.body.value).to.equal('Better words. (stored)');
    await el.updateComplete;
    expect(sent).to.deep.equal(['Better words.']);
    expect(text(el, '1')).to.equal('Better words. (stored)');
    // In place: the same list item, first as before, the count unchanged.
    expect(article(el, '1')!.closest('li')).to.equal(item);
    expect(shadow(el).querySelector('[part~="list"] > li > article')!.getAttribute('data-comment-id')).to.equal('1');
    expect(heading(el)).to.equal('2 comments');
  });

  it('sends nothing when comment-update is cancelled, the text kept in the open form', async () => {
    let calls = 0;
    const el = await loadedThread(ownThread([comment('1', null, now(), 'Ann', { own: true })], { update: async () => (calls++, comment('1', null, now())) }));
    el.addEventListener('comment-update', (e) => e.preventDefault());
    const form = await openEdit(el, '1', 'Not yet.');
    submit(form);
    await el.updateComplete;
    expect(calls).to.equal(0);
    expect(part(el, 'edit-form')).to.equal(form);
    expect(form.querySelector('textarea')!.value).to.equal('Not yet.');
    expect(text(el, '1')).to.equal('Comment 1');
  });

  it('fires comment-delete, then comment-deleted, and the heading counts one fewer', async () => {
    const mine = [comment('1', null, now(), 'Ann', { own: true }), comment('2', null, now(), 'Bob'), comment('3', null, now(), 'Cy')];
    const removed: string[] = [];
    const el = await loadedThread(ownThread(mine, { remove: async (id) => void removed.push(id) }));
    expect(heading(el)).to.equal('3 comments');
    const asked: Event[] = [];
    el.addEventListener('comment-delete', (e) => asked.push(e));
    const deleted = oneEvent(el, 'comment-deleted');
    await askDelete(el, '1');
    const { detail } = await deleted;
    expect(asked).to.have.length(1);
    expect((asked[0] as HTMLElementEventMap['comment-delete']).detail).to.deep.equal({ id: '1' });
    expect(asked[0]!.cancelable).to.equal(true);
    expect(detail).to.deep.equal({ id: '1', kept: false, removed: ['1'] });
    expect(removed).to.deep.equal(['1']);
    await until(() => article(el, '1') === null, 'the comment stayed');
    expect(heading(el)).to.equal('2 comments');
  });

  it('keeps the comment when comment-delete is cancelled: nothing sent, focus back on Delete', async () => {
    let calls = 0;
    const el = await loadedThread(ownThread([comment('1', null, now(), 'Ann', { own: true })], { remove: async () => void calls++ }));
    el.addEventListener('comment-delete', (e) => e.preventDefault());
    await askDelete(el, '1');
    await until(() => part(el, 'confirm-delete') === null, 'the question stayed');
    expect(calls).to.equal(0);
    expect(article(el, '1')).to.exist;
    expect(focused(el) === button(el, '1', 'delete-button'), 'focus is back on Delete').to.equal(true);
    expect(heading(el)).to.equal('One comment');
  });

  it('counts a comment kept as "Comment deleted" out of the heading, its replies still counted', async () => {
    const mine = [comment('1', null, now(), 'Ann', { own: true }), comment('2', '1', now(), 'Bob'), comment('3', '2', now(), 'Cy')];
    const el = await loadedThread(ownThread(mine, { remove: async () => undefined }));
    expect(heading(el)).to.equal('3 comments');
    const deleted = oneEvent(el, 'comment-deleted');
    await askDelete(el, '1');
    expect((await deleted).detail).to.deep.equal({ id: '1', kept: true, removed: [] });
    await until(() => article(el, '1')?.matches('[part~="deleted"]'), 'the placeholder was not shown');
    expect(heading(el)).to.equal('2 comments');
    expect(article(el, '3')).to.exist;
  });

  it('removes the replies with the comment where the backend deletes them too (Waline), focus on the next comment', async () => {
    const mine = [
      comment('1', null, '2020-01-01T00:00:00Z', 'Ann', { own: true }),
      comment('2', '1', '2020-01-02T00:00:00Z', 'Bob'),
      comment('3', '2', '2020-01-03T00:00:00Z', 'Cy'),
      comment('4', null, '2020-01-04T00:00:00Z', 'Dee'),
    ];
    const el = await loadedThread(ownThread(mine, { remove: async () => undefined }, { editableFor: 'signed-in', withReplies: true }));
    expect(heading(el)).to.equal('4 comments');
    const deleted = oneEvent(el, 'comment-deleted');
    await askDelete(el, '1');
    const { detail } = await deleted;
    expect(detail.kept).to.equal(false);
    expect([...detail.removed].sort()).to.deep.equal(['1', '2', '3']);
    await until(() => ['1', '2', '3'].every((id) => article(el, id) === null), 'the replies stayed');
    expect(part(el, 'deleted')).to.equal(null);
    expect(heading(el)).to.equal('One comment');
    expect(focused(el) === article(el, '4'), 'focus is on the next comment').to.equal(true);
  });

  it('fires comment-error with the phase when an edit or a delete fails', async () => {
    const fail = async () => {
      throw new CommentThreadError('network', 'offline');
    };
    const el = await loadedThread(ownThread([comment('1', null, now(), 'Ann', { own: true })], { update: fail, remove: fail }));
    const errors: HTMLElementEventMap['comment-error'][] = [];
    el.addEventListener('comment-error', (e) => errors.push(e));
    let updated = 0;
    el.addEventListener('comment-updated', () => updated++);
    submit(await openEdit(el, '1', 'Lost?'));
    await until(() => errors.length === 1, 'no comment-error for the edit');
    expect(errors[0]!.detail.phase).to.equal('update');
    expect(errors[0]!.detail.error.code).to.equal('network');
    expect(part<HTMLFormElement>(el, 'edit-form')!.querySelector('textarea')!.value).to.equal('Lost?');
    part<HTMLButtonElement>(el, 'cancel-button')!.click();
    await until(() => part(el, 'edit-form') === null, 'the edit form stayed open');
    await askDelete(el, '1');
    await until(() => errors.length === 2, 'no comment-error for the delete');
    expect(errors[1]!.detail.phase).to.equal('delete');
    expect(announced(el)).to.contain('could not be deleted');
    expect(article(el, '1')).to.exist;
    expect(updated).to.equal(0);
  });
});

describe('every action at once, from the keyboard alone', () => {
  it('shows Reply, Like, Copy link, Edit, Delete, Write / Preview and the notify box with nothing for axe to find, and works them by keys', async () => {
    const el = await loadedThread(memory({ storageKey: 'every-action', bodyFormat: 'markdown', notify: true, comments: [comment('9', null, '2099-01-01T00:00:00Z', 'Bob')] }));
    const id = await post(el, 'All *of* it.');
    const names = () => [...article(el, id)!.querySelectorAll('[part~="actions"] > *')].map((b) => b.getAttribute('part'));
    expect(names()).to.deep.equal(['reply-button', 'like-button', 'copy-link-button', 'edit-button', 'delete-button']);
    const top = shadow(el).querySelector<HTMLFormElement>('#form-top')!;
    await until(() => top.querySelector('[part~="preview-button"]'), 'Write / Preview never showed');
    expect(top.querySelector('[part~="notify"] input[type="checkbox"]')).to.exist;
    await expect(el).to.be.accessible();

    // Like: Enter presses it, focus stays, the count is in its name.
    button(el, id, 'like-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => button(el, id, 'like-button')!.getAttribute('aria-pressed') === 'true', 'Enter did not like');
    expect(button(el, id, 'like-button')!.textContent).to.equal('Like 1');
    expect(focused(el) === button(el, id, 'like-button'), 'focus stays on Like').to.equal(true);

    // Edit, previewed: Tab from the field reaches Preview; axe still finds nothing.
    await sendKeys({ press: 'Tab' }); // Copy link
    await sendKeys({ press: 'Tab' }); // Edit
    expect(focused(el) === button(el, id, 'edit-button'), 'Tab reached Edit').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.matches('[part~="edit-form"] textarea'), 'focus did not move into the edit form');
    expect((focused(el) as HTMLTextAreaElement).value).to.equal('All *of* it.');
    const form = part<HTMLFormElement>(el, 'edit-form')!;
    await until(() => form.querySelector('[part~="preview-button"]'), 'the edit form has no Preview');
    form.querySelector<HTMLButtonElement>('[part~="preview-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => form.querySelector('[part~="preview"] em'), 'the edit was not previewed');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => part(el, 'edit-form') === null, 'Escape did not close the edit form');
    expect(focused(el) === button(el, id, 'edit-button'), 'focus is back on Edit').to.equal(true);

    // Delete: Tab to it, Enter asks, Tab to "Delete", Enter deletes; announced, focus on the next comment.
    await sendKeys({ press: 'Tab' });
    expect(focused(el) === button(el, id, 'delete-button'), 'Tab reached Delete').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.matches('[part~="confirm-delete"]'), 'focus did not move to the question');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => announced(el) === 'Comment deleted.', 'the deletion was not announced');
    expect(article(el, id)).to.equal(null);
    expect(focused(el) === article(el, '9'), 'focus is on the next comment').to.equal(true);
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('One comment');
  });
});
