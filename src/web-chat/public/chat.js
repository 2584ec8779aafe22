// The local web chat: plays Telegram for the bot through the Bot API stand-in, proxied under /web-chat/api.
// No framework and no build step. Bot text is built with DOM nodes from Telegram's entities, never parsed as HTML.
(() => {
  'use strict';

  const API = '/web-chat/api';
  const PRESETS = [
    { id: 1001, first_name: 'Ann', language_code: 'en' },
    { id: 1002, first_name: 'Борис', language_code: 'ru' },
    { id: 1003, first_name: 'Олена', language_code: 'uk' },
  ];
  const USERS_KEY = 'tarot-web-chat.users';
  const CURRENT_KEY = 'tarot-web-chat.current';
  const ACTION_MS = 5500;
  // Telegram shows a draft (sendMessageDraft) as a preview this long after its last update.
  const DRAFT_MS = 30000;
  const BOTTOM_SLACK_PX = 24;
  const RECONNECT_MS = 2000;
  const PRESS_TIMEOUT_MS = 10000;
  const INVOICE_LINK = /^https:\/\/t\.me\/(?:\$|invoice\/)[A-Za-z0-9_-]+\/?$/;
  const SAFE_LINK = /^(https?:|mailto:|tel:|tg:)/i;
  const AUTO_LINKS = /(?<![\w/])\/[A-Za-z0-9_]{1,32}(?:@\w+)?(?![\w/])|https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;
  const ACTIONS = {
    typing: 'typing',
    upload_photo: 'sending a photo',
    upload_document: 'sending a file',
    choose_sticker: 'choosing a sticker',
  };

  const $ = (id) => document.getElementById(id);
  const ui = {
    botName: $('bot-name'),
    status: $('bot-status'),
    userButton: $('user-button'),
    userAvatar: $('user-avatar'),
    userName: $('user-name'),
    empty: $('empty'),
    messages: $('messages'),
    commandMenu: $('command-menu'),
    replyKeyboard: $('reply-keyboard'),
    composer: $('composer'),
    menuButton: $('menu-button'),
    input: $('input'),
    payDialog: $('pay-dialog'),
    payItem: $('pay-item'),
    payDescription: $('pay-description'),
    payAmount: $('pay-amount'),
    payResult: $('pay-result'),
    payConfirm: $('pay-confirm'),
    payCancel: $('pay-cancel'),
    userDialog: $('user-dialog'),
    userForm: $('user-form'),
    userList: $('user-list'),
    noticeDialog: $('notice-dialog'),
    noticeText: $('notice-text'),
    toast: $('toast'),
  };

  const state = {
    users: [],
    user: null,
    source: null,
    messages: new Map(),
    commands: [],
    actionTimer: 0,
    draft: null,
    draftTimer: 0,
    connected: false,
    presses: new Map(),
    earlyAnswers: new Map(),
    payment: null,
    reconnectTimer: 0,
    following: true,
    lastScrollY: 0,
  };

  // ---- talking to the stand-in ----

  async function api(path, body) {
    const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const response = await fetch(API + path, init);
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || data.description || `${response.status} ${response.statusText}`);
    return data;
  }

  async function sendText(raw) {
    const text = raw.trim();
    if (!text) return;
    try {
      await api(`/users/${state.user.id}/messages`, { text, first_name: state.user.first_name, language_code: state.user.language_code });
      scrollToBottom();
    } catch (error) {
      toast(`Not sent: ${error.message}`);
    }
  }

  async function press(messageId, button, node) {
    node.classList.add('busy');
    try {
      const result = await api(`/users/${state.user.id}/callbacks`, { message_id: messageId, data: button.callback_data });
      const early = state.earlyAnswers.get(result.callback_query_id);
      if (early) {
        state.earlyAnswers.delete(result.callback_query_id);
        answered(node, early);
        return;
      }
      state.presses.set(result.callback_query_id, node);
      setTimeout(() => {
        if (state.presses.get(result.callback_query_id) === node) {
          state.presses.delete(result.callback_query_id);
          node.classList.remove('busy');
        }
      }, PRESS_TIMEOUT_MS);
    } catch (error) {
      node.classList.remove('busy');
      toast(error.message);
    }
  }

  function onCallbackAnswer(answer) {
    const node = state.presses.get(answer.callback_query_id);
    if (!node) {
      state.earlyAnswers.set(answer.callback_query_id, answer);
      return;
    }
    state.presses.delete(answer.callback_query_id);
    answered(node, answer);
  }

  function answered(node, answer) {
    node.classList.remove('busy');
    if (!answer.text) return;
    if (answer.show_alert) notice(answer.text);
    else toast(answer.text);
  }

  // ---- the live chat ----

  // The chat on screen stays until the stream's snapshot replaces it, so a reconnection (the app
  // restarted) does not blank it. The browser retries a dropped stream by itself, but gives up on
  // an error answer (the app stopping, the stand-in not up yet): then this page tries again.
  function connect() {
    if (state.source) state.source.close();
    clearTimeout(state.reconnectTimer);
    setStatus('connecting…');
    const source = new EventSource(`${API}/users/${state.user.id}/events`);
    const on = (name, handle) => source.addEventListener(name, (event) => handle(JSON.parse(event.data)));
    on('snapshot', ({ messages }) => {
      clearChat();
      messages.forEach(showMessage);
      state.connected = true;
      setStatus('bot');
      scrollToBottom();
    });
    on('message', (view) => {
      if (view.side === 'bot') {
        stopAction();
        // The bot's message takes the place of the draft it was writing.
        removeDraft();
      }
      if (view.side === 'user') state.following = true;
      showMessage(view);
    });
    on('draft', showDraft);
    on('edit', showMessage);
    on('delete', ({ message_id }) => removeMessage(message_id));
    on('action', ({ action }) => showAction(action));
    on('callback_answer', onCallbackAnswer);
    on('reset', clearChat);
    source.onerror = () => {
      state.connected = false;
      setStatus('connecting…');
      if (source.readyState === EventSource.CLOSED && state.source === source) {
        state.reconnectTimer = setTimeout(connect, RECONNECT_MS);
      }
    };
    state.source = source;
  }

  function clearChat() {
    removeDraft();
    state.messages.clear();
    ui.messages.replaceChildren();
    ui.empty.hidden = false;
    updateReplyKeyboard();
  }

  function showMessage(view) {
    const node = renderMessage(view);
    const known = state.messages.get(view.message_id);
    if (known) known.node.replaceWith(node);
    else if (state.draft) state.draft.before(node);
    else ui.messages.append(node);
    state.messages.set(view.message_id, { view, node });
    ui.empty.hidden = state.messages.size > 0;
    updateReplyKeyboard();
  }

  function removeMessage(messageId) {
    const known = state.messages.get(messageId);
    if (!known) return;
    known.node.remove();
    state.messages.delete(messageId);
    ui.empty.hidden = state.messages.size > 0;
    updateReplyKeyboard();
  }

  // A message the bot is still writing: one bubble at the end of the chat, its text growing with
  // each draft, "thinking" while it is empty; gone when the bot sends a message or after 30 s.
  function showDraft(draft) {
    stopAction();
    const item = el('li', 'message bot draft');
    item.dataset.draftId = String(draft.draft_id);
    const bubble = el('div', 'bubble');
    if (draft.text) bubble.append(richText(draft.text, draft.entities));
    else bubble.append(el('div', 'text thinking', 'Thinking'));
    const texts = bubble.querySelectorAll('.text');
    texts[texts.length - 1].append(el('span', 'meta', 'writing…'));
    const stack = el('div', 'stack');
    stack.append(bubble);
    item.append(stack);
    if (state.draft) state.draft.replaceWith(item);
    else ui.messages.append(item);
    state.draft = item;
    ui.empty.hidden = true;
    clearTimeout(state.draftTimer);
    state.draftTimer = setTimeout(removeDraft, DRAFT_MS);
  }

  function removeDraft() {
    clearTimeout(state.draftTimer);
    if (!state.draft) return;
    state.draft.remove();
    state.draft = null;
    ui.empty.hidden = state.messages.size > 0;
  }

  function setStatus(text, active = false) {
    ui.status.textContent = text;
    ui.status.classList.toggle('active', active);
  }

  function showAction(action) {
    clearTimeout(state.actionTimer);
    setStatus(ACTIONS[action] || action.replace(/_/g, ' '), true);
    state.actionTimer = setTimeout(stopAction, ACTION_MS);
  }

  function stopAction() {
    clearTimeout(state.actionTimer);
    setStatus(state.connected ? 'bot' : 'connecting…');
  }

  // ---- following the end of the chat ----
  // Whether to follow is decided by what the reader did (scrolled up, or back to the end), never by
  // measuring after something new arrived: a picture or a long reading is taller than any margin.
  // Following is applied whenever the list's laid-out size changes: new messages, pictures that
  // load later, edits, keyboards.

  function atBottom() {
    return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - BOTTOM_SLACK_PX;
  }

  function scrollToBottom() {
    state.following = true;
    window.scrollTo({ top: document.documentElement.scrollHeight });
  }

  function onScroll() {
    if (atBottom()) state.following = true;
    else if (window.scrollY < state.lastScrollY) state.following = false;
    state.lastScrollY = window.scrollY;
  }

  // ---- rendering a message ----

  function renderMessage(view) {
    const item = el('li', `message ${view.side}`);
    item.dataset.messageId = String(view.message_id);
    if (view.successful_payment || view.refunded_payment) {
      item.className = 'service';
      item.textContent = serviceText(view);
      return item;
    }
    const stack = el('div', 'stack');
    const bubble = el('div', 'bubble');
    if (view.photo_file_id) {
      bubble.classList.add('media');
      bubble.append(renderPhoto(view));
    }
    if (view.invoice) bubble.append(renderInvoice(view.invoice));
    if (view.text !== undefined) bubble.append(richText(view.text, view.entities));
    if (view.caption) bubble.append(richText(view.caption, view.caption_entities));
    if (view.photo && !view.photo_file_id) bubble.append(el('div', 'text', '🖼 photo'));
    // Inside the last line of text, floated right, the time sits at the end of it when there is room, as in Telegram.
    const texts = bubble.querySelectorAll('.text');
    (texts.length ? texts[texts.length - 1] : bubble).append(renderMeta(view));
    stack.append(bubble);
    const keyboard = renderKeyboard(view);
    if (keyboard) {
      stack.classList.add('has-keyboard');
      stack.append(keyboard);
    }
    item.append(stack);
    return item;
  }

  function renderMeta(view) {
    const time = new Date(view.date * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    return el('span', 'meta', view.edit_date ? `edited ${time}` : time);
  }

  function renderPhoto(view) {
    const url = `${API}/files/${encodeURIComponent(view.photo_file_id)}`;
    const figure = el('figure', 'photo');
    const link = el('a');
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener';
    const image = el('img');
    image.src = url;
    image.alt = view.caption ? view.caption.split('\n')[0] : 'Photo from the bot';
    link.append(image);
    figure.append(link);
    return figure;
  }

  function renderInvoice(invoice) {
    const card = el('div', 'invoice');
    card.append(
      el('span', 'invoice-label', 'Invoice'),
      el('span', 'invoice-title', invoice.title),
      el('p', 'invoice-description', invoice.description),
      el('span', 'invoice-amount', price(invoice.total_amount, invoice.currency)),
    );
    return card;
  }

  function renderKeyboard(view) {
    const rows = (view.buttons || []).map((row) => row.slice());
    if (view.invoice && !rows.some((row) => row.some((button) => button.pay))) {
      rows.unshift([{ text: `Pay ${price(view.invoice.total_amount, view.invoice.currency)}`, pay: true }]);
    }
    if (!rows.length) return null;
    const keyboard = el('div', 'keyboard');
    keyboard.setAttribute('role', 'group');
    keyboard.setAttribute('aria-label', 'Buttons');
    for (const row of rows) {
      const line = el('div', 'keyboard-row');
      for (const button of row) line.append(renderButton(view, button));
      keyboard.append(line);
    }
    return keyboard;
  }

  function renderButton(view, button) {
    const node = el('button', 'key', button.text);
    node.type = 'button';
    if (button.pay) {
      node.classList.add('pay');
      node.addEventListener('click', () => openPayment({ messageId: view.message_id, invoice: view.invoice }));
    } else if (button.callback_data !== undefined) {
      node.addEventListener('click', () => press(view.message_id, button, node));
    } else if (button.url) {
      node.classList.add('link');
      node.title = button.url;
      node.addEventListener('click', () => openLink(button.url));
    } else if (button.copy_text) {
      node.addEventListener('click', () => navigator.clipboard.writeText(button.copy_text.text).then(() => toast('Copied')));
    } else {
      node.disabled = true;
      node.title = 'Not available in the local chat';
    }
    return node;
  }

  function serviceText(view) {
    if (view.successful_payment) {
      const payment = view.successful_payment;
      return `You paid ${price(payment.total_amount, payment.currency)}${payment.is_recurring ? ' (subscription)' : ''}`;
    }
    return `${price(view.refunded_payment.total_amount, view.refunded_payment.currency)} refunded`;
  }

  function price(amount, currency) {
    return currency === 'XTR' ? `${amount} ⭐` : `${amount} ${currency}`;
  }

  // ---- formatted text from entities ----

  function richText(text, entities) {
    const box = el('div', 'text');
    const sorted = (entities || [])
      .filter((entity) => entity.length > 0)
      .slice()
      .sort((a, b) => a.offset - b.offset || b.length - a.length);
    build(box, text, 0, text.length, sorted);
    return box;
  }

  /** Entities nest (Telegram guarantees it for parsed HTML); one that only overlaps a sibling is skipped. */
  function build(parent, text, start, end, entities) {
    let cursor = start;
    let i = 0;
    while (i < entities.length) {
      const entity = entities[i];
      const from = Math.max(entity.offset, start);
      const to = Math.min(entity.offset + entity.length, end);
      if (from < cursor || from >= to) {
        i += 1;
        continue;
      }
      if (from > cursor) plain(parent, text.slice(cursor, from));
      let j = i + 1;
      while (j < entities.length && entities[j].offset < to) j += 1;
      const [outer, inner] = entityNode(entity, text.slice(from, to));
      build(inner, text, from, to, entities.slice(i + 1, j));
      parent.append(outer);
      cursor = to;
      i = j;
    }
    if (cursor < end) plain(parent, text.slice(cursor, end));
  }

  function entityNode(entity, content) {
    const simple = { bold: 'b', italic: 'i', underline: 'u', strikethrough: 's', code: 'code' }[entity.type];
    if (simple) return pair(el(simple));
    switch (entity.type) {
      case 'pre': {
        const pre = el('pre');
        const code = el('code');
        if (entity.language) code.className = `language-${entity.language}`;
        pre.append(code);
        return [pre, code];
      }
      case 'spoiler': {
        const span = el('span', 'tg-spoiler');
        span.addEventListener('click', () => span.classList.add('revealed'));
        return pair(span);
      }
      case 'blockquote':
      case 'expandable_blockquote': {
        const quote = el('blockquote', entity.type === 'expandable_blockquote' ? 'expandable' : '');
        if (entity.type === 'expandable_blockquote') quote.addEventListener('click', () => quote.classList.add('open'));
        return pair(quote);
      }
      case 'text_link':
        return pair(SAFE_LINK.test(entity.url || '') ? link(entity.url) : el('span'));
      case 'url': {
        const url = /^[a-z][a-z0-9+.-]*:/i.test(content) ? content : `http://${content}`;
        return pair(SAFE_LINK.test(url) ? link(url) : el('span'));
      }
      case 'email':
        return pair(link(`mailto:${content}`));
      case 'phone_number':
        return pair(link(`tel:${content.replace(/[^\d+]/g, '')}`));
      case 'bot_command':
        return pair(commandButton(content));
      default:
        return pair(el('span', entity.type));
    }
  }

  function pair(node) {
    return [node, node];
  }

  /** Plain text, with bot commands and links made tappable as Telegram does. */
  function plain(parent, text) {
    let last = 0;
    for (const match of text.matchAll(AUTO_LINKS)) {
      if (match.index > last) parent.append(text.slice(last, match.index));
      const found = match[0];
      if (found.startsWith('/')) {
        const command = commandButton(found);
        command.textContent = found;
        parent.append(command);
      } else {
        const anchor = link(found);
        anchor.textContent = found;
        parent.append(anchor);
      }
      last = match.index + found.length;
    }
    if (last < text.length) parent.append(text.slice(last));
  }

  function link(url) {
    const anchor = el('a');
    anchor.href = url;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    if (INVOICE_LINK.test(url)) {
      anchor.addEventListener('click', (event) => {
        event.preventDefault();
        openLink(url);
      });
    }
    return anchor;
  }

  function commandButton(command) {
    const node = el('button', 'command');
    node.type = 'button';
    node.dataset.command = command.replace(/@\w+$/, '');
    return node;
  }

  // ---- links and payments ----

  async function openLink(url) {
    if (!INVOICE_LINK.test(url)) {
      if (SAFE_LINK.test(url)) window.open(url, '_blank', 'noopener');
      else toast(`Not opened: ${url}`);
      return;
    }
    try {
      const { invoice } = await api(`/invoice?link=${encodeURIComponent(url)}`);
      openPayment({ link: url, invoice });
    } catch (error) {
      toast(error.message);
    }
  }

  function openPayment({ messageId, link: invoiceLink, invoice }) {
    state.payment = { messageId, link: invoiceLink };
    ui.payItem.textContent = invoice.title;
    ui.payDescription.textContent = invoice.description;
    ui.payAmount.textContent = price(invoice.total_amount, invoice.currency);
    ui.payConfirm.textContent = `Pay ${price(invoice.total_amount, invoice.currency)}`;
    ui.payConfirm.hidden = false;
    ui.payConfirm.disabled = false;
    ui.payCancel.textContent = 'Cancel';
    ui.payResult.hidden = true;
    ui.payDialog.showModal();
  }

  async function pay(event) {
    event.preventDefault();
    const payment = state.payment;
    if (!payment) return;
    ui.payConfirm.disabled = true;
    ui.payConfirm.textContent = 'Paying…';
    try {
      const body = payment.messageId !== undefined ? { message_id: payment.messageId } : { link: payment.link };
      const result = await api(`/users/${state.user.id}/pay`, body);
      if (result.ok) {
        ui.payDialog.close();
        toast('Payment done ✓');
        return;
      }
      showPaymentFailure(
        result.reason === 'refused'
          ? `The bot declined: ${result.error_message || 'no reason given'}`
          : result.reason === 'timeout'
            ? 'The bot did not confirm the payment in time. Nothing was charged.'
            : `Payment failed (${result.reason || 'unknown'}).`,
      );
    } catch (error) {
      showPaymentFailure(error.message);
    }
  }

  function showPaymentFailure(text) {
    ui.payResult.textContent = text;
    ui.payResult.className = 'pay-result failed';
    ui.payResult.hidden = false;
    ui.payConfirm.hidden = true;
    ui.payCancel.textContent = 'Close';
  }

  // ---- command menu and reply keyboard ----

  async function loadCommands() {
    try {
      const { commands } = await api(`/commands?language_code=${encodeURIComponent(state.user.language_code)}&user_id=${state.user.id}`);
      state.commands = commands;
    } catch {
      state.commands = [];
    }
  }

  async function toggleMenu(open = ui.commandMenu.hidden, filter = '') {
    if (open && !state.commands.length) await loadCommands();
    const shown = state.commands.filter((command) => `/${command.command}`.startsWith(filter || '/'));
    ui.commandMenu.replaceChildren(
      ...shown.map((command) => {
        const item = el('li');
        item.setAttribute('role', 'option');
        const button = el('button');
        button.type = 'button';
        button.dataset.command = `/${command.command}`;
        button.append(el('span', 'command-name', `/${command.command}`), el('span', 'command-description', command.description));
        item.append(button);
        return item;
      }),
    );
    const visible = open && shown.length > 0;
    ui.commandMenu.hidden = !visible;
    ui.menuButton.setAttribute('aria-expanded', String(visible));
  }

  function updateReplyKeyboard() {
    const latest = [...state.messages.values()].reverse().find(({ view }) => view.side === 'bot' && view.reply_keyboard);
    const markup = latest && latest.view.reply_keyboard;
    if (!markup || !Array.isArray(markup.keyboard)) {
      ui.replyKeyboard.hidden = true;
      ui.replyKeyboard.replaceChildren();
      return;
    }
    ui.replyKeyboard.replaceChildren(
      ...markup.keyboard.map((row) => {
        const line = el('div', 'keyboard-row');
        for (const button of row) {
          const text = typeof button === 'string' ? button : button.text;
          const node = el('button', 'key', text);
          node.type = 'button';
          node.addEventListener('click', () => {
            if (markup.one_time_keyboard) ui.replyKeyboard.hidden = true;
            sendText(text);
          });
          line.append(node);
        }
        return line;
      }),
    );
    ui.replyKeyboard.hidden = false;
  }

  // ---- users ----

  function loadUsers() {
    let saved = [];
    try {
      saved = JSON.parse(localStorage.getItem(USERS_KEY) || '[]');
    } catch {
      saved = [];
    }
    const byId = new Map(PRESETS.map((user) => [user.id, user]));
    for (const user of Array.isArray(saved) ? saved : []) if (validUser(user)) byId.set(user.id, user);
    state.users = [...byId.values()];
  }

  function validUser(user) {
    return user && Number.isSafeInteger(user.id) && user.id > 0 && typeof user.first_name === 'string' && typeof user.language_code === 'string';
  }

  function saveUsers() {
    try {
      localStorage.setItem(USERS_KEY, JSON.stringify(state.users));
      localStorage.setItem(CURRENT_KEY, String(state.user.id));
    } catch {
      // Private windows may refuse storage; the chat still works for this visit.
    }
  }

  /** ?user=42&name=Ann&lang=en picks (or adds) a user, e.g. for a link to a given chat. */
  function initialUser() {
    const params = new URLSearchParams(location.search);
    const id = Number(params.get('user'));
    if (Number.isSafeInteger(id) && id > 0) {
      const known = state.users.find((user) => user.id === id);
      const user = {
        id,
        first_name: params.get('name') || (known && known.first_name) || `User ${id}`,
        language_code: params.get('lang') || (known && known.language_code) || 'en',
      };
      return addUser(user);
    }
    const current = Number(localStorage.getItem(CURRENT_KEY));
    return state.users.find((user) => user.id === current) || state.users[0];
  }

  function addUser(user) {
    state.users = [...state.users.filter((known) => known.id !== user.id), user];
    return user;
  }

  function selectUser(user) {
    state.user = user;
    saveUsers();
    ui.userName.textContent = user.first_name;
    ui.userAvatar.textContent = [...user.first_name][0] || '?';
    ui.userButton.title = `Playing ${user.first_name} (id ${user.id}, ${user.language_code}); click to switch`;
    state.commands = [];
    toggleMenu(false);
    clearChat();
    connect();
    loadCommands();
  }

  function openUsers() {
    ui.userList.replaceChildren(
      ...state.users.map((user) => {
        const item = el('li');
        const button = el('button');
        button.type = 'button';
        button.dataset.userId = String(user.id);
        button.setAttribute('aria-current', String(user.id === state.user.id));
        const avatar = el('span', 'avatar user-avatar', [...user.first_name][0] || '?');
        const label = el('span');
        label.append(document.createTextNode(`${user.first_name} `), el('small', '', `#${user.id} · ${user.language_code}`));
        button.append(avatar, label);
        item.append(button);
        return item;
      }),
    );
    ui.userForm.reset();
    ui.userDialog.showModal();
  }

  function createUser(event) {
    if (!event.submitter || event.submitter.value !== 'create') return;
    event.preventDefault();
    const form = new FormData(ui.userForm);
    const firstName = String(form.get('first_name') || '').trim();
    if (!firstName) return;
    const typedId = Number(form.get('id'));
    const id = Number.isSafeInteger(typedId) && typedId > 0 ? typedId : 100000 + Math.floor(Math.random() * 899999999);
    const user = addUser({ id, first_name: firstName, language_code: String(form.get('language_code') || 'en') });
    ui.userDialog.close();
    selectUser(user);
  }

  // ---- small helpers ----

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  let toastTimer = 0;
  function toast(text) {
    ui.toast.textContent = text;
    ui.toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      ui.toast.hidden = true;
    }, 3200);
  }

  function notice(text) {
    ui.noticeText.textContent = text;
    ui.noticeDialog.showModal();
  }

  // ---- wiring ----

  ui.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = ui.input.value;
    ui.input.value = '';
    ui.input.style.height = '';
    toggleMenu(false);
    sendText(text);
  });
  ui.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.composer.requestSubmit();
    } else if (event.key === 'Escape') {
      toggleMenu(false);
    }
  });
  ui.input.addEventListener('input', () => {
    ui.input.style.height = 'auto';
    ui.input.style.height = `${ui.input.scrollHeight}px`;
    const value = ui.input.value;
    if (/^\/\w*$/.test(value)) toggleMenu(true, value);
    else if (!ui.commandMenu.hidden) toggleMenu(false);
  });
  ui.menuButton.addEventListener('click', () => toggleMenu());
  document.addEventListener('click', (event) => {
    const command = event.target.closest('[data-command]');
    if (command) {
      toggleMenu(false);
      ui.input.value = '';
      sendText(command.dataset.command);
      return;
    }
    if (!ui.commandMenu.hidden && !event.target.closest('#command-menu, #menu-button')) toggleMenu(false);
  });
  ui.payConfirm.addEventListener('click', pay);
  ui.userButton.addEventListener('click', openUsers);
  ui.userList.addEventListener('click', (event) => {
    const button = event.target.closest('[data-user-id]');
    if (!button) return;
    ui.userDialog.close();
    const user = state.users.find((known) => known.id === Number(button.dataset.userId));
    if (user && user.id !== state.user.id) selectUser(user);
  });
  ui.userForm.addEventListener('submit', createUser);
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', () => state.following && scrollToBottom());
  new ResizeObserver(() => state.following && scrollToBottom()).observe(ui.messages);

  api('/bot')
    .then(({ bot }) => {
      ui.botName.textContent = bot.first_name;
      document.title = `${bot.first_name} · local chat`;
    })
    .catch(() => undefined);
  loadUsers();
  selectUser(initialUser());
})();
