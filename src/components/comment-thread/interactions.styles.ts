import { css } from 'lit';

/**
 * Likes, editing, deleting and the Markdown preview: adopted by the shadow root when the interactions
 * module loads, so a thread that offers none of them carries none of this.
 */
export const interactionStyles = css`
  /* Its buttons look like Reply: their rule is in the element's styles, so none shows unstyled while this
     chunk loads. */
  /* A liked comment's button says so by more than colour: its name is bold, and its pressed state is announced. */
  [part~='like-button'][aria-pressed='true'] {
    font-weight: bold;
    text-decoration-thickness: 2px;
  }
  [part~='body']:has(+ [part~='edit-form']) {
    display: none;
  }
  [part~='confirm-delete'] {
    margin-block: 0.5rem 0;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='confirm-delete'] button {
    margin-inline-start: 1rem;
  }
  [part~='format-switch'] button[aria-pressed='true'] {
    font-weight: bold;
    text-decoration: none;
  }
  [part~='format-switch'] button + button {
    margin-inline-start: 1rem;
  }
  [part~='preview'] {
    padding: 0.5rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    min-block-size: 3rem;
  }
  [part~='format-hint'],
  [part~='deleted'] {
    color: var(--_muted);
    font-size: 0.9em;
  }
  [part~='deleted'] {
    font-style: italic;
  }
  @media print {
    [part~='confirm-delete'],
    [part~='format-switch'] {
      display: none;
    }
  }
`;
