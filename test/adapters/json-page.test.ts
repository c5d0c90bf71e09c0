import { expect } from '@open-wc/testing';
import { CommentThreadError } from '../../src/model/errors.js';
import { readJsonPage } from '../../src/adapters/json-page.js';
import { comment } from '../fixtures.js';

/** Over the size where the page is read in slices. */
const pad = ' '.repeat(1_100_000);
const many = (n: number, value: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => ({
    ...comment(`c${i}`, null, '2020-01-01T00:00:00Z'),
    body: { format: 'html' as const, value: value(i) },
  }));

describe('readJsonPage', () => {
  it('reads a large page exactly as JSON.parse does, whatever its strings hold', async () => {
    const pages = [
      JSON.stringify({ total: 6000, comments: many(6000, (i) => `<p>${i}</p>`), cursor: null, padding: pad }),
      JSON.stringify({ padding: pad, comments: many(5000, (i) => `a "quote" \\ back ] } [ { é中😀 ${i}`), total: 1 }),
      `\ufeff  {\n "cursor" : "x,y}" , "nested": {"a":[1,{"b":"]"}]}, "comments" : [ 1 , "two" , [3,[4]] , {"x":null}, true, false, -1.5e3 ] ,"z":0 } ${pad}`,
      JSON.stringify({ comments: [], padding: pad }),
    ];
    for (const text of pages) {
      expect(text.length).to.be.greaterThan(1024 * 1024);
      expect(await readJsonPage(new Response(text), 'https://example.org/')).to.deep.equal(JSON.parse(text.replace(/^\ufeff/, '')));
    }
  });

  it('reads a small page in one go', async () => {
    const response = new Response('{"comments":[1]}', { headers: { 'Content-Length': '16' } });
    expect(await readJsonPage(response, 'https://example.org/')).to.deep.equal({ comments: [1] });
  });

  it('says what a malformed or non-JSON answer is, as the adapters do', async () => {
    for (const text of [`{"comments":[{"a":1},{"b":]}${pad}`, `<html>${pad}`]) {
      const error = await readJsonPage(new Response(text), 'https://example.org/').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(CommentThreadError);
      expect((error as CommentThreadError).code).to.equal('invalid-response');
      expect((error as CommentThreadError).message).to.match(/^Expected JSON from https:\/\/example\.org\//);
    }
  });
});
