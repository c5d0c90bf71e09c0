import type { Plugin } from 'vite';

export function minifySource(code: string): string;
export function minifyTemplates(): Plugin;
export function squeezeCss(text: string): string;
