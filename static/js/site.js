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

// The questionnaire: each step is a POST that carries the answers so far, never an address.
// With JavaScript, each step is fetched and shown in place, and the browser's Back and Forward
// buttons move between the steps shown, with no "Confirm Form Resubmission". The pages are
// kept in this script's memory only: never in storage, a cookie, the address or the server,
// and gone when the tab moves on. Without JavaScript the forms post as usual.
(function () {
  if (!window.fetch || !window.DOMParser || !window.history.pushState) { return; }
  var pages = [];  // the HTML of each step shown, by its history index
  var current = 0;

  function snapshot() {
    // Keep what was selected on this page, so Back shows it selected again.
    document.querySelectorAll("input[type=radio]").forEach(function (input) {
      if (input.checked) { input.setAttribute("checked", ""); } else { input.removeAttribute("checked"); }
    });
    return document.documentElement.outerHTML;
  }

  function show(html, laterAnswers) {
    var next = new DOMParser().parseFromString(html, "text/html");
    document.title = next.title;
    document.body.replaceWith(next.body);
    if (laterAnswers) {
      // Answers given after this step are kept: fill this page's hidden copies of them.
      document.querySelectorAll("form[data-questionnaire] input[type=hidden]").forEach(function (input) {
        if (!input.value && laterAnswers[input.name]) { input.value = laterAnswers[input.name]; }
      });
    }
    window.scrollTo(0, 0);
    // As after a page load: the error summary takes focus, or focus starts at the top.
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); } else if (document.activeElement) { document.activeElement.blur(); }
  }

  function answersOnPage() {
    var form = document.querySelector("form[data-questionnaire]");
    var answers = {};
    if (form) { new FormData(form).forEach(function (value, name) { if (value) { answers[name] = value; } }); }
    delete answers.step; delete answers.action; delete answers.goto; delete answers["return"];
    return answers;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-questionnaire]") || form.dataset.posting) { return; }
    event.preventDefault();
    var body = new FormData(form);
    if (event.submitter && event.submitter.name) { body.append(event.submitter.name, event.submitter.value); }
    // getAttribute: form.action would be the button named "action".
    var url = new URL(form.getAttribute("action") || window.location.href, window.location.href).href;
    pages[current] = snapshot();
    fetch(url, { method: "POST", body: new URLSearchParams(body), credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        current += 1;
        pages.length = current;
        pages[current] = html;
        window.history.pushState({ questionnaireStep: current }, "", url);
        show(html);
      })
      .catch(function () {
        // The network failed: post the ordinary way, so the person sees the browser's own message.
        form.dataset.posting = "1";
        if (event.submitter && event.submitter.name) {
          var extra = document.createElement("input");
          extra.type = "hidden"; extra.name = event.submitter.name; extra.value = event.submitter.value;
          form.appendChild(extra);
        }
        form.submit();
      });
  });

  window.addEventListener("popstate", function (event) {
    var step = event.state && event.state.questionnaireStep;
    if (typeof step !== "number" || !pages[step]) {
      if (pages.length) { window.location.reload(); }  // a step from before a reload: start afresh
      return;
    }
    var later = step < current ? answersOnPage() : null;
    pages[current] = snapshot();
    current = step;
    show(pages[step], later);
  });

  if (document.querySelector("form[data-questionnaire]") || document.querySelector("form .way-in")) {
    window.history.replaceState({ questionnaireStep: 0 }, "");
  }
})();
