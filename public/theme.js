// Runs before the first paint (a blocking script in <head>), so a reader who chose a theme never sees
// a flash of the other one. Without a saved choice the stylesheet follows the system setting.
(function () {
  // Scripts run: controls that need JavaScript are shown from the first paint on (no layout shift).
  document.documentElement.classList.add('js');
  try {
    var theme = localStorage.getItem('abstracta-theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  } catch (error) {
    // Storage can be blocked; the system setting then applies.
  }
})();
