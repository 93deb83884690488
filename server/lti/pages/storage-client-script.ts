// The browser half of LTI Platform Storage on the tool side: put and get a value in the LMS window via postMessage.

/**
 * Defines window.playrouteLtiStorage.{put,get}. It asks lti.capabilities first and uses whichever
 * subject names the platform supports (plain `lti.*`, or `org.imsglobal.lti.*` as older Canvas does),
 * sends only to the platform's origin, and accepts answers only from it.
 */
export const STORAGE_CLIENT_SCRIPT = `(function () {
  'use strict';
  var PREFIXED = 'org.imsglobal.';
  function frameFor(targetName) {
    if (!window.parent || window.parent === window) return null;
    if (!targetName || targetName === '_parent') return window.parent;
    try { return window.parent.frames[targetName] || null; } catch (e) { return null; }
  }
  function ask(target, origin, message, timeoutMs) {
    return new Promise(function (resolve, reject) {
      var id = 'pr-' + Math.random().toString(36).slice(2) + Date.now().toString(36);
      var timer = setTimeout(function () { window.removeEventListener('message', onMessage); reject(new Error('timeout')); }, timeoutMs);
      function onMessage(event) {
        var data = event.data;
        if (event.origin !== origin || !data || data.message_id !== id) return;
        if (data.subject !== message.subject + '.response') return;
        clearTimeout(timer);
        window.removeEventListener('message', onMessage);
        if (data.error) reject(new Error(data.error.code || 'error')); else resolve(data);
      }
      window.addEventListener('message', onMessage);
      message.message_id = id;
      target.postMessage(message, origin);
    });
  }
  function subjects(targetName, origin) {
    var parent = frameFor('_parent');
    if (!parent) return Promise.reject(new Error('not_in_frame'));
    return ask(parent, origin, { subject: 'lti.capabilities' }, 1500).then(function (reply) {
      var names = (reply.supported_messages || []).map(function (m) { return m.subject; });
      var prefix = names.indexOf('lti.put_data') !== -1 ? '' : names.indexOf(PREFIXED + 'lti.put_data') !== -1 ? PREFIXED : null;
      if (prefix === null) throw new Error('storage_unsupported');
      var frame = (reply.supported_messages || []).filter(function (m) { return m.subject === prefix + 'lti.put_data'; })[0];
      return { prefix: prefix, frameName: (frame && frame.frame) || targetName };
    }, function () {
      return { prefix: '', frameName: targetName };
    });
  }
  window.playrouteLtiStorage = {
    put: function (targetName, origin, key, value) {
      return subjects(targetName, origin).then(function (s) {
        var target = frameFor(s.frameName);
        if (!target) throw new Error('no_storage_frame');
        return ask(target, origin, { subject: s.prefix + 'lti.put_data', key: key, value: value }, 3000);
      });
    },
    get: function (targetName, origin, key) {
      return subjects(targetName, origin).then(function (s) {
        var target = frameFor(s.frameName);
        if (!target) throw new Error('no_storage_frame');
        return ask(target, origin, { subject: s.prefix + 'lti.get_data', key: key }, 3000).then(function (r) { return r.value; });
      });
    }
  };
})();`;
