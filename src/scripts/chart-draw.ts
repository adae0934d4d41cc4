/**
 * Draws one <chart-table>'s chart from its table, into the frame ChartTable.astro reserved for it.
 * Only the Chart.js parts a bar chart needs are registered (no line, pie or time scale code is shipped);
 * the legend shows only where there are several series. The canvas is an image for assistive technology, labelled to point at the table that follows.
 * Its lettering follows the page's text size, so 长辈模式 enlarges the chart's labels too; the value
 * axis leaves headroom above the tallest bar.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export function drawChart(element: HTMLElement): void {
  const table = element.querySelector('table');
  const frame = element.querySelector<HTMLElement>('.chart-frame');
  if (!table || !frame || frame.querySelector('canvas')) return;
  const series = [...table.tHead!.rows[0]!.cells].slice(1).map((c) => c.textContent ?? '');
  const rows = [...table.tBodies[0]!.rows];
  const labels = rows.map((r) => r.cells[0]!.textContent ?? '');
  const colours = (element.dataset.colours ?? '').split(',');
  const rowColours = element.dataset.rowColours?.split(',');
  const horizontal = element.dataset.kind === 'hbar';
  const stacked = element.dataset.stacked === 'true';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${table.caption?.textContent ?? '图表'}：数据见下表`);
  frame.append(canvas);
  const ink = getComputedStyle(document.documentElement).getPropertyValue('--ink').trim() || '#1b1f24';
  const font = () => ({ size: Math.round(parseFloat(getComputedStyle(element).fontSize) * 0.85) });
  const value = { stacked, grace: '8%', beginAtZero: true, ticks: { color: ink, precision: 0, font: font() } };
  const category = { stacked, ticks: { color: ink, font: font() } };
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((label, i) => ({
        label,
        data: rows.map((r) => Number(r.cells[i + 1]!.textContent)),
        backgroundColor: rowColours ?? colours[i] ?? ink,
        borderColor: ink,
        borderWidth: 1,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      maintainAspectRatio: false,
      animation: false,
      scales: horizontal ? { x: value, y: category } : { x: category, y: value },
      plugins: { legend: { display: series.length > 1, labels: { color: ink, font: font() } } },
    },
  });
  // 长辈模式 is a checkbox in the header: redraw with its larger letters when it changes.
  document.addEventListener('change', (event) => {
    if ((event.target as Element | null)?.id !== 'elder-mode') return;
    const size = font();
    for (const scale of Object.values(chart.options.scales ?? {})) if (scale?.ticks) scale.ticks.font = size;
    if (chart.options.plugins?.legend?.labels) chart.options.plugins.legend.labels.font = size;
    chart.update();
  });
}
