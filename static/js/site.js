// "Leave this site quickly": replace this page in the tab's history so Back does not
// return here, then go to a neutral page. Works as a plain link without JavaScript.
function leaveQuickly(href) {
  try { window.sessionStorage.clear(); } catch (error) { /* storage may be blocked */ }
  window.location.replace(href);
}

document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-quick-exit]");
  if (link) {
    event.preventDefault();
    leaveQuickly(link.href);
    return;
  }
  var printButton = event.target.closest("[data-print]");
  if (printButton) {
    event.preventDefault();
    window.print();
  }
});
// Pressing Escape three times in a row also leaves quickly.
(function () {
  var presses = 0, timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1200);
    if (presses >= 3) {
      var link = document.querySelector("[data-quick-exit]");
      if (link) { leaveQuickly(link.href); }
    }
  });
})();
