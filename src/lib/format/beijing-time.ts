/**
 * Instants as a reader in China reads them, in Beijing time whatever the server's zone. Each formatter
 * is made once: making an Intl.DateTimeFormat costs more than a whole receipt page's other work (it was
 * 9 % of the form's intake CPU when the receipt made one per request).
 */
const longDateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' });
const shortDateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** 2026年11月30日 09:05, for a receipt. */
export function beijingLongDateTime(instant: string): string {
  return longDateTime.format(new Date(instant));
}

/** 2026/11/30 09:05, for a timeline's rows. */
export function beijingShortDateTime(instant: string): string {
  return shortDateTime.format(new Date(instant));
}
