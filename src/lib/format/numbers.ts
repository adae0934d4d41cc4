/** How the site writes figures: every rate with its denominator, so no percentage stands alone. */

/** "12 / 15 项（80.0%）"; "0 / 0 项" without a percentage when nothing was counted. */
export function rateText(part: number, whole: number, unit = '项'): string {
  const { count, share } = rateParts(part, whole, unit);
  return count + (share ?? '');
}

/** The two halves of `rateText`, for a figure card that sets the share beneath the count: "12 / 15 项" and "（80.0%）". */
export function rateParts(part: number, whole: number, unit = '项'): { count: string; share: string | undefined } {
  if (whole === 0) return { count: `0 / 0 ${unit}`, share: undefined };
  return { count: `${part} / ${whole} ${unit}`, share: `（${percent(part, whole)}）` };
}

/** "80.0%", one decimal, never rounding a partial rate up to 100%. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '—';
  const value = Math.floor((part / whole) * 1000) / 10;
  return `${value.toFixed(1)}%`;
}

/** 2026-09-30 → 2026年9月30日, for running text. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2026-10 → 2026年10月. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}
