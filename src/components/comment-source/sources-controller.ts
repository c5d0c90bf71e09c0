/**
 * What lies under a thread besides its comments: the likes and reposts of the post, sources that could
 * not be loaded, and where to answer on each read-only source. Kept small because every page loads it:
 * the templates and the reactions request load (sources-view.ts) only for an adapter that has any of it.
 */
import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CommentAdapter, Reactions } from '../../adapters/types.js';
import type { Words } from '../../i18n/words.js';
import { CommentThreadError } from '../../model/errors.js';

interface Merged {
  failures?: readonly CommentThreadError[];
  links?: readonly { url: string; service: string }[];
  retryCursor?: string | null;
}

export class SourcesController implements ReactiveController {
  private view?: typeof import('./sources-view.js');
  private adapter?: CommentAdapter & Merged;
  private reactions?: Reactions;
  private controller?: AbortController;
  /** Failures already reported as `comment-error`: each is reported once. */
  private readonly told = new WeakSet<object>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.controller?.abort();
  }

  /**
   * A first page arrived from `adapter`: returns the sources that failed, for the element to report, and
   * fetches the reactions after the comments; `report` hears a reactions failure.
   */
  loaded(adapter: CommentAdapter | undefined, postId: string, report: (error: CommentThreadError) => void): readonly CommentThreadError[] {
    this.controller?.abort();
    this.reactions = undefined;
    this.adapter = adapter;
    const merged = adapter as Merged | undefined;
    if (!adapter || !(adapter.reactions || merged?.failures || merged?.links?.length)) return [];
    const controller = (this.controller = new AbortController());
    void import('./sources-view.js').then(async (view) => {
      this.view = view;
      view.adopt(this.host as unknown as Element);
      this.host.requestUpdate();
      if (!adapter.reactions || controller.signal.aborted) return;
      try {
        const reactions = await view.loadReactions(adapter, postId, controller.signal);
        if (controller.signal.aborted) return;
        this.reactions = reactions;
        this.host.requestUpdate();
      } catch (error) {
        const failure = CommentThreadError.from(error);
        if (failure.code !== 'aborted' && !controller.signal.aborted) report(failure);
      }
    });
    return this.fresh();
  }

  /** Sources that failed and were not reported yet: on a later page, or again when retried. */
  fresh(): readonly CommentThreadError[] {
    return (this.adapter?.failures ?? []).filter((f) => !this.told.has(f) && !!this.told.add(f));
  }

  /** Notes, the reactions row and the reply links, once their module is loaded; `retry` loads the retry cursor's page. */
  render(words: Words, retry: (cursor?: string) => Promise<unknown>) {
    const adapter = this.adapter;
    if (!this.view || !adapter) return nothing;
    const onRetry = () => retry(adapter.retryCursor ?? undefined);
    return this.view.below({ words, failures: adapter.failures ?? [], reactions: this.reactions, links: adapter.links ?? [], onRetry });
  }
}
