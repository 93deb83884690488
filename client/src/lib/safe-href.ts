// The last check before a stored link (activity link, evidence link) becomes an href: only absolute http(s) addresses.

/**
 * The server already refuses other schemes, but a link stored before that rule, or brought in some way not yet
 * thought of, must still not run script when a student or teacher clicks it. The URL parser strips the tabs,
 * newlines and leading spaces browsers ignore, so "java\tscript:" is seen as what it is.
 * Returns the normalised address, or undefined when the link must be shown as text only.
 */
export function safeHref(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
}
