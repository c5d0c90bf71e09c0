// comment-thread/render in Node (the build's dist/render.js, as the package exports it): the markup
// crawlers and readers without JavaScript get, escaped and sanitized, and the schema.org JSON-LD.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodySanitizer, htmlToText, renderThread, scriptJson, threadJsonLd } from '../../dist/render.js';

const at = (day) => `2013-04-${String(day).padStart(2, '0')}T17:10:00Z`;
const comment = (id, parentId, extra = {}) => ({
  id,
  parentId,
  author: { name: `Author ${id}` },
  createdAt: at(Number(id) + 1),
  body: { format: 'text', value: `Comment ${id}` },
  status: 'approved',
  permalink: `https://blog.example/post/#comment-${id}`,
  ...extra,
});

const comments = [
  comment('1', null, { author: { name: 'christopher <sims>', url: 'https://sims.example/' } }),
  comment('2', '1', { author: { name: 'Sarah Anderson', isPostAuthor: true }, body: { format: 'text', value: 'Good luck.\n\nWith "your" dissertation & more.' } }),
  comment('3', null, {
    body: {
      format: 'html',
      value:
        '<p onclick="x()">My <em>thesis</em> <a href="javascript:alert(1)">bad</a> <a href="https://ok.example/">good</a>' +
        '<img src=x onerror=alert(1)><script>alert("s")</script></p><h1>Big</h1>',
    },
  }),
  comment('4', null, { status: 'pending', body: { format: 'text', value: 'Held for moderation' } }),
  { id: '5', parentId: null, author: {}, createdAt: 'yesterday', body: { format: 'text', value: 'Malformed' } },
  comment('6', null, { body: { format: 'text', value: 'Ends a script early? </script><script>alert(1)</script> <!--' } }),
];

const options = {
  postId: '42',
  lang: 'en-GB',
  post: { type: 'BlogPosting', url: 'https://blog.example/post/', headline: 'The post', author: 'Sarah Anderson', datePublished: '2012-01-16T10:00:00Z' },
};

const ldOf = (html) => {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(match, 'no JSON-LD script');
  return { raw: match[1], data: JSON.parse(match[1]) };
};

describe('renderThread', () => {
  const html = renderThread(comments, options);

  it('writes every approved comment once, nested, and leaves out held and malformed ones', () => {
    for (const id of ['1', '2', '3', '6']) assert.equal(html.split(`data-comment-id="${id}"`).length, 2, `comment ${id}`);
    assert.ok(!html.includes('Held for moderation'));
    assert.ok(!html.includes('Malformed'));
    assert.match(html, /<li id="comment-1" class="comment depth-1"[^>]*>.*<ol class="children"><li id="comment-2" class="comment depth-2 bypostauthor"/s);
    assert.match(html, /data-comment-thread-page data-post-id="42" lang="en-GB" data-total="4"/);
  });

  it('escapes every text and keeps only safe links', () => {
    assert.ok(html.includes('christopher &lt;sims&gt;'));
    assert.ok(html.includes('<a class="url" href="https://sims.example/" rel="external nofollow ugc">'));
    assert.ok(html.includes('With &quot;your&quot; dissertation &amp; more.'));
    assert.ok(html.includes('<time datetime="2013-04-02T17:10:00.000Z">2 April 2013 at 17:10</time>'));
    assert.ok(html.includes('<a href="https://blog.example/post/#comment-1">'));
  });

  it('sanitizes HTML bodies with the element’s allow-list', () => {
    assert.equal(bodySanitizer, 'sanitize-html');
    const body = /data-comment-id="3"[\s\S]*?<div class="comment-content">([\s\S]*?)<\/div><\/article>/.exec(html)[1];
    assert.ok(body.includes('<em>thesis</em>'));
    assert.ok(body.includes('<a href="https://ok.example/" rel="nofollow ugc noopener">good</a>'));
    assert.ok(!/onclick|onerror|javascript:|<script|alert\("s"\)/i.test(body), body);
    assert.ok(!/<img/.test(body), 'an image with an unsafe source is dropped');
    assert.ok(body.includes('<h3>Big</h3>'), 'a body’s heading never outranks the thread’s');
  });

  it('describes the post and its comments in schema.org JSON-LD that no comment can break out of', () => {
    const { raw, data } = ldOf(html);
    assert.ok(!raw.includes('<'), 'every < is escaped');
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'BlogPosting');
    assert.equal(data.url, 'https://blog.example/post/');
    assert.equal(data.headline, 'The post');
    assert.equal(data.commentCount, 4);
    assert.deepEqual(
      data.comment.map((c) => c['@type']),
      ['Comment', 'Comment', 'Comment', 'Comment'],
    );
    const [first, reply, third, last] = data.comment;
    assert.deepEqual(first.author, { '@type': 'Person', name: 'christopher <sims>', url: 'https://sims.example/' });
    assert.equal(first.dateCreated, '2013-04-02T17:10:00.000Z');
    assert.equal(first.url, 'https://blog.example/post/#comment-1');
    assert.equal(first.parentItem, undefined);
    assert.deepEqual(reply.parentItem, { '@id': first['@id'] });
    assert.equal(reply.text, 'Good luck.\n\nWith "your" dissertation & more.');
    assert.equal(third.text, 'My thesis bad good\n\nBig');
    assert.equal(last.text, 'Ends a script early? </script><script>alert(1)</script> <!--');
  });

  it('can use a forum post, and no JSON-LD at all', () => {
    assert.equal(threadJsonLd(comments, { ...options, post: { type: 'DiscussionForumPosting' } })['@type'], 'DiscussionForumPosting');
    assert.ok(!renderThread(comments, { ...options, jsonLd: false }).includes('ld+json'));
  });

  it('names the next page for the element when it renders only the first', () => {
    assert.match(renderThread(comments, { postId: '42', total: 250, cursor: '2' }), /data-total="250" data-cursor="2"/);
  });
});

describe('helpers', () => {
  it('scriptJson escapes what could end or bend a script', () => {
    assert.equal(scriptJson({ a: '</script>\u2028&' }), '{"a":"\\u003c/script\\u003e\\u2028\\u0026"}');
  });
  it('htmlToText keeps words and paragraphs, drops scripts and decodes entities', () => {
    assert.equal(htmlToText('<p>Master&#8217;s &amp; more</p><script>x()</script><p>two<br>lines</p>'), 'Master’s & more\n\ntwo\nlines');
  });
});
