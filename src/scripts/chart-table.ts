/**
 * <chart-table>: draws a Chart.js chart from the table inside it. Loaded only on pages with a chart.
 * The canvas is an image for assistive technology, labelled to point at the table that follows.
 * Its lettering follows the page's text size, so 长辈模式 enlarges the chart's labels too; the value
 * axis leaves headroom above the tallest bar.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

class ChartTable extends HTMLElement {
  connectedCallback(): void {
    const table = this.querySelector('table');
    if (!table) return;
    const series = [...table.tHead!.rows[0]!.cells].slice(1).map((c) => c.textContent ?? '');
    const rows = [...table.tBodies[0]!.rows];
    const labels = rows.map((r) => r.cells[0]!.textContent ?? '');
    const colours = (this.dataset.colours ?? '').split(',');
    const rowColours = this.dataset.rowColours?.split(',');
    const horizontal = this.dataset.kind === 'hbar';
    const stacked = this.dataset.stacked === 'true';
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${table.caption?.textContent ?? '图表'}：数据见下表`);
    const frame = document.createElement('div');
    frame.style.position = 'relative';
    // In em, so the chart grows with the text in 长辈模式.
    frame.style.height = horizontal ? `${Math.max(12, labels.length * 1.6)}em` : '18em';
    frame.append(canvas);
    this.prepend(frame);
    // The chart now carries the picture; the table, its accessible twin, folds beneath it.
    const fold = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = `数据表：${table.caption?.textContent ?? ''}`;
    fold.append(summary, table.parentElement!);
    frame.after(fold);
    const ink = getComputedStyle(document.documentElement).getPropertyValue('--ink').trim() || '#1b1f24';
    const font = () => ({ size: Math.round(parseFloat(getComputedStyle(this).fontSize) * 0.85) });
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
}
customElements.define('chart-table', ChartTable);
