// Types for demo/designer.js, which the demo page loads as plain JavaScript and the tests import.
export interface ColorToken {
  name: string;
  label: string;
  light: string;
  dark: string;
}
export interface SizeToken {
  name: string;
  label: string;
  value: string;
  check: string;
}
export const COLORS: ColorToken[];
export const SIZES: SizeToken[];
export function cssFor(values: Record<string, string>, selector?: string): string;
export function mount(options: {
  form: HTMLFormElement;
  preview: HTMLElement;
  output: HTMLTextAreaElement;
  copy: HTMLButtonElement;
  status: HTMLElement;
}): { update(): void };
