// LTI Client Side postMessages (platform storage): keeps the login state in the platform's window when the
// browser blocks the tool's cookie inside the LMS iframe. "put" stores the state then continues to the platform;
// "get" reads it back and posts the launch again with it.
(function () {
  var box = document.getElementById('platform-storage');
  if (!box) { return; }
  var mode = box.dataset.mode, key = box.dataset.key, origin = box.dataset.origin;
  var target = window.parent;
  try {
    if (box.dataset.target && box.dataset.target !== '_parent' && window.parent.frames[box.dataset.target]) {
      target = window.parent.frames[box.dataset.target];
    }
  } catch (e) { target = window.parent; }
  var messageId = String(Math.random()).slice(2);
  var done = false;
  function finishGet(value) {
    var form = document.getElementById('storage-launch');
    form.elements['platform_state'].value = value || 'unavailable';
    form.submit();
  }
  window.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.message_id !== messageId || done) { return; }
    done = true;
    if (mode === 'put') { window.location.href = box.dataset.next; }
    else { finishGet(data.value); }
  });
  var message = { subject: mode === 'put' ? 'lti.put_data' : 'lti.get_data', message_id: messageId, key: key };
  if (mode === 'put') { message.value = box.dataset.value; }
  target.postMessage(message, origin || '*');
  setTimeout(function () {
    if (done) { return; }
    done = true;
    if (mode === 'put') { window.location.href = box.dataset.next; } else { finishGet(null); }
  }, 2000);
})();
