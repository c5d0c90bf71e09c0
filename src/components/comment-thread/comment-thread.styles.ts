import { css } from 'lit';

/**
 * Public tokens (`--comment-thread-*`) are read once here into private ones (`--_*`) used below, so a
 * designer overrides one name and every use follows. Colours meet WCAG 2.2 AA (4.5:1) in both schemes;
 * `light-dark()` picks by the element's used `color-scheme`. `:host` sets none, so it inherits the page's
 * (CSS Color Adjust 1: a page that declares none is light; `light dark` follows the reader's preference),
 * and the thread matches the page it sits on; `theme="light"|"dark"` forces one.
 */
export const styles = css`
  :host {
    --_font: var(--comment-thread-font, inherit);
    --_font-size: var(--comment-thread-font-size, 1rem);
    --_color: var(--comment-thread-color, light-dark(#1d2327, #f0f0f1));
    --_background: var(--comment-thread-background, light-dark(transparent, #1d2327));
    --_muted: var(--comment-thread-muted, light-dark(#50575e, #c3c4c7));
    --_accent: var(--comment-thread-accent, light-dark(#2271b1, #72aee6));
    --_on-accent: var(--comment-thread-on-accent, light-dark(#ffffff, #101517));
    --_surface: var(--comment-thread-surface, light-dark(#ffffff, #2c3338));
    --_border: var(--comment-thread-border, light-dark(#8c8f94, #8c8f94));
    --_error: var(--comment-thread-error, light-dark(#b32d2e, #ff8085));
    --_highlight: var(--comment-thread-highlight, light-dark(#fcf9e8, #3c3a21));
    --_gap: var(--comment-thread-gap, 1.5rem);
    --_indent: var(--comment-thread-indent, 2.5rem);
    --_radius: var(--comment-thread-radius, 4px);
    --_avatar-size: var(--comment-thread-avatar-size, 2.5rem);
    --_focus: var(--comment-thread-focus-ring, 2px solid var(--_accent));

    display: block;
    font: inherit;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.6;
    color: var(--_color);
    background: var(--_background);
    overflow-wrap: anywhere;
  }
  /* A forced scheme may differ from the page's, so it brings its own background (dark has one already). */
  :host([theme='light']) {
    color-scheme: light;
    --_background: var(--comment-thread-background, #ffffff);
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  /* The default, by name (it can undo a theme set elsewhere): the scheme of the page around the element. */
  :host([theme='auto']) {
    color-scheme: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  /* Hidden stays hidden, whatever display a page gives a part (an empty actions row, a broken avatar). */
  [hidden] {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .sr-only,
  [part~='skip-link']:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  [part~='skip-link']:focus {
    display: inline-block;
    margin-block-end: 0.5rem;
  }
  [part~='heading'] {
    font-size: 1.4em;
    line-height: 1.3;
    margin-block: 0 var(--_gap);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='list'] > li + li {
    margin-block-start: var(--_gap);
  }
  /* Each level's indent is a share of the width its parent left (a percentage padding is of the
     containing block), so indents shrink with depth and with the element's width, not the viewport's:
     at 360px a reply five levels down keeps about three quarters of the width for its text. */
  [part~='replies'] {
    padding-inline-start: min(var(--_indent), 6%);
    margin-block-start: calc(var(--_gap) * 0.75);
    border-inline-start: 1px solid var(--_border);
  }
  [part~='replies'] > li + li {
    margin-block-start: calc(var(--_gap) * 0.75);
  }
  [part~='list'] > li,
  .long > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 12rem;
  }
  article {
    border-radius: var(--_radius);
    scroll-margin-block: 4rem;
  }
  article:focus {
    outline: var(--_focus);
  }
  [part~='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  [part~='avatar'] {
    flex: none;
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    border-radius: 50%;
    object-fit: cover;
  }
  /* Never wider than the room beside the avatar: a long name wraps on the avatar's line rather than
     moving to a line of its own (a flex line breaks by an item's full width). */
  [part~='author'] {
    font-weight: 600;
    max-inline-size: calc(100% - var(--_avatar-size) - 0.5rem);
  }
  [part~='badge'] {
    font-size: 0.8em;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    color: var(--_accent);
  }
  [part~='meta'],
  [part~='in-reply-to'] {
    color: var(--_muted);
    font-size: 0.9em;
  }
  [part~='permalink'] {
    color: inherit;
  }
  [part~='body'] > :first-child {
    margin-block-start: 0.25rem;
  }
  [part~='body'] > :last-child {
    margin-block-end: 0;
  }
  [part~='body'] blockquote {
    margin-inline: 0;
    padding-inline-start: 1em;
    border-inline-start: 3px solid var(--_border);
  }
  [part~='moderation'] {
    font-style: italic;
    color: var(--_muted);
    margin-block: 0.25rem 0;
  }
  [part~='actions'] {
    margin-block-start: 0.25rem;
  }
  [part~='actions'] button + button,
  [part~='actions'] :is(a, button) + :is(a, button) {
    margin-inline-start: 1rem;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
  }
  [part~='reply-button'],
  [part~='copy-link-button'],
  [part~='cancel-button'],
  [part~='like-button'],
  [part~='edit-button'],
  [part~='delete-button'],
  [part~='confirm-delete'] button,
  [part~='format-switch'] button,
  [part~='show-full-button'] {
    padding-block: 0.1rem;
    padding-inline: 0;
    background: none;
    border: 1px solid transparent;
    color: var(--_accent);
    text-decoration: underline;
  }
  [part~='submit-button'],
  [part~='retry-button'],
  [part~='load-more'] {
    padding: 0.5rem 1.1rem;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  [part~='load-more'] {
    margin-block-start: var(--_gap);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.75;
  }
  [part~='form'] {
    margin-block-start: var(--_gap);
  }
  [part~='reply-form'] {
    margin-block: 1rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='form-title'] {
    font-size: 1.2em;
    margin-block: 0 0.5rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
  }
  [part~='field'] {
    margin-block: 0 0.75rem;
    display: grid;
    gap: 0.25rem;
  }
  [part~='input'],
  [part~='textarea'] {
    font: inherit;
    color: var(--_color);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.45rem 0.6rem;
    inline-size: 100%;
    max-inline-size: 40rem;
  }
  [part~='textarea'] {
    min-block-size: 8rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  [part~='field-error'],
  [part~='error'] {
    color: var(--_error);
  }
  [part~='error'] {
    margin-block: 0 0.75rem;
  }
  [part~='consent'] {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    margin-block: 0 0.75rem;
  }
  [part~='consent'] input {
    margin-block-start: 0.35em;
  }
  [part~='notice'] {
    color: var(--_muted);
    font-size: 0.95em;
    margin-block: 0 0.75rem;
  }
  .hp {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  [part~='skeleton'] {
    display: grid;
    gap: var(--_gap);
  }
  [part~='skeleton'] div {
    block-size: 4.5rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_muted) 15%, transparent);
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~='skeleton'] div {
      animation: pulse 1.6s ease-in-out infinite;
    }
    article.new {
      animation: arrive 2.5s ease-out;
    }
  }
  /* The comment a link named (see permalink-controller.ts): marked for as long as the address names it. */
  article[data-linked] {
    background: var(--_highlight);
    box-shadow: 0 0 0 0.35rem var(--_highlight);
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @keyframes arrive {
    from {
      background: var(--_highlight);
    }
  }
  @media (forced-colors: active) {
    [part~='badge'],
    [part~='submit-button'],
    [part~='retry-button'],
    [part~='load-more'],
    [part~='reply-button'] {
      border: 1px solid ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }

  /* Body content bounds (see docs/security.md): whatever a backend sends stays inside the comment's box
     and reachable. Wide tables and code scroll inside the body; an image never reserves more than a
     bounded box, whatever its width and height attributes say. */
  [part~='body'] :is(table, pre) {
    display: block;
    max-inline-size: 100%;
    overflow-x: auto;
  }
  [part~='body'] img {
    max-inline-size: 100%;
    max-block-size: 30rem;
    block-size: auto;
    object-fit: contain;
  }
  /* End of body content bounds. */

  /* Paper (docs/styling.md, "Printing"): every comment laid out, since content-visibility skips what is
     off screen and a printout has no screen to scroll; dark ink on white whatever the scheme, as browsers
     print no backgrounds by default; nothing that only works on screen (placeholders, buttons, forms). */
  @media print {
    :host,
    :host([theme]) {
      color-scheme: light;
    }
    [part~='list'] > li,
    .long > li {
      content-visibility: visible;
      contain-intrinsic-size: none;
    }
    article {
      break-inside: avoid;
      animation: none;
    }
    [part~='skeleton'],
    [part~='skip-link'],
    [part~='actions'],
    [part~='form'] {
      display: none;
    }
  }
`;
