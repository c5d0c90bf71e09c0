/**
 * The one validation policy for every page, from any adapter, built-in or custom: a wrong page shape is
 * an error; a malformed comment, or a comment already held, is left out and counted, and the rest are
 * shown. Checked in time slices (a custom adapter may return anything, and thousands of comments).
 */
import * as z from 'zod/mini';
import { eachSliced } from '../tasks.js';
import { CommentThreadError } from './errors.js';
import { checkedPages, CommentSchema, notNegative, uncheckedArray, type Comment } from './schemas.js';

const Envelope = z.object({
  comments: uncheckedArray(),
  total: z.optional(notNegative()),
  cursor: z.optional(z.nullable(z.string())),
});

export interface CheckedPage {
  comments: Comment[];
  total: number | undefined;
  cursor: string | null;
  /** Malformed comments left out. */
  malformed: number;
  /** Comments whose id came twice in the page, shown once. */
  duplicates: number;
  /** Where the first malformed comments went wrong, for developers: "comments.2.author: Invalid input". */
  problems: string[];
}

/** At most this many problems are described; the count covers all. */
const PROBLEMS = 5;

/**
 * Checks `page` against the model. `held` are ids the thread already has: a later page that repeats one
 * (offset paging drifts when comments arrive meanwhile) is skipped without counting it as damage.
 */
export async function checkPage(page: unknown, held: ReadonlySet<string> = new Set()): Promise<CheckedPage> {
  const envelope = Envelope.safeParse(page);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw new CommentThreadError(
      'invalid-response',
      `The comment backend returned no page of comments (${[...(issue?.path ?? [])].join('.') || 'page'}: ${issue?.message ?? 'invalid'}).`,
      { reason: 'page-shape', cause: envelope.error },
    );
  }
  const { comments: items, total, cursor } = envelope.data;
  const trusted = checkedPages.has(page as never);
  const seen = new Set<string>();
  const out: CheckedPage = { comments: [], total, cursor: cursor ?? null, malformed: 0, duplicates: 0, problems: [] };
  await eachSliced(items, (item, index) => {
    let comment: Comment;
    if (trusted) comment = item as Comment;
    else {
      const result = CommentSchema.safeParse(item);
      if (!result.success) {
        out.malformed++;
        if (out.problems.length < PROBLEMS) {
          const issue = result.error.issues[0];
          out.problems.push(`comments.${[index, ...(issue?.path ?? [])].join('.')}: ${issue?.message ?? 'invalid'}`);
        }
        return;
      }
      comment = result.data;
    }
    if (seen.has(comment.id)) out.duplicates++;
    else if (!held.has(comment.id)) {
      seen.add(comment.id);
      out.comments.push(comment);
    }
  });
  return out;
}
