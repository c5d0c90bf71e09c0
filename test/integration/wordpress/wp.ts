// Shared by the WordPress integration tests, which run only through `npm run test:wordpress`: the site's
// addresses and seed ids (/__wordpress-env.js), WordPress's switches, and the element on a WordPress.
import { fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { fill, loaded, part, submit } from '../../helpers.js';

export interface Seed {
  post: number;
  emptyPost: number;
  closedPost: number;
  postingPost: number;
  slug: string;
  comments: Record<string, number>;
  extra: { count: number; first: number; last: number };
  approved: number;
}

export const env = (await import('/__wordpress-env.js' as string)).default as {
  /** This page's origin, where WordPress lives (WP_HOME). */
  site: string;
  /** WordPress's own PHP server: another origin. */
  direct: string;
  seed: Seed;
};
export const seed = env.seed;

export interface Switches {
  WP_MODERATION?: 'wordpress' | 'approve' | 'hold';
  WP_ANONYMOUS?: 0 | 1;
  WP_FLOOD_SECONDS?: number;
  WP_PERMALINKS?: 'pretty' | 'plain';
}

/** Flips WordPress's switches (options read on every request) and waits until they are in force. */
export const settings = (switches: Switches) => executeServerCommand('wp-settings', switches);

/** A `<comment-thread>` on WordPress, loaded; eager and without the anti-bot fill time. */
export async function thread(attrs: { postId: string | number; endpoint?: string; nonce?: string }): Promise<CommentThread> {
  const el = await fixture<CommentThread>(html`<comment-thread
    backend="wordpress"
    endpoint=${attrs.endpoint ?? env.site}
    post-id=${String(attrs.postId)}
    wp-nonce=${attrs.nonce ?? ''}
    loading="eager"
    min-fill-time="0"
    lang="en"
  ></comment-thread>`);
  await loaded(el);
  return el;
}

/** Text unique to one run, so WordPress never sees a duplicate by accident. */
export const unique = (text: string) => `${text} (${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)})`;

/** Posts through a form as a reader would; resolves to the outcome event. */
export async function post(
  el: CommentThread,
  form: HTMLFormElement,
  values: { content: string; name?: string; email?: string; url?: string },
) {
  fill(form, values);
  const outcome = Promise.race([oneEvent(el, 'comment-submitted'), oneEvent(el, 'comment-error')]);
  submit(form);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Neither event: say what the form shows instead of waiting for the test's time limit.
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const shown = [...form.querySelectorAll('[part~="error"], [part~="field-error"]')].map((e) => e.textContent?.trim());
      reject(new Error(`no outcome after 10 s; the form shows: ${JSON.stringify(shown)}`));
    }, 10000);
  });
  try {
    return await Promise.race([outcome, stuck]);
  } finally {
    clearTimeout(timer);
  }
}

/** The top-level form. */
export const topForm = (el: CommentThread) => part<HTMLFormElement>(el, 'form')!;

/** A new person each time: WordPress holds a first-time commenter's comment under its default rule. */
export const stranger = () => {
  const id = Math.random().toString(36).slice(2, 8);
  return { name: `Visitor ${id}`, email: `visitor-${id}@example.com` };
};

/** christopher sims has approved comments: WordPress approves his new ones under its default rule. */
export const returning = { name: 'christopher sims', email: 'christopher.sims@example.com' };

/** Signs in through WordPress's own login form (wp-login.php) in a frame, as a visitor would: the cookies are this page's too. */
export async function logIn(user: string, password: string): Promise<void> {
  const frame = document.createElement('iframe');
  frame.src = '/wp-login.php';
  let loaded = oneEvent(frame, 'load');
  document.body.append(frame);
  try {
    await loaded;
    const doc = frame.contentDocument!;
    doc.querySelector<HTMLInputElement>('#user_login')!.value = user;
    doc.querySelector<HTMLInputElement>('#user_pass')!.value = password;
    loaded = oneEvent(frame, 'load');
    doc.querySelector<HTMLFormElement>('#loginform')!.requestSubmit();
    await loaded;
    // WordPress redirects to the dashboard once the password is right; a wrong one shows the form again.
    if (!frame.contentWindow!.location.pathname.startsWith('/wp-admin/')) {
      throw new Error(`not signed in as ${user}: ${frame.contentDocument!.querySelector('#login_error')?.textContent?.trim() ?? 'still on the login page'}`);
    }
  } finally {
    frame.remove();
  }
}

/** A page of the site in a frame (the plugin's post pages), loaded; removed by `close()`. */
export async function openPage(url: string, size = 'width: 900px; height: 1200px') {
  const frame = document.createElement('iframe');
  frame.style.cssText = size;
  frame.src = url;
  const ready = oneEvent(frame, 'load');
  document.body.append(frame);
  await ready;
  const win = frame.contentWindow! as Window & typeof globalThis;
  return {
    frame,
    win,
    el: () => frame.contentDocument!.querySelector<CommentThread>('comment-thread')!,
    close: () => frame.remove(),
  };
}

/** The comment as WordPress stored it: 'approved', 'unapproved' (held), 'spam' or 'trash', and its user. */
export const stored = (id: string | number) =>
  executeServerCommand('wp-comment', { id: Number(id) }) as Promise<{ status: string; user: number; content: string } | null>;
