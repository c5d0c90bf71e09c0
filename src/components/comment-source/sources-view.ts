/**
 * What a merged thread shows under its comments, loaded only when the adapter has something to show
 * there: a polite note for each source that could not be loaded (with Retry), the likes and reposts row,
 * and where to answer on each read-only source. Reactions of any adapter are checked here, at the edge.
 */
import { html, nothing } from 'lit';
import * as z from 'zod/mini';
import type { CommentAdapter, Reactions } from '../../adapters/types.js';
import type { Words } from '../../i18n/words.js';
import { CommentThreadError } from '../../model/errors.js';
import { notNegative, oneOf } from '../../model/schemas.js';
import { reactionsRow } from '../comment-thread/templates/reactions.js';
import { serviceName } from '../comment-thread/templates/services.js';

export { adopt } from './sources.styles.js';

const ReactionsSchema = z.object({
  likes: notNegative(),
  reposts: notNegative(),
  people: z.array(
    z.object({
      name: z.string(),
      url: z.optional(z.string()),
      avatarUrl: z.optional(z.string()),
      kind: oneOf('like', 'repost'),
    }),
  ),
});

/** The adapter's reactions for `postId`, checked; a wrong shape is `invalid-response` like any page. */
export async function loadReactions(adapter: CommentAdapter, postId: string, signal: AbortSignal): Promise<Reactions> {
  const raw = await adapter.reactions!({ postId, signal });
  const result = ReactionsSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new CommentThreadError('invalid-response', `The likes and reposts are not in the expected shape: ${result.error.issues[0]?.message ?? 'invalid'}.`, {
    reason: 'reactions-shape',
  });
}

export interface Below {
  words: Words;
  failures: readonly (CommentThreadError & { source?: string })[];
  reactions: Reactions | undefined;
  links: readonly { url: string; service: string }[];
  /** Asks the failed sources again (only them); settles once their answer is in the thread. */
  onRetry: () => Promise<unknown>;
}

/**
 * Retry, then keep the keyboard's place: the note and its button go once the source answers, so focus
 * moves to the first comment that arrived from it (or stays on Retry when the source failed again). New
 * comments render in chunks after the page arrives (progressive-controller.ts): they are awaited, for
 * a few seconds at most, and only while focus is nowhere else.
 */
async function retry(event: Event, source: string | undefined, onRetry: () => Promise<unknown>) {
  const root = (event.currentTarget as Element).getRootNode() as ShadowRoot;
  const selector = `article[data-comment-id^="${CSS.escape(source ?? '')}:"]`;
  const held = new Set(root.querySelectorAll(selector));
  const arrived = () => [...root.querySelectorAll<HTMLElement>(selector)].find((a) => !held.has(a));
  await onRetry();
  await (root.host as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  if (root.activeElement || !source) return;
  const first =
    arrived() ??
    (await new Promise<HTMLElement | undefined>((resolve) => {
      const done = (found?: HTMLElement) => (observer.disconnect(), clearTimeout(timer), resolve(found));
      const observer = new MutationObserver(() => arrived() && done(arrived()));
      const timer = setTimeout(done, 5000);
      observer.observe(root, { childList: true, subtree: true });
    }));
  if (!root.activeElement) first?.focus();
}

/** "Reply on Bluesky"; for Webmention, "Reply from your own site" and one sentence on what that means. */
export function replyLink(words: Words, link: { url: string; service: string }, id: string) {
  if (link.service !== 'webmention') {
    return html`<a part="reply-link-anchor" href=${link.url} rel="noopener">${words.text('replyOn', { service: serviceName(link.service) })}</a>`;
  }
  return html`<a part="reply-link-anchor" href=${link.url} rel="noopener" aria-describedby=${id}>${words.text('replyFromSite')}</a>
    <span part="reply-link-hint" id=${id}>${words.text('webmentionHint')}</span>`;
}

export function below({ words, failures, reactions, links, onRetry }: Below) {
  return html`${failures.map(
    (failure) => html`<p part="notice source-notice">
      ${words.text('sourceFailed', { source: serviceName(failure.source ?? '') })}
      <button part="retry-button" type="button" @click=${(event: Event) => void retry(event, failure.source, onRetry)}>${words.text('retry')}</button>
    </p>`,
  )}${reactionsRow(words, reactions)}${links.length
    ? html`<ul part="reply-links">
        ${links.map((link, i) => html`<li part="reply-link">${replyLink(words, link, `reply-hint-${i}`)}</li>`)}
      </ul>`
    : nothing}`;
}
