/**
 * The XSS corpus through each backend's own answer shape: every string an adapter reads (found by
 * changing each string of a recorded answer in turn) carries each payload, and what the adapter makes
 * of it is rendered; then each payload as the backend's error message, on list and on submit.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { readable } from '../../src/i18n/words.js';
import { CommentThreadError } from '../../src/model/errors.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { CommentSchema, type Comment, type Draft, type Page } from '../../src/model/schemas.js';
import { httpDefaults } from '../../src/adapters/http.js';
import { sanitizerOptions } from '../../src/sanitize.js';
import { json } from '../fixtures/backends/index.js';
import { loaded, part, parts, scripted, shadow } from '../helpers.js';
import { backends, changing, recordAnswers, setAt, stringLeaves, type Backend, type Path } from './backends.js';
import { assertInert, assertNothingRan, installRecorders, settle } from './harness.js';
import { payloads } from './payloads.js';

const recorded = installRecorders();
const signal = new AbortController().signal;
// Error answers are retried (GETs on 5xx): without the waits, the corpus runs in seconds.
httpDefaults.backoff = 0;

interface Leaf {
  key: string;
  path: Path;
}

async function attempt(backend: Backend, leaves: readonly Leaf[], value: string): Promise<Page | CommentThreadError> {
  const fetch = changing(backend.fetch(), (key, data) =>
    leaves.filter((l) => l.key === key).reduce((d, leaf) => setAt(d, leaf.path, value), data),
  );
  try {
    return await backend.make(fetch).list({ postId: backend.postId, order: 'oldest', signal });
  } catch (error) {
    expect(error, `${backend.name} threw something else`).to.be.instanceOf(CommentThreadError);
    return error as CommentThreadError;
  }
}

/**
 * Puts `value` in as many of `leaves` at once as the adapter accepts, halving on refusal; collects the
 * pages it made and the leaves refused one by one. A page that lost comments, or holds one the element
 * would leave out (it validates every comment it is given), counts as a refusal too: the payload must
 * reach the page, not make it shorter.
 */
async function inject(
  backend: Backend,
  leaves: readonly Leaf[],
  value: string,
  out: { pages: Page[]; refused: Leaf[]; expected: number },
): Promise<number> {
  if (!leaves.length) return 0;
  const result = await attempt(backend, leaves, value);
  if (
    !(result instanceof CommentThreadError) &&
    result.comments.length === out.expected &&
    result.comments.every((c) => CommentSchema.safeParse(c).success)
  ) {
    out.pages.push(result);
    return leaves.length;
  }
  if (leaves.length === 1) {
    out.refused.push(leaves[0]!);
    return 0;
  }
  const mid = leaves.length >> 1;
  return (await inject(backend, leaves.slice(0, mid), value, out)) + (await inject(backend, leaves.slice(mid), value, out));
}

/** The strings of the backend's answers whose change still gives a page (the others are validated away). */
async function readLeaves(backend: Backend): Promise<Leaf[]> {
  const answers = await recordAnswers(backend);
  const all = [...answers].flatMap(([key, data]) => stringLeaves(data).map((path) => ({ key, path })));
  const probes = ['<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'https://evil.example/"><script>alert(1)</script>'];
  const read: Leaf[] = [];
  for (const leaf of all) {
    for (const probe of probes) {
      if (!((await attempt(backend, [leaf], probe)) instanceof CommentThreadError)) {
        read.push(leaf);
        break;
      }
    }
  }
  return read;
}

async function render(comments: Comment[]): Promise<CommentThread> {
  const adapter = scripted({ list: async () => ({ comments }) });
  const el = await fixture<CommentThread>(html`<comment-thread loading="eager" post-id="1" .adapter=${adapter}></comment-thread>`);
  await loaded(el);
  await waitUntil(() => parts(el, 'comment').length === comments.length, `${comments.length} comments rendered`, { timeout: 30000 });
  await waitUntil(() => !shadow(el).querySelector('[part~="body"][aria-busy]'), 'bodies sanitized', { timeout: 10000 });
  await settle(shadow(el));
  return el;
}

const draft: Draft = { postId: '1', parentId: null, content: 'Hello', author: { name: 'Ann', email: 'ann@example.org' } };

/** Error answers carrying `value` in every place a backend puts its reason. */
const errorAnswers = (value: string): (() => Response)[] => [
  () => json({ code: value, message: value, data: { status: 400 }, errno: 1, errmsg: value, msg: value, error: { code: value, message: value } }, 400),
  () => json({ error: value, message: value, documentation_url: value }, 403),
  () => new Response(`<html><head><title>${value}</title></head><body><h1>${value}</h1><p>${value}</p></body></html>`, {
    status: 500,
    headers: { 'Content-Type': 'text/html' },
  }),
];

beforeEach(() => {
  recorded.calls.length = 0;
  recorded.violations.length = 0;
});
afterEach(() => {
  sanitizerOptions.forceFallback = false;
});

for (const backend of backends) {
  describe(`the corpus through ${backend.name}'s answers`, () => {
    let comments: Comment[] = [];
    let reads = 0;

    before(async function () {
      this.timeout(120000);
      const leaves = await readLeaves(backend);
      reads = leaves.length;
      comments = [];
      const shown = new Set<string>();
      const expected = ((await attempt(backend, [], '')) as Page).comments.length;
      let refused = new Set<Leaf>();
      for (const [i, { value }] of payloads.entries()) {
        const out = { pages: [] as Page[], refused: [] as Leaf[], expected };
        // The leaves refused for the previous payload (dates, ids) one by one, the others at once.
        let accepted = await inject(backend, leaves.filter((l) => !refused.has(l)), value, out);
        for (const leaf of refused) accepted += await inject(backend, [leaf], value, out);
        refused = new Set(out.refused);
        expect(accepted, `payload ${i} reached no field of ${backend.name}`).to.be.greaterThan(0);
        // Render each field value once: the fixtures' comments often carry the payload the same way.
        for (const c of out.pages.flatMap((page) => page.comments)) {
          const fields = [c.author.name, c.author.url, c.author.avatarUrl, c.body.format + c.body.value, c.permalink];
          const fresh = fields.filter((f, k) => f !== undefined && !shown.has(`${k}:${f}`));
          if (!fresh.length) continue;
          fields.forEach((f, k) => shown.add(`${k}:${f}`));
          comments.push({ ...c, id: `${i}-${comments.length}`, parentId: null });
        }
      }
    });

    it('reads strings from the answer and maps every payload to comments', () => {
      expect(reads, 'strings the adapter reads').to.be.greaterThan(2);
      expect(comments.length).to.be.at.least(payloads.length);
    });

    for (const path of ['native setHTML', 'DOMPurify fallback'] as const) {
      it(`renders what it made inert, and nothing runs (${path})`, async function () {
        this.timeout(120000);
        sanitizerOptions.forceFallback = path === 'DOMPurify fallback';
        const el = await render(comments);
        expect(assertInert(el)).to.be.greaterThan(comments.length * 4);
        assertNothingRan(recorded);
      });
    }

    it('turns every hostile error answer into a CommentThreadError shown as text', async function () {
      this.timeout(120000);
      const messages = new Set<string>();
      for (const { value } of payloads) {
        for (const answer of errorAnswers(value)) {
          const fetch: typeof globalThis.fetch = async () => answer();
          for (const call of [
            () => backend.make(fetch).list({ postId: backend.postId, order: 'oldest', signal }),
            ...(backend.make(fetch).submit ? [() => backend.make(fetch).submit!({ ...draft, postId: backend.postId }, { signal })] : []),
          ]) {
            const error = await call().then(
              () => undefined,
              (e: unknown) => e,
            );
            expect(error, `${backend.name} accepted an error answer`).to.be.instanceOf(CommentThreadError);
            // Readers see a server's own words only as its reason for refusing; those must stay text.
            const failure = error as CommentThreadError;
            messages.add(failure.serverMessage ?? failure.message);
          }
        }
      }
      const list = [...messages];
      let i = 0;
      const adapter = scripted({
        list: async () => {
          throw new CommentThreadError('rejected', 'refused', { serverMessage: list[i]! });
        },
      });
      const el = await fixture<CommentThread>(html`<comment-thread loading="eager" post-id="1" .adapter=${adapter}></comment-thread>`);
      for (i = 0; i < list.length; i++) {
        await el.reload();
        await el.updateComplete;
        expect(part(el, 'error-state')!.textContent).to.contain(readable(list[i]!));
        assertInert(el);
      }
      await settle(shadow(el));
      assertNothingRan(recorded);
    });
  });
}

