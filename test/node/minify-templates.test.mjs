// The build's squeezing of Lit's css`` templates: smaller, and the same style sheet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { squeezeCss } from '../../scripts/minify-templates.mjs';

test('drops comments and whitespace, and the last semicolon of a block', () => {
  assert.equal(squeezeCss('a ,\n b > c { /* note */\n  color : red ;\n}\n'), 'a,b>c{color:red}');
});

test('keeps a descendant combinator before a pseudo-class: the same selector, not a narrower one', () => {
  assert.equal(squeezeCss("[part~='actions'] :is(a, button) + :is(a, button) { margin: 0 }"), '[part~=actions] :is(a,button)+:is(a,button){margin:0}');
  assert.equal(squeezeCss('li :focus-visible { outline: 0 }'), 'li :focus-visible{outline:0}');
  assert.equal(squeezeCss('a:hover { color : red }'), 'a:hover{color:red}');
});

test('unquotes identifiers in attribute selectors, and only identifiers', () => {
  assert.equal(squeezeCss("[part~='reply-button'] > li {}"), '[part~=reply-button]>li{}');
  assert.equal(squeezeCss("[aria-invalid='true'] {}"), '[aria-invalid=true]{}');
  // Not identifiers: kept quoted.
  assert.equal(squeezeCss("[lang='1x'] {}"), "[lang='1x']{}");
  assert.equal(squeezeCss("[title='a b'] {}"), "[title='a b']{}");
  assert.equal(squeezeCss("[part~='--x'] {}"), "[part~='--x']{}");
});

test('drops the spaces around sibling combinators and around * and / in values, never around + in calc()', () => {
  assert.equal(squeezeCss('li + li, a ~ b { margin: calc(var(--g) * .75 + 1px / 2) }'), 'li+li,a~b{margin:calc(var(--g)*.75 + 1px/2)}');
  assert.equal(squeezeCss('@media (min-width: 10px) { a + b { grid-area: 1 / 2 } }'), '@media (min-width:10px){a+b{grid-area:1/2}}');
  assert.equal(squeezeCss('li:nth-child(2n + 1) {}'), 'li:nth-child(2n+1){}');
  // A quoted string keeps its spaces, in a selector or a value.
  assert.equal(squeezeCss("[title='a + b'] + p { content: 'x * y' }"), "[title='a + b'] + p{content:'x * y'}");
});

test('drops the zero before a decimal point, and leaves other numbers alone', () => {
  assert.equal(
    squeezeCss('a { margin: 0 0 0.75rem; padding: 0.1rem 10.5px; opacity: 0.45; width: calc(var(--g) * 0.75); }'),
    'a{margin:0 0 .75rem;padding:.1rem 10.5px;opacity:.45;width:calc(var(--g)*.75)}',
  );
  assert.equal(squeezeCss('a { color: #0a0a0a; inset: -0.5em; top: 100.5px; }'), 'a{color:#0a0a0a;inset:-0.5em;top:100.5px}');
});
