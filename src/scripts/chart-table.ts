/**
 * <chart-table>: draws a Chart.js chart in the frame above the table inside it (ChartTable.astro).
 * This module is small; the chart code (chart-draw.ts, with Chart.js) is fetched only when a chart's
 * frame comes near the screen, and never before the page has loaded and the browser is idle, so the
 * first screen costs nothing. The frame already has its size, so drawing moves nothing.
 */
const drawingCode = () => import('./chart-draw');

function afterLoadAndIdle(then: () => void): void {
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(then, { timeout: 2000 }) : setTimeout(then, 200));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

const nearScreen = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      nearScreen.unobserve(entry.target);
      const chart = entry.target.closest('chart-table');
      if (chart instanceof HTMLElement) void drawingCode().then(({ drawChart }) => drawChart(chart));
    }
  },
  { rootMargin: '100px 0px' },
);

class ChartTable extends HTMLElement {
  connectedCallback(): void {
    const frame = this.querySelector('.chart-frame');
    if (frame) afterLoadAndIdle(() => nearScreen.observe(frame));
  }
}
customElements.define('chart-table', ChartTable);
