/**
 * Search as you type on the reply board: the same GET the form sends, fetched in the background,
 * and the results section swapped in. Without JavaScript the form's button does the same.
 */
const form = document.querySelector<HTMLFormElement>('form[data-message-search]');
const results = document.getElementById('results');

if (form && results) {
  let controller: AbortController | undefined;
  let timer: number | undefined;
  const refresh = () => {
    const url = new URL(form.action);
    for (const [key, value] of new FormData(form)) if (typeof value === 'string' && value) url.searchParams.set(key, value);
    controller?.abort();
    controller = new AbortController();
    fetch(url, { signal: controller.signal, headers: { Accept: 'text/html' } })
      .then((response) => response.text())
      .then((html) => {
        const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('results');
        if (fresh) results.replaceChildren(...fresh.childNodes);
        history.replaceState(null, '', url);
      })
      .catch(() => {
        /* aborted by a newer query, or offline: the button still works */
      });
  };
  form.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 250);
  });
}
