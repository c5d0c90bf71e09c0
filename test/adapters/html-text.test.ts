import { expect } from '@open-wc/testing';
import { decodeEntities, htmlText } from '../../src/adapters/html-text.js';
import { errorPageText } from '../../src/adapters/http-helpers.js';

describe('decodeEntities', () => {
  it('decodes what WordPress sends: escaped names and texturized quotes and dashes', () => {
    expect(decodeEntities('Eve &amp; Mallet&#039;s &#8220;blog&#8221; &#8211; it&#8217;s &#038; more&#8230;')).to.equal(
      'Eve & Mallet\'s “blog” – it’s & more…',
    );
  });

  it('decodes decimal and hexadecimal references, in either case, beyond the basic plane', () => {
    expect(decodeEntities('&#x27;&#X27;&#39; &#x1F600; &#128512;')).to.equal("''' 😀 😀");
  });

  it('decodes the named references backends and error pages use', () => {
    expect(decodeEntities('&lt;b&gt; &quot;x&quot; &apos;y&apos; a&nbsp;b &hellip; &mdash; &laquo;z&raquo; &copy; &euro;')).to.equal(
      '<b> "x" \'y\' a\u00a0b … — «z» © €',
    );
  });

  it('maps 0x80–0x9F as Windows-1252, as browsers do', () => {
    expect(decodeEntities('&#150; &#147;q&#148; &#128;')).to.equal('– “q” €');
  });

  it('turns NUL, surrogates and values past Unicode into U+FFFD instead of throwing', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000;&#99999999;')).to.equal('\ufffd\ufffd\ufffd\ufffd');
  });

  it('leaves unknown names, missing semicolons and lone ampersands as written', () => {
    expect(decodeEntities('&bogus; &amp R&D &')).to.equal('&bogus; &amp R&D &');
  });

  it('decodes once: an escaped reference stays a reference', () => {
    expect(decodeEntities('&amp;lt;')).to.equal('&lt;');
  });

  it('agrees with the browser on every reference it knows', () => {
    const sample =
      '&amp;&lt;&gt;&quot;&apos;&nbsp;&shy;&hellip;&mdash;&ndash;&lsquo;&rsquo;&sbquo;&ldquo;&rdquo;&bdquo;&laquo;&raquo;' +
      '&lsaquo;&rsaquo;&bull;&middot;&prime;&copy;&reg;&trade;&deg;&times;&divide;&euro;&pound;&yen;&cent;&sect;&para;' +
      '&dagger;&Dagger;&iexcl;&iquest;&larr;&rarr;&#8217;&#x2014;&#133;&#159;&#65;';
    const area = document.createElement('textarea');
    area.innerHTML = sample;
    expect(decodeEntities(sample)).to.equal(area.value);
  });
});

describe('htmlText', () => {
  it('drops tags, keeps words apart across blocks, decodes and collapses whitespace (no-break spaces too)', () => {
    expect(htmlText('<p><strong>Error:</strong> Please type&nbsp;your <em>comment</em>.</p>\n<p>Back</p>')).to.equal(
      'Error: Please type your comment. Back',
    );
  });

  it('drops the content of scripts and styles, and comments, and quoted > in attributes', () => {
    expect(htmlText('<style>p{}</style><script>alert(1)</script><!-- x --><a title="a>b" href="#">link</a>')).to.equal('link');
  });

  it('reads the reason of a werkzeug or nginx error page', () => {
    expect(errorPageText('<!doctype html><title>400 Bad Request</title><h1>Bad Request</h1><p>text is too short &amp; sweet</p>')).to.equal(
      'text is too short & sweet',
    );
    expect(errorPageText('<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>')).to.equal(
      '502 Bad Gateway',
    );
    expect(errorPageText('')).to.equal(undefined);
  });
});
