/**
 * `<comment-source>` children, read as plain markup: a `<comment-thread>` holding them shows one thread
 * from its own backend and each of them (adapters/sources.ts). No element is registered for the tag:
 * it holds no content and shows nothing, so the page stays valid HTML without it.
 *   <comment-thread backend="wordpress" endpoint="https://example.org" post-id="42">
 *     <comment-source backend="mastodon" post-id="https://mastodon.social/@me/113…"></comment-source>
 *     <comment-source backend="bluesky" account="me.bsky.social"></comment-source>
 *     <comment-source backend="webmention"></comment-source>
 *   </comment-thread>
 * Attributes: `backend` (any registered name), `post-id` (the post on that service; the page's URL
 * when absent), `endpoint`, `account` (Mastodon and Bluesky: find the post linking to the page), `url`
 * (the page, when not its canonical URL), `data-*` (the backend's settings, as on the thread).
 * Loaded only by a thread that has such children: a page without them downloads none of this.
 */
import { backendLoader } from '../../adapters/registry.js';
import { sources, type Source, type SourcesAdapter } from '../../adapters/sources.js';
import type { BackendOptions, CommentAdapter } from '../../adapters/types.js';
import { CommentThreadError } from '../../model/errors.js';
import { adopt } from './sources.styles.js';

/** The page's own address: its canonical link, else its URL without the fragment. */
export function pageUrl(document: Document): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"][href]')?.href;
  return canonical || document.location.href.replace(/#.*$/, '');
}

/** A source that could not be made still has its place: its list fails, and the thread names it. */
const broken = (error: CommentThreadError): CommentAdapter => ({
  capabilities: { post: false, reply: false, fields: { email: 'hidden', url: false } },
  list: () => Promise.reject(error),
});

async function sourceOf(element: Element, base: BackendOptions, page: string): Promise<Source> {
  const name = element.getAttribute('backend') ?? '';
  const postId = element.getAttribute('post-id') || undefined;
  const endpoint = element.getAttribute('endpoint') || undefined;
  const url = element.getAttribute('url') || page;
  if (name === 'mastodon' || name === 'bluesky') {
    const account = element.getAttribute('account') || undefined;
    const options = { pageUrl: url, ...(postId ? { postId } : {}), ...(account ? { account } : {}), ...(endpoint ? { endpoint } : {}) };
    // One chunk per service: a page naming only Mastodon downloads no Bluesky code.
    return name === 'mastodon'
      ? (await import('../../adapters/mastodon-source.js')).mastodonSource(options)
      : (await import('../../adapters/bluesky-source.js')).blueskySource(options);
  }
  const loader = backendLoader(name);
  if (!loader) {
    return { name: name || 'source', adapter: broken(new CommentThreadError('invalid-response', `No backend named "${name}" is registered.`, { reason: 'unknown-backend' })) };
  }
  const factory = await loader();
  const settings = { ...(element as HTMLElement).dataset } as Record<string, string>;
  const adapter = factory({ ...base, postId: postId ?? url, settings, ...(endpoint ? { endpoint } : { endpoint: undefined }) });
  return { name, adapter, postId: postId ?? url };
}

/** The thread's own adapter and the sources its `<comment-source>` children name, as one adapter. */
export async function compose(host: HTMLElement, own: CommentAdapter, base: BackendOptions): Promise<SourcesAdapter> {
  // Badges render with the first page: their styles are in place before it.
  adopt(host);
  const page = pageUrl(host.ownerDocument);
  const children = [...host.querySelectorAll(':scope > comment-source')];
  const others = await Promise.all(children.map((child) => sourceOf(child, base, page)));
  return sources([{ adapter: own, name: host.getAttribute('backend') || 'site' }, ...others]);
}
