// @ts-check
// Following the end of the chat.
// Whether to follow is decided by what the reader did (scrolled up, or back to the end), never by
// measuring after something new arrived: a picture or a long reading is taller than any margin.
// Following is applied whenever the list's laid-out size changes: new messages, pictures that
// load later, edits, keyboards.
import { ui } from './dom.js';

const BOTTOM_SLACK_PX = 24;

let following = true;
let lastScrollY = 0;

function atBottom() {
  return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - BOTTOM_SLACK_PX;
}

export function scrollToBottom() {
  following = true;
  window.scrollTo({ top: document.documentElement.scrollHeight });
}

/** The reader sent something: the chat follows its end again. */
export function follow() {
  following = true;
}

function onScroll() {
  if (atBottom()) following = true;
  else if (window.scrollY < lastScrollY) following = false;
  lastScrollY = window.scrollY;
}

export function wireFollowing() {
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', () => following && scrollToBottom());
  new ResizeObserver(() => following && scrollToBottom()).observe(ui.messages);
}
