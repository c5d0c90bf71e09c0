/**
 * The seam to the interactions module (likes, edit, delete, preview, notifications), which loads only
 * when a backend allows one of them: a WordPress thread's first load carries none of it. Until then,
 * templates read this inert view.
 */
import { nothing } from 'lit';
import type { Capabilities } from '../../model/capabilities.js';
import type { OwnView } from './templates/view.js';

export const noInteractions: OwnView = {
  comment: (c) => c,
  removed: () => false,
  liked: () => false,
  version: () => 0,
  editing: undefined,
  confirming: null,
  preview: () => undefined,
  panel: () => nothing,
  formatTools: () => nothing,
  hintId: () => undefined,
  onPreview: () => undefined,
  onEditInput: () => undefined,
  onEditSubmit: () => undefined,
  onEditCancel: () => undefined,
  onDelete: () => undefined,
  onKeep: () => undefined,
};

/** Whether a backend with `capabilities` needs the interactions module. */
export const needsInteractions = (c: Capabilities): boolean =>
  Boolean(c.likes || c.edit || c.delete || c.bodyFormat === 'markdown' || c.bodyFormat === 'html');

export const loadInteractions = () => import('./interactions-controller.js');
