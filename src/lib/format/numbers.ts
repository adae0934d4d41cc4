/** How the site writes figures: every rate with its denominator, so no percentage stands alone. */

/** "12 / 15 项（80.0%）"; "0 / 0 项" without a percentage when nothing was counted. */
export function rateText(part: number, whole: number, unit = '项'): string {
  if (whole === 0) return `0 / 0 ${unit}`;
  return `${part} / ${whole} ${unit}（${percent(part, whole)}）`;
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
