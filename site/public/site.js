// Progressive enhancement only: every page reads fully without this file. It copies policy text
// (the <code> element's textContent, never a string written into this script), turns the stacked
// policy formats into tabs, lets tables with data-sortable be sorted, and starts the search page.

for (const button of document.querySelectorAll('button[data-copy-target]')) {
  button.hidden = false;
  const label = button.getAttribute('aria-label');
  const show = (text, name) => {
    button.textContent = text;
    if (name) button.setAttribute('aria-label', name);
  };
  button.addEventListener('click', async () => {
    const code = document.getElementById(button.dataset.copyTarget ?? '');
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      show('Copied', 'Copied');
    } catch {
      show('Copy failed: select the text', 'Copy failed: select the text');
    }
    setTimeout(() => show('Copy', label), 2000);
  });
}

for (const container of document.querySelectorAll('[data-tabs]')) {
  const tablist = container.querySelector('[role="tablist"]');
  const tabs = [...container.querySelectorAll('[role="tab"]')];
  const panels = tabs.map((tab) => document.getElementById(tab.getAttribute('aria-controls') ?? ''));
  if (!tablist || tabs.length < 2 || panels.some((panel) => !panel)) continue;
  const select = (index, focus) => {
    tabs.forEach((tab, i) => {
      const selected = i === index;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panels[i].hidden = !selected;
    });
    if (focus) tabs[index].focus();
  };
  panels.forEach((panel, i) => {
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tabs[i].id);
    panel.tabIndex = 0;
  });
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(i, false));
    tab.addEventListener('keydown', (event) => {
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select((next + tabs.length) % tabs.length, true);
    });
  });
  tablist.hidden = false;
  container.classList.add('tabs-ready');
  select(0, false);
}

for (const table of document.querySelectorAll('table[data-sortable]')) {
  const headers = [...table.querySelectorAll('thead th')];
  const body = table.tBodies[0];
  headers.forEach((th, column) => {
    if (!th.hasAttribute('data-sort-key')) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      headers.forEach((other) => other.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const value = (row) => row.cells[column]?.dataset.sort ?? row.cells[column]?.textContent ?? '';
      const rows = [...body.rows].sort((a, b) => {
        const x = value(a), y = value(b);
        const numeric = x !== '' && y !== '' && !Number.isNaN(Number(x)) && !Number.isNaN(Number(y));
        const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}

const search = document.getElementById('search');
if (search) {
  const script = document.createElement('script');
  script.src = '/pagefind/pagefind-ui.js';
  script.addEventListener('load', () => {
    // eslint-disable-next-line no-undef
    const ui = new PagefindUI({ element: '#search', showSubResults: false, showImages: false, resetStyles: false });
    // Pagefind's input has only a placeholder; give it a name.
    document.querySelector('#search input[type="text"]')?.setAttribute('aria-label', 'Search tools and servers');
    const query = new URLSearchParams(location.search).get('q');
    if (query) ui.triggerSearch(query);
  });
  document.head.append(script);
}
