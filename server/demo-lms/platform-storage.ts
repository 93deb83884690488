// The browser half of LTI Platform Storage: a script the demo page (and Canvas-style forwarding frame) runs for the tool's iframe.
import { scriptJson } from '../html';

export interface StorageScriptConfig {
  /** Origins of registered tools; messages from any other origin are ignored, as the spec requires. */
  allowedOrigins: string[];
  /** Frame name put/get messages should go to, advertised in the capabilities answer. */
  frame: string | undefined;
}

/**
 * Answers lti.capabilities, lti.put_data and lti.get_data, plain and `org.imsglobal.`-prefixed.
 * Data is kept per tool origin, and every answer goes only to the asking origin (never '*').
 */
export function platformStorageScript(config: StorageScriptConfig): string {
  return `(function (config) {
  'use strict';
  var PREFIX = 'org.imsglobal.';
  var store = Object.create(null);
  function bare(subject) { return subject.indexOf(PREFIX) === 0 ? subject.slice(PREFIX.length) : subject; }
  function capability(subject) {
    var entry = { subject: subject };
    if (config.frame && subject.indexOf('data') !== -1) entry.frame = config.frame;
    return entry;
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.subject !== 'string') return;
    var subject = bare(data.subject);
    if (subject.indexOf('lti.') !== 0 || /\\.response$/.test(subject)) return;
    if (config.allowedOrigins.indexOf(event.origin) === -1 || !event.source) return;
    var reply = { subject: data.subject + '.response', message_id: data.message_id };
    var own = store[event.origin] || (store[event.origin] = Object.create(null));
    if (subject === 'lti.capabilities') {
      reply.supported_messages = ['lti.capabilities', 'lti.put_data', 'lti.get_data'].reduce(function (list, name) {
        return list.concat([capability(name), capability(PREFIX + name)]);
      }, []);
    } else if (subject !== 'lti.put_data' && subject !== 'lti.get_data') {
      reply.error = { code: 'unsupported_subject', message: 'unsupported subject: ' + data.subject };
    } else if (typeof data.key !== 'string' || data.key === '') {
      reply.error = { code: 'bad_request', message: 'key is required' };
    } else if (subject === 'lti.put_data') {
      if (typeof data.value !== 'string') {
        reply.error = { code: 'bad_request', message: 'value must be a string' };
      } else {
        own[data.key] = data.value;
        reply.key = data.key;
        reply.value = data.value;
      }
    } else {
      reply.key = data.key;
      if (Object.prototype.hasOwnProperty.call(own, data.key)) reply.value = own[data.key];
      else reply.error = { code: 'bad_request', message: 'there is no value stored for this key' };
    }
    event.source.postMessage(reply, event.origin);
  });
})(${scriptJson(config)});`;
}
