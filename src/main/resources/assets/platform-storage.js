// LTI Client Side postMessages (platform storage): keeps the login state's id in the platform's window when the
// browser blocks the tool's cookie inside the LMS iframe. "put" stores it then continues to the platform; "get"
// reads it back and posts the launch again with it. Messages go to the platform's origin only, and only answers
// from that origin and that window are read: no other page can store or answer for the platform.
(function () {
  var box = document.getElementById('platform-storage');
  if (!box) { return; }
  var mode = box.dataset.mode, key = box.dataset.key, origin = box.dataset.origin;
  var subject = mode === 'put' ? 'lti.put_data' : 'lti.get_data';
  var target = window.parent;
  try {
    if (box.dataset.target && box.dataset.target !== '_parent' && window.parent.frames[box.dataset.target]) {
      target = window.parent.frames[box.dataset.target];
    }
  } catch (e) { target = window.parent; }
  var messageId = String(Math.random()).slice(2);
  var done = false;
  function finish(value) {
    if (done) { return; }
    done = true;
    if (mode === 'put') { window.location.href = box.dataset.next; return; }
    var form = document.getElementById('storage-launch');
    form.elements['platform_state'].value = value || 'unavailable';
    form.submit();
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== target) { return; }
    var data = event.data || {};
    if (data.message_id !== messageId) { return; }
    if (data.subject && data.subject !== subject + '.response') { return; }
    finish(data.error ? null : data.value);
  });
  var message = { subject: subject, message_id: messageId, key: key };
  if (mode === 'put') { message.value = box.dataset.value; }
  if (origin) { target.postMessage(message, origin); }
  setTimeout(function () { finish(null); }, 2000);
})();
