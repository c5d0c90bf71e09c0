/** Every failure an adapter reports, whatever the backend: one type, with a stable `code`. */
export type CommentThreadErrorCode =
  /** The request never got an answer: offline, DNS, CORS refusal, connection dropped. */
  | 'network'
  /** No answer within the adapter's time limit. */
  | 'timeout'
  /** The backend answered with an HTTP error status and no more specific reason. */
  | 'http'
  /** The backend answered something that is not what its API promises (HTML, wrong shape). */
  | 'invalid-response'
  /** The backend understood and refused: duplicate, flood, closed, login required, spam … */
  | 'rejected'
  /** The request was cancelled (the element was removed, or `post-id` changed). */
  | 'aborted';

export interface CommentThreadErrorInit {
  /** HTTP status, when there was an answer. */
  status?: number;
  /** The backend's own reason, normalized where the adapter knows it: `duplicate`, `flood`, `closed`,
   * `login-required`, `author-required`, `content-invalid`, `invalid-post`, `captcha`, `rate-limited`,
   * `spam` … or the backend's code as given. */
  reason?: string;
  /** The URL that failed, for `invalid-response` and HTTP errors. */
  url?: string;
  /** Seconds the backend asked to wait (`Retry-After`), if it did. */
  retryAfter?: number;
  /**
   * The server's own words to the visitor, where it gave a reason for refusing (WordPress's "Duplicate
   * comment detected; it looks as though you've already said that!"). The element shows it after its own
   * sentence for the `reason`; `message` is for developers and is never shown to readers.
   */
  serverMessage?: string;
  cause?: unknown;
}

/**
 * The error adapters throw. `code` and `reason` say what happened; the element turns them into words in
 * the reader's language. `message` is English for developers (the console, `comment-error`'s detail);
 * `serverMessage`, when present, is the server's own text for the visitor.
 */
export class CommentThreadError extends Error {
  override readonly name = 'CommentThreadError';
  readonly code: CommentThreadErrorCode;
  readonly status?: number;
  readonly reason?: string;
  readonly url?: string;
  readonly retryAfter?: number;
  readonly serverMessage?: string;

  constructor(code: CommentThreadErrorCode, message: string, init: CommentThreadErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    if (init.status !== undefined) this.status = init.status;
    if (init.reason !== undefined) this.reason = init.reason;
    if (init.url !== undefined) this.url = init.url;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
    if (init.serverMessage) this.serverMessage = init.serverMessage;
  }

  /** Any thrown value as a CommentThreadError (abort errors become `aborted`). */
  static from(error: unknown): CommentThreadError {
    if (error instanceof CommentThreadError) return error;
    if (isAbort(error)) return new CommentThreadError('aborted', 'The request was cancelled.', { cause: error });
    const message = error instanceof Error && error.message ? error.message : String(error);
    return new CommentThreadError('network', message, { cause: error });
  }
}

export const isAbort = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
