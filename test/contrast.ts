// Contrast as WCAG 2.2 measures it (relative luminance), for tests that check the colours a reader sees.

export type RGBA = [number, number, number, number];

/** Any CSS colour, alpha included, as sRGB bytes: drawn on a 1×1 canvas and read back. */
export function parseColor(value: string): RGBA {
  const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = '#000';
  probe.fillStyle = value;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

/** `top` composited over `bottom`. */
export const over = (top: RGBA, bottom: RGBA): RGBA => {
  const a = top[3] + bottom[3] * (1 - top[3]);
  const mix = (i: number) => (a ? (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a : 0);
  return [mix(0), mix(1), mix(2), a];
};

function luminance([r, g, b]: RGBA): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two opaque colours, 1 to 21. */
export const contrast = (a: RGBA, b: RGBA) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
};
