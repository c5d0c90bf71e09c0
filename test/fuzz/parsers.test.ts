/**
 * Property-based tests of every adapter's parser: answers made of random JSON, and recorded answers
 * mutated (strings, numbers, nulls and objects swapped in anywhere, keys dropped, arrays cut, the text
 * truncated or replaced by an HTML page), with random statuses. Whatever arrives, `list()` (and `submit()`
 * where the backend posts) either gives what the element can render (a valid Page or Comment) or rejects
 * with a CommentThreadError: never another throw, never a hang.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CommentThreadError } from '../../src/model/errors.js';
import { httpDefaults } from '../../src/adapters/http.js';
import * as z from 'zod/mini';
import { checkedPages, CommentSchema, type Draft, type Page } from '../../src/model/schemas.js';
import { backends, changing, Raw, recordAnswers, setAt, stringLeaves, type Backend, type Fetch, type Path } from '../security/backends.js';

/** Runs per property; ×3 properties × 9 backends (+ submit for those that post) ≥ 10,000 cases. */
export const RUNS = 400;
// A hang guard: a real hang never answers, and a busy machine may take seconds over a large answer.
const DEADLINE = 10_000;
// One seed, so a run in CI is reproducible; change it (or drop it) to explore further.
fc.configureGlobal({ seed: 0x5eed_2026 });
// Failing answers are retried: no waiting between attempts, no honouring Retry-After.
httpDefaults.backoff = 0;
httpDefaults.maxRetryAfter = 0;

const signal = new AbortController().signal;
let cases = 0;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function settle(promise: Promise<unknown>): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DEADLINE} ms (a hang)`)), DEADLINE);
  });
  try {
    return { ok: true, value: await Promise.race([promise, hang]) };
  } catch (error) {
    if (error instanceof Error && error.message.includes('(a hang)')) throw error;
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

/** The property: a valid result or a CommentThreadError. */
function check(outcome: Outcome, kind: 'page' | 'comment') {
  cases++;
  if (!outcome.ok) {
    if (!(outcome.error instanceof CommentThreadError)) {
      throw new Error(`threw ${String(outcome.error)} (${(outcome.error as Error)?.stack?.split('\n')[1] ?? ''})`);
    }
    return;
  }
  if (kind === 'comment') {
    const parsed = CommentSchema.safeParse(outcome.value);
    if (!parsed.success) throw new Error(`returned an invalid comment: ${JSON.stringify(parsed.error.issues[0])}`);
    return;
  }
  // A page: the shape the element's one validation policy accepts (it drops malformed comments itself),
  // and every comment valid where the adapter marked the page as already checked.
  const envelope = PageShape.safeParse(outcome.value);
  if (!envelope.success) throw new Error(`returned an invalid page: ${JSON.stringify(envelope.error.issues[0])}`);
  if (checkedPages.has(outcome.value as Page)) {
    for (const comment of (outcome.value as Page).comments) {
      const parsed = CommentSchema.safeParse(comment);
      if (!parsed.success) throw new Error(`marked a page checked with an invalid comment: ${JSON.stringify(parsed.error.issues[0])}`);
    }
  }
}

const PageShape = z.object({
  comments: z.array(z.unknown()),
  total: z.optional(z.number()),
  cursor: z.optional(z.nullable(z.string())),
});

const statuses = fc.constantFrom(200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 409, 429, 500, 502, 503);

/** A random JSON answer (or a raw body) with a random status, for every request. */
const randomAnswer = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 4 }), statuses).map(([data, status]) => new Raw(JSON.stringify(data) ?? 'null', status)) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 60 }), statuses).map(([text, status]) => new Raw(text, status, 'text/html')) },
);

/** A mutation of a recorded answer: a value swapped in at a path, a key removed, an array cut, or the text broken. */
type Mutation =
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'drop'; pick: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'status'; status: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('', ' ', '0', 'NaN', 'null', '-1', '1e999', '2013-13-45T99:99:99', 'javascript:alert(1)', '<p>', '\u0000', '\ud800')) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('status' as const), status: statuses }) },
);

/** Every path in a JSON value (not only strings): where a mutation may land. */
function paths(value: unknown, path: Path = []): Path[] {
  const here = path.length ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...path, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...path, k]))];
  return here;
}

function dropAt(value: unknown, path: Path): unknown {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  let parent: unknown = value;
  for (const k of parentPath) parent = (parent as Record<string | number, unknown>)[k];
  if (Array.isArray(parent)) return setAt(value, parentPath, parent.filter((_, i) => i !== key));
  const { [key]: _dropped, ...rest } = parent as Record<string | number, unknown>;
  return setAt(value, parentPath, rest);
}

function mutate(data: unknown, m: Mutation): unknown {
  if (m.kind === 'status') return new Raw(JSON.stringify(data), m.status);
  if (m.kind === 'truncate') {
    const text = JSON.stringify(data);
    return new Raw(text.slice(0, m.at % Math.max(1, text.length)));
  }
  const all = paths(data);
  if (!all.length) return m.kind === 'set' ? m.value : data;
  const path = all[m.pick % all.length]!;
  return m.kind === 'set' ? setAt(data, path, m.value) : dropAt(data, path);
}

const draftFor = (backend: Backend): Draft => ({
  postId: backend.postId,
  parentId: null,
  content: 'A comment',
  author: { name: 'Ann', email: 'ann@example.org', url: 'https://ann.example' },
});

after(() => {
  // The total docs/security.md quotes: at least 10,000.
  console.log(`fuzz: ${cases} cases`);
  expect(cases).to.be.at.least(10_000);
});

for (const backend of backends) {
  describe(`${backend.name}'s parser`, () => {
    let keys: string[] = [];
    before(async () => {
      keys = [...(await recordAnswers(backend)).keys()];
      expect(keys.length, 'answers recorded').to.be.greaterThan(0);
    });

    it('random answers to every request: a valid Page or a CommentThreadError', async function () {
      this.timeout(60000);
      await fc.assert(
        fc.asyncProperty(fc.array(randomAnswer, { minLength: 1, maxLength: 4 }), async (answers) => {
          let n = 0;
          const fetch: Fetch = async () => {
            const answer = answers[n++ % answers.length]!;
            return new Response(answer.text, { status: answer.status ?? 200, headers: { 'Content-Type': answer.type } });
          };
          check(await settle(backend.make(fetch).list({ postId: backend.postId, order: 'oldest', signal })), 'page');
        }),
        { numRuns: RUNS, includeErrorInReport: true },
      );
    });

    it('mutated recorded answers: a valid Page or a CommentThreadError', async function () {
      this.timeout(60000);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...keys), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (key, mutations) => {
          const fetch = changing(backend.fetch(), (k, data) => (k === key ? mutations.reduce<unknown>((d, m) => (d instanceof Raw ? d : mutate(d, m)), data) : data));
          check(await settle(backend.make(fetch).list({ postId: backend.postId, order: 'oldest', signal })), 'page');
        }),
        { numRuns: RUNS, includeErrorInReport: true },
      );
    });

    it('strings of recorded answers replaced at random: a valid Page or a CommentThreadError', async function () {
      this.timeout(60000);
      const answers = await recordAnswers(backend);
      const leaves = [...answers].flatMap(([key, data]) => stringLeaves(data).map((path) => ({ key, path })));
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 40, unit: 'binary' })), { minLength: 1, maxLength: 6 }), async (edits) => {
          const fetch = changing(backend.fetch(), (key, data) =>
            edits.reduce((d, [pick, value]) => {
              const leaf = leaves[pick % leaves.length]!;
              return leaf.key === key ? setAt(d, leaf.path, value) : d;
            }, data),
          );
          check(await settle(backend.make(fetch).list({ postId: backend.postId, order: 'oldest', signal })), 'page');
        }),
        { numRuns: RUNS, includeErrorInReport: true },
      );
    });

    if (backend.make(backend.fetch()).submit) {
      it('random and mutated answers to a submit: a valid Comment or a CommentThreadError', async function () {
        this.timeout(60000);
        await fc.assert(
          fc.asyncProperty(fc.oneof(randomAnswer.map((a) => ({ a, m: [] as Mutation[] })), fc.array(mutation, { minLength: 1, maxLength: 3 }).map((m) => ({ a: undefined, m }))), async ({ a, m }) => {
            const base = backend.fetch();
            const fetch: Fetch = a
              ? async (input, init) => ((init?.method ?? 'GET') === 'GET' ? base(input, init) : new Response(a.text, { status: a.status ?? 200, headers: { 'Content-Type': a.type } }))
              : changing(base, (key, data) => (key.startsWith('POST') ? m.reduce<unknown>((d, x) => (d instanceof Raw ? d : mutate(d, x)), data) : data));
            const adapter = backend.make(fetch);
            check(await settle(adapter.submit!(draftFor(backend), { signal })), 'comment');
          }),
          { numRuns: RUNS, includeErrorInReport: true },
        );
      });
    }
  });
}
