// Runs only through `npm run test:waline` (scripts/test-waline.mjs): a registered Waline user, Ann, signs
// in with Waline's own login (POST /api/token) and edits and deletes her comments on pages of their own;
// what the server stored is read back by an adapter without her token, as any reader sees it.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waline } from '../../../src/adapters/waline.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import '../../../src/define.js';
import { article, loaded, part, shadow, until } from '../../helpers.js';
import { rejection } from '../../adapters/stub.js';

const env = (await import('/__integration-env.js' as string)) as {
  endpoint: string;
  ownPaths: { adapter: string; element: string };
  author: { email: string; password: string };
};
const signal = new AbortController().signal;

/** Ann's token, from Waline's login route, as Waline's own client gets it. */
async function signIn(): Promise<string> {
  const response = await fetch(`${env.endpoint}/api/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: env.author.email, password: env.author.password }),
  });
  const answer = (await response.json()) as { errno: number; data: { token: string; display_name: string } };
  expect(answer.errno, 'Waline refused the login').to.equal(0);
  return answer.data.token;
}

const read = async (postId: string) => (await waline({ endpoint: env.endpoint }).list({ postId, order: 'oldest', signal })).comments;
const byText = <T extends { body: { value: string } }>(comments: T[], text: string) => comments.find((c) => c.body.value.includes(text));

describe('waline: a signed-in author edits and deletes her own comments on a real server', () => {
  it('marks only her comments, stores her edit, deletes a comment with its reply, and is refused on another’s', async () => {
    const path = env.ownPaths.adapter;
    const adapter = waline({ endpoint: env.endpoint, token: await signIn() });
    const { comments } = await adapter.list({ postId: path, order: 'oldest', signal });
    expect(adapter.capabilities.identity).to.deep.equal({ name: 'Ann Author' });
    expect(adapter.capabilities.edit).to.deep.include({ editableFor: 'signed-in' });
    const frist = byText(comments, 'Frist!')!;
    const question = byText(comments, 'should not have asked')!;
    const answer = byText(comments, 'I can answer that.')!;
    const other = byText(comments, 'Not yours to change.')!;
    expect(comments.filter((c) => c.own).map((c) => c.id).sort()).to.deep.equal([frist.id, question.id].sort());
    expect(frist.source).to.equal('Frist!');

    const draft = { postId: path, parentId: null, content: 'First, *edited*.', author: { name: 'Ann Author', email: '' } };
    const edited = await adapter.update!(frist.id, draft, { postId: path, signal });
    expect(edited).to.deep.include({ id: frist.id, own: true, source: 'First, *edited*.' });
    expect(edited.body.value).to.contain('<em>edited</em>');
    // Stored: a reader without her token reads the new text.
    const stored = (await read(path)).find((c) => c.id === frist.id)!;
    expect(stored.body.value).to.contain('First, <em>edited</em>.');
    expect(stored.author.name).to.equal('Ann Author');

    await adapter.remove!(question.id, { postId: path, signal });
    const after = await read(path);
    // Waline deletes the replies with the comment: both are gone for every reader.
    expect(after.map((c) => c.id)).not.to.include.members([question.id]);
    expect(after.map((c) => c.id)).not.to.include(answer.id);
    expect(after.map((c) => c.id)).to.include.members([frist.id, other.id]);

    const refused = await rejection(adapter.update!(other.id, { ...draft, content: 'Mine now.' }, { postId: path, signal }));
    expect(refused).to.include({ code: 'rejected', status: 403 });
    expect((await read(path)).find((c) => c.id === other.id)!.body.value).to.contain('Not yours to change.');
  });

  it('edits and deletes in <comment-thread> from the keyboard, with the events, the count following', async () => {
    const path = env.ownPaths.element;
    const el = await fixture<CommentThread>(
      html`<comment-thread loading="eager" min-fill-time="0" .adapter=${waline({ endpoint: env.endpoint, token: await signIn() })} post-id=${path}></comment-thread>`,
    );
    await loaded(el);
    const comments = await read(path);
    const frist = byText(comments, 'Frist!')!;
    const question = byText(comments, 'should not have asked')!;
    const answer = byText(comments, 'I can answer that.')!;
    const other = byText(comments, 'Not yours to change.')!;
    const heading = () => part(el, 'heading')!.textContent!.trim();
    expect(heading()).to.equal('4 comments');
    expect(part(el, 'logged-in')!.textContent).to.contain('Ann Author');
    await until(() => article(el, frist.id)!.querySelector('[part~="edit-button"]'), 'her comment offered no Edit');
    expect(article(el, other.id)!.querySelector('[part~="edit-button"]')).to.equal(null);
    expect(article(el, answer.id)!.querySelector('[part~="delete-button"]')).to.equal(null);

    article(el, frist.id)!.querySelector<HTMLButtonElement>('[part~="edit-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).activeElement?.matches('[part~="edit-form"] textarea'), 'focus did not move into the edit form');
    const field = shadow(el).activeElement as HTMLTextAreaElement;
    // The Markdown as she wrote it, not its rendering.
    expect(field.value).to.equal('Frist!');
    field.select();
    await sendKeys({ type: 'First, **fixed**.' });
    const updated = oneEvent(el, 'comment-updated');
    part<HTMLFormElement>(el, 'edit-form')!.requestSubmit();
    const { detail } = await updated;
    expect(detail.comment.id).to.equal(frist.id);
    await until(() => article(el, frist.id)!.querySelector('[part~="body"] strong'), 'the edit was not shown');
    expect((await read(path)).find((c) => c.id === frist.id)!.body.value).to.contain('<strong>fixed</strong>');

    article(el, question.id)!.querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
    await until(() => part(el, 'confirm-delete-button'), 'the question was not asked');
    const deleted = oneEvent(el, 'comment-deleted');
    part<HTMLButtonElement>(el, 'confirm-delete-button')!.click();
    const gone = await deleted;
    // Waline deleted the reply too: both leave, and no "Comment deleted" stays.
    expect(gone.detail).to.deep.include({ id: question.id, kept: false });
    expect([...gone.detail.removed].sort()).to.deep.equal([question.id, answer.id].sort());
    await until(() => article(el, question.id) === null && article(el, answer.id) === null, 'the deleted comments stayed');
    expect(heading()).to.equal('2 comments');
    expect((await read(path)).map((c) => c.id).sort()).to.deep.equal([frist.id, other.id].sort());
  });
});
