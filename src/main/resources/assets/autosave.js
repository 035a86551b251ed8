// Progressive enhancement of a rating page: each choice and each note is saved as the learner goes, without
// leaving the page. Without JavaScript the page's buttons save it, as before.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch) { return; }
  var status = document.getElementById('autosave-status');
  function save() {
    var body = new URLSearchParams(new FormData(form));
    body.set('go', 'autosave');
    fetch(form.action, { method: 'POST', body: body, credentials: 'omit', redirect: 'manual' })
      .then(function (response) {
        if (response.status === 204) {
          status.textContent = 'Saved at ' + new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + '.';
        } else {
          status.textContent = 'Not saved: use a button below to save this page.';
        }
      })
      .catch(function () { status.textContent = 'Not saved: use a button below to save this page.'; });
  }
  form.addEventListener('change', function (event) {
    if (event.target.type === 'radio') { save(); }
  });
  form.querySelectorAll('textarea').forEach(function (area) { area.addEventListener('blur', save); });
});
