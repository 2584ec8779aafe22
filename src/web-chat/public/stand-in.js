// @ts-check
// Talking to the Bot API stand-in, which the app proxies under /web-chat/api.

export const API = '/web-chat/api';

/**
 * GET `path`, or POST `body` as JSON to it; the answer's JSON, or an Error with the stand-in's reason.
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<unknown>} whose shape the caller states with a type cast
 */
export async function api(path, body) {
  /** @type {RequestInit} */
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(API + path, init);
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || data.description || `${response.status} ${response.statusText}`);
  return data;
}

/** What to tell the reader about a failed call. */
export function reasonOf(/** @type {unknown} */ error) {
  return error instanceof Error ? error.message : String(error);
}
