// address.mjs: owns the address bar. The figure's part of a query is everything but the
// page's own keys (embedding: host.mjs PAGE_KEYS); the address follows the figure (so a
// copied link opens the same figure) and keeps the page's keys as they were.

export function figureQuery(query, pageKeys) {
  const params = new URLSearchParams(String(query));
  pageKeys.forEach((k) => params.delete(k));
  return params.toString();
}

// Returns follow(query): puts the figure's query into the address bar if it changed.
export function addressFollower(pageKeys) {
  let last = '';
  return function follow(query) {
    if (query === last) return;
    last = query;
    const here = new URLSearchParams(location.search);
    const next = new URLSearchParams(query);
    pageKeys.forEach((k) => { if (here.has(k)) next.set(k, here.get(k)); });
    try {
      history.replaceState(history.state, '', '?' + next.toString() + location.hash);
    } catch (e) { /* sandboxed iframes and file:// may refuse; the figure does not care */ }
  };
}
