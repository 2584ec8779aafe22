// @ts-check
// The chat's event stream from the stand-in, applied to the chat on screen.
import { clearChat, removeDraft, removeMessage, setConnected, setStatus, showAction, showDraft, showMessage, stopAction } from './chat-view.js';
import { follow, scrollToBottom } from './follow.js';
import { onCallbackAnswer } from './outgoing.js';
import { API } from './stand-in.js';
import { currentUser } from './users.js';

/** @typedef {import('./chat-types').MessageView} MessageView */

const RECONNECT_MS = 2000;

/** @type {EventSource | null} */
let source = null;
let reconnectTimer = 0;

// The chat on screen stays until the stream's snapshot replaces it, so a reconnection (the app
// restarted) does not blank it. The browser retries a dropped stream by itself, but gives up on
// an error answer (the app stopping, the stand-in not up yet): then this page tries again.
export function connect() {
  if (source) source.close();
  clearTimeout(reconnectTimer);
  setStatus('connecting…');
  const stream = new EventSource(`${API}/users/${currentUser().id}/events`);
  /**
   * @param {string} name
   * @param {(data: any) => void} handle given the event's JSON, as the stand-in sends it for `name`
   */
  const on = (name, handle) => stream.addEventListener(name, (event) => handle(JSON.parse(/** @type {MessageEvent} */ (event).data)));
  on('snapshot', (/** @type {{ messages: MessageView[] }} */ { messages }) => {
    clearChat();
    messages.forEach(showMessage);
    setConnected(true);
    scrollToBottom();
  });
  on('message', (/** @type {MessageView} */ view) => {
    if (view.side === 'bot') {
      stopAction();
      // The bot's message takes the place of the draft it was writing.
      removeDraft();
    }
    if (view.side === 'user') follow();
    showMessage(view);
  });
  on('draft', showDraft);
  on('edit', showMessage);
  on('delete', (/** @type {{ message_id: number }} */ { message_id }) => removeMessage(message_id));
  on('action', (/** @type {{ action: string }} */ { action }) => showAction(action));
  on('callback_answer', onCallbackAnswer);
  on('reset', clearChat);
  stream.onerror = () => {
    setConnected(false);
    if (stream.readyState === EventSource.CLOSED && source === stream) {
      reconnectTimer = setTimeout(connect, RECONNECT_MS);
    }
  };
  source = stream;
}
