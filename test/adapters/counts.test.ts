// count() of each backend with a count API, against answers in each API's documented shape: one request
// for every post asked, numbers matched to posts in order. (REST and WordPress: test/components/comment-count.test.ts.)
import { expect } from '@open-wc/testing';
import { artalk } from '../../src/adapters/artalk.js';
import { isso } from '../../src/adapters/isso.js';
import { waline } from '../../src/adapters/waline.js';
import { json } from '../fixtures/backends/index.js';
import { recording, rejection, signal } from './stub.js';

describe('count()', () => {
  it('Waline: GET /api/comment?type=count&url=a,b, numbers in the order asked (errno envelope)', async () => {
    const { calls, fetch } = recording(() => json({ errno: 0, errmsg: '', data: [3, 0] }));
    const counts = await waline({ endpoint: 'https://waline.example.org', fetch }).count!(['/a/', '/b/'], { signal });
    expect(counts).to.deep.equal({ '/a/': 3, '/b/': 0 });
    expect(calls).to.have.length(1);
    expect(calls[0]!.url.pathname).to.equal('/api/comment');
    expect(calls[0]!.url.searchParams.get('type')).to.equal('count');
    expect(calls[0]!.url.searchParams.get('url')).to.equal('/a/,/b/');
  });

  it('Waline: a bare number answers a single post', async () => {
    const { fetch } = recording(() => json({ errno: 0, errmsg: '', data: 7 }));
    expect(await waline({ endpoint: 'https://waline.example.org', fetch }).count!(['/a/'], { signal })).to.deep.equal({ '/a/': 7 });
  });

  it('Isso: POST /count with the uris as a JSON array, counts in order', async () => {
    const { calls, fetch } = recording(() => json([2, 11]));
    const counts = await isso({ endpoint: 'https://example.org/isso', fetch }).count!(['/one/', '/two/'], { signal });
    expect(counts).to.deep.equal({ '/one/': 2, '/two/': 11 });
    expect(calls).to.have.length(1);
    expect([calls[0]!.method, calls[0]!.url.pathname, calls[0]!.body]).to.deep.equal(['POST', '/isso/count', ['/one/', '/two/']]);
  });

  it('Artalk: GET /api/v2/stats/page_comment with the site and page keys, a map back', async () => {
    const { calls, fetch } = recording(() => json({ data: { '/x/': 4, '/y/': 1 } }));
    const counts = await artalk({ endpoint: 'https://artalk.example.org', site: 'Blog', fetch }).count!(['/x/', '/y/'], { signal });
    expect(counts).to.deep.equal({ '/x/': 4, '/y/': 1 });
    expect(calls).to.have.length(1);
    expect(calls[0]!.url.pathname).to.equal('/api/v2/stats/page_comment');
    expect(calls[0]!.url.searchParams.get('site_name')).to.equal('Blog');
    expect(calls[0]!.url.searchParams.get('page_keys')).to.equal('/x/,/y/');
  });

  it('refuses counts that are not numbers, on every backend', async () => {
    const bad = recording(() => json({ errno: 0, errmsg: '', data: ['three'] })).fetch;
    expect((await rejection(waline({ endpoint: 'https://waline.example.org', fetch: bad }).count!(['/a/'], { signal }))).code).to.equal('invalid-response');
    const negative = recording(() => json([-1])).fetch;
    expect((await rejection(isso({ endpoint: 'https://example.org/isso', fetch: negative }).count!(['/a/'], { signal }))).code).to.equal('invalid-response');
    const text = recording(() => json({ data: { '/x/': 'many' } })).fetch;
    expect((await rejection(artalk({ endpoint: 'https://artalk.example.org', site: 'Blog', fetch: text }).count!(['/x/'], { signal }))).code).to.equal(
      'invalid-response',
    );
  });
});
