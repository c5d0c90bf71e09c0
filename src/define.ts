/** Registers `<comment-thread>`. Import this module (or load dist/comment-thread.js) once per page. */
import { config } from 'zod/mini';
import { CommentThread } from './components/comment-thread/comment-thread.js';

// zod compiles object parsers with `new Function` when it may: under a strict Content-Security-Policy
// (no 'unsafe-eval') even its probe for that is reported as a violation. Parse without it.
config({ jitless: true });

CommentThread.define();

export { CommentThread };

declare global {
  interface HTMLElementTagNameMap {
    'comment-thread': CommentThread;
  }
}
