import { expect } from '@open-wc/testing';
import { mastodon, parseStatusUrl } from '../../src/adapters/mastodon.js';
import { fixtureFetch, json, loadFixture, type RawJson } from '../fixtures/backends/index.js';
import { recording, rejection, signal } from './stub.js';

const status = 'https://mastodon.example/@sarah/109384210000000000';

function fixtures() {
  const answer = fixtureFetch('mastodon');
  return recording((url, init) => answer(url.href, init));
}

async function listWith(change: (context: RawJson) => void) {
  const context = await loadFixture('mastodon/context.json');
  change(context);
  return mastodon({ fetch: async () => json(context) }).list({ postId: status, order: 'oldest', signal });
}

describe('mastodon adapter', () => {
  it('nests descendants by in_reply_to_id, the post’s direct replies at the top', async () => {
    const { calls, fetch } = fixtures();
    const { comments, total, cursor } = await mastodon({ fetch }).list({ postId: status, order: 'oldest', signal });
    expect(calls[0]!.url.href).to.equal('https://mastodon.example/api/v1/statuses/109384210000000000/context');
    const id = (n: number) => String(109384210000000000n + BigInt(n * 1000));
    expect(comments.map((c) => [c.id, c.parentId])).to.deep.equal([
      [id(1), null],
      [id(2), id(1)],
      [id(3), id(2)],
      [id(4), null],
      [id(5), null],
      [id(6), null],
      [id(7), id(6)],
    ]);
    expect(total).to.equal(7);
    expect(cursor).to.equal(null);
  });

  it('maps authors, dates, HTML content, favourites and permalinks', async () => {
    const { comments } = await mastodon({ fetch: fixtures().fetch }).list({ postId: status, order: 'oldest', signal });
    const [michelle, sarah, , gerald, bernolet] = comments;
    expect(michelle!.createdAt).to.equal('2012-01-20T20:30:00.000Z');
    expect(michelle!.author).to.deep.equal({
      name: 'Michelle',
      url: 'https://social.example/@michelle',
      avatarUrl: 'https://mastodon.example/system/accounts/avatars/1001/original/avatar.png',
    });
    expect(michelle!.permalink).to.equal(`https://social.example/@michelle/${michelle!.id}`);
    expect(michelle!.likes).to.equal(3);
    // The post's author is the account the direct replies answer.
    expect(sarah!.author.isPostAuthor).to.equal(true);
    expect(sarah!.body.format).to.equal('html');
    expect(sarah!.body.value).to.contain('class="u-url mention"');
    expect(gerald!.body.value).to.contain('<em>Masters Thesis</em>');
    // An empty display name falls back to the username.
    expect(bernolet!.author.name).to.equal('bernolet');
  });

  it('folds a post with a content warning behind it, the warning escaped', async () => {
    const { comments } = await mastodon({ fetch: fixtures().fetch }).list({ postId: status, order: 'oldest', signal });
    const warned = comments.find((c) => c.author.name === 'bernolet')!;
    expect(warned.body.value).to.match(/^<details><summary>Research &#60;notes&#62;<\/summary><p>Great overview/);
  });

  it('puts the whole post, attachments too, in <details> with the warning as an escaped <summary>', async () => {
    const { comments } = await listWith((context) => {
      const [first, second] = context.descendants;
      Object.assign(first, {
        spoiler_text: 'Spoilers & "plot" </summary><img src=x onerror=alert(1)>',
        content: '<p>It was the butler.</p>',
        media_attachments: [{ url: 'https://files.example/a.png', description: 'Clue' }],
      });
      Object.assign(second, { spoiler_text: '', content: '<p>No warning.</p>', media_attachments: [] });
    });
    expect(comments[0]!.body).to.deep.equal({
      format: 'html',
      value:
        '<details><summary>Spoilers &#38; &#34;plot&#34; &#60;/summary&#62;&#60;img src=x onerror=alert(1)&#62;</summary>' +
        '<p>It was the butler.</p><p><a href="https://files.example/a.png">Clue</a></p></details>',
    });
    // An empty warning is no warning: the post is not folded.
    expect(comments[1]!.body.value).to.equal('<p>No warning.</p>');
  });

  it('links media attachments with their description, only over http(s)', async () => {
    const { comments } = await listWith((context) => {
      context.descendants[0].media_attachments = [
        { url: 'https://files.example/a.png', description: 'A chart <of> data' },
        { url: 'javascript:alert(1)', description: 'bad' },
        { url: 'https://files.example/b.png', description: null },
      ];
    });
    expect(comments[0]!.body.value).to.match(
      /<\/p><p><a href="https:\/\/files\.example\/a\.png">A chart &#60;of&#62; data<\/a><\/p><p><a href="https:\/\/files\.example\/b\.png">Attachment<\/a><\/p>$/,
    );
  });

  it('leaves out posts that are not public or unlisted', async () => {
    const { comments } = await listWith((context) => (context.descendants[3].visibility = 'private'));
    expect(comments).to.have.length(6);
  });

  it('is read-only and offers a link to reply on Mastodon', async () => {
    const adapter = mastodon({ postId: status });
    expect(adapter.capabilities).to.deep.include({ post: false, reply: false, replyLink: { url: status, service: 'mastodon' } });
    expect('submit' in adapter).to.equal(false);
  });

  it('reads the server and the post id from the forms of post URLs, or asks another server', () => {
    expect(parseStatusUrl('https://mastodon.social/@user/1234')).to.include({ api: 'https://mastodon.social', id: '1234' });
    expect(parseStatusUrl('https://mastodon.social/@user@remote.example/99/')).to.include({ id: '99' });
    expect(parseStatusUrl('https://mastodon.social/users/user/statuses/42')).to.include({ id: '42' });
    expect(parseStatusUrl('https://remote.example/@user/7', 'https://home.example')).to.include({ api: 'https://home.example', id: '7' });
  });

  it('refuses a URL that is not a post', async () => {
    const error = await rejection(mastodon({ fetch: fixtures().fetch }).list({ postId: 'https://mastodon.social/@user', order: 'oldest', signal }));
    expect(error).to.include({ code: 'rejected', reason: 'invalid-post' });
  });

  it('says when the post is gone or the server hides posts from anonymous readers', async () => {
    const list = (response: Response) => mastodon({ fetch: async () => response }).list({ postId: status, order: 'oldest', signal });
    const missing = await rejection(list(json({ error: 'Record not found' }, 404)));
    expect(missing).to.include({ code: 'http', status: 404, reason: 'not-found' });
    expect(missing.message).to.contain('not found').and.to.contain(missing.url!);
    const closed = await rejection(list(json({ error: 'This API requires an authenticated user' }, 401)));
    expect(closed.reason).to.equal('login-required');
    const other = await rejection(list(json({ error: 'Validation failed' }, 422)));
    expect(other.message).to.contain('The Mastodon server answered 422: Validation failed').and.to.contain(other.url!);
  });
});
