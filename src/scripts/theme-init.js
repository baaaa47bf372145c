// Inline in <head> before first paint so a dark page never flashes light; the CSP allows it by hash.
(function () {
  var saved = null;
  try {
    saved = localStorage.getItem('theme');
  } catch {
    // Storage may be forbidden (private browsing): follow the system.
  }
  var dark = saved ? saved === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  // Which icon the theme control shows, before its script runs.
  document.documentElement.dataset.themeChoice =
    saved === 'light' || saved === 'dark' ? saved : 'system';
  // Lets CSS hide what only readers without JavaScript need (`.js` on <html>).
  document.documentElement.classList.add('js');
})();
