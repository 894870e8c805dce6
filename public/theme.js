// Runs before the first paint (a blocking script in <head>), so a reader who chose a theme never sees
// a flash of the other one. Without a saved choice the stylesheet follows the system setting.
(function () {
  try {
    var theme = localStorage.getItem('abstracta-theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  } catch (error) {
    // Storage can be blocked; the system setting then applies.
  }
})();
