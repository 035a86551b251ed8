// Submits the one form marked data-autosubmit: login initiations and id_token posts need no click.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-autosubmit]');
  if (form) { form.submit(); }
});
