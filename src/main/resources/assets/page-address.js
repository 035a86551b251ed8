// A page shown in answer to a launch POST takes its own address (a GET with the launch token), so that reloading
// it asks for the page again instead of posting the spent id_token, which the tool would refuse as a replay.
(function () {
  var script = document.currentScript;
  if (script && window.history && history.replaceState) {
    history.replaceState(null, '', script.getAttribute('data-address'));
  }
})();
