/**
 * Comment counts of many WordPress posts in few requests. The REST API has no count on a post (the posts
 * schema leaves `comment_count` out) and no batched reads (batch/v1 takes writes only), so counts come
 * from the comments collection itself, which can hold the comments of many posts at once:
 * `post=1,2,…&orderby=post&_fields=post&per_page=100` gives the post of up to 100 comments (a dozen bytes
 * each) and `X-WP-Total`, the count of them all.
 * 1. Ascending by post: when all the comments fit, that is every count, in one request. Otherwise every
 *    post before the last one seen is counted.
 * 2. The same, descending: every post after the last one seen there is counted too. One post left in
 *    between is the total less the others: 20 posts take 2 requests however many comments one of them has.
 * 3. Each further post left between them takes one request of one comment (its own `X-WP-Total`), but for
 *    the last, which is again the total less the others.
 * Counts are what the thread shows: approved comments (not pingbacks or trackbacks) on readable posts.
 */
import * as z from 'zod/mini';
import { CommentThreadError } from '../model/errors.js';
import { parse } from './http.js';

/** A GET of the comments collection with these parameters. */
export type CommentsQuery = (params: Record<string, string>) => Promise<{ data: unknown; response: Response; url: string }>;

const PER_PAGE = 100;
const Posts = z.array(z.object({ post: z.number() }));

async function page(get: CommentsQuery, posts: readonly number[], params: Record<string, string>) {
  const { data, response, url } = await get({ post: posts.join(','), _fields: 'post', ...params });
  const rows = parse(Posts, data, url).map((row) => row.post);
  const header = response.headers.get('X-WP-Total');
  const total = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : rows.length < Number(params.per_page) ? rows.length : NaN;
  if (Number.isNaN(total)) {
    throw new CommentThreadError('invalid-response', `${url} sent no X-WP-Total header: a proxy may drop it.`, { url });
  }
  return { rows, total };
}

/** Comments on each of `posts` (WordPress post numbers), as few requests as the counts allow. */
export async function countComments(get: CommentsQuery, posts: readonly number[]): Promise<Map<number, number>> {
  const ids = [...new Set(posts)].sort((a, b) => a - b);
  const counts = new Map<number, number>();
  if (!ids.length) return counts;
  const tally = (rows: number[], counted: (post: number) => boolean) => {
    for (const post of ids) if (counted(post)) counts.set(post, rows.filter((row) => row === post).length);
  };
  const sorted = (order: 'asc' | 'desc') => page(get, ids, { per_page: String(PER_PAGE), orderby: 'post', order });

  const first = await sorted('asc');
  const total = first.total;
  if (first.rows.length >= total) {
    tally(first.rows, () => true);
    return counts;
  }
  const low = first.rows[first.rows.length - 1];
  tally(first.rows, (post) => post < low);
  const last = await sorted('desc');
  const high = last.rows[last.rows.length - 1];
  tally(last.rows, (post) => post > high);

  const left = ids.filter((post) => !counts.has(post));
  if (!left.length) return counts;
  await Promise.all(
    left.slice(1).map(async (post) => {
      counts.set(post, (await page(get, [post], { per_page: '1' })).total);
    }),
  );
  let known = 0;
  for (const count of counts.values()) known += count;
  counts.set(left[0], Math.max(0, total - known));
  return counts;
}
