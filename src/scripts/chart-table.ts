/**
 * <chart-table>: draws a Chart.js chart from the table inside it. Loaded only on pages with a chart.
 * The canvas is an image for assistive technology, labelled to point at the table that follows.
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
    frame.style.height = horizontal ? `${Math.max(12, labels.length * 1.6)}rem` : '18rem';
    frame.append(canvas);
    this.prepend(frame);
    // The chart now carries the picture; the table, its accessible twin, folds beneath it.
    const fold = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = `数据表：${table.caption?.textContent ?? ''}`;
    fold.append(summary, table.parentElement!);
    frame.after(fold);
    const ink = getComputedStyle(document.documentElement).getPropertyValue('--ink').trim() || '#1b1f24';
    new Chart(canvas, {
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
        scales: { x: { stacked, ticks: { color: ink } }, y: { stacked, ticks: { color: ink, precision: 0 } } },
        plugins: { legend: { display: series.length > 1, labels: { color: ink } } },
      },
    });
  }
}
customElements.define('chart-table', ChartTable);
