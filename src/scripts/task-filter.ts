/**
 * <task-filter>: combines several filters and the sort order on the full task list, in place.
 * Without it the list still works: every single filter has its own page.
 * The chosen filters go into the address (?warning=red&unit=housing) so a view can be shared.
 */
class TaskFilter extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const body = this.querySelector('tbody');
    if (!form || !body) return;
    const rows = [...body.rows];
    const count = form.querySelector<HTMLElement>('[data-count]')!;
    const params = new URLSearchParams(location.search);
    for (const select of form.querySelectorAll('select')) {
      const wanted = params.get(select.name);
      if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
    }
    const apply = (): void => {
      const data = new FormData(form);
      const chosen = [...data.entries()].filter(([k, v]) => k !== 'sort' && v !== '') as [string, string][];
      let shown = 0;
      for (const row of rows) {
        const match = chosen.every(([k, v]) => row.dataset[k] === v);
        row.hidden = !match;
        if (match) shown += 1;
      }
      const sorted = data.get('sort') === 'deadline' ? [...rows].sort((a, b) => (a.dataset.deadline ?? '').localeCompare(b.dataset.deadline ?? '')) : rows;
      body.append(...sorted);
      count.textContent = `显示 ${shown} / ${rows.length} 项`;
      const query = new URLSearchParams(chosen);
      if (data.get('sort') === 'deadline') query.set('sort', 'deadline');
      history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
    };
    form.addEventListener('change', apply);
    form.addEventListener('submit', (e) => e.preventDefault());
    form.hidden = false;
    apply();
  }
}
customElements.define('task-filter', TaskFilter);
