// The caption console: what is typed reaches the phones as it is typed (the line in progress, at most four times a
// second), and Enter sends it as a caption line, kept with the slide the room was on when the line was begun.
// Lines sent while the connection is away wait here and go when it is back: nothing typed is lost.
import { connectLive, showStatus } from './live-connection.js';
import { showSlide } from './slide-view.js';
import { errorMessage } from './refusal.js';

const root = document.getElementById('captions');
const code = root.dataset.code;
const input = document.getElementById('caption-input');
const sendButton = document.getElementById('caption-send');
const count = document.getElementById('caption-count');
const echo = document.getElementById('caption-draft-echo');
const error = document.getElementById('caption-error');
const sent = document.getElementById('caption-sent');
const sentEmpty = document.getElementById('caption-sent-empty');
const kept = document.getElementById('caption-kept');
const slideElement = document.getElementById('caption-slide');
const slideNumber = document.getElementById('caption-slide-number');
const statusElement = document.getElementById('live-status');
const MAX = Number(input.maxLength);

/** At most one update of the line in progress per this many milliseconds. */
const DRAFT_EVERY_MS = 250;
/** A line this long is sent at its last space, and typing goes on in a new one. */
const BREAK_AT = 300;

let live = { version: Number(root.dataset.version), slide: Number(root.dataset.slide), slideCount: Number(root.dataset.slideCount) };
/** The slide the room was on when the line being typed was begun. */
let startedOn = null;
let lastDraft = '';
let lastDraftAt = -Infinity;
let draftTimer = 0;
/** Lines waiting to be sent, oldest first: each { text, slide, item }. */
const queue = [];
let flushing = false;

const connected = () => connection.state === signalR.HubConnectionState.Connected;
const message = errorMessage;

function showError(text) {
  error.textContent = text ?? '';
  error.hidden = !text;
}

function showState(state) {
  if (state.version < live.version) return;
  live = { version: state.version, slide: state.slide, slideCount: state.slideCount };
  showSlide(slideElement, state.slideCount === 0 ? '<p class="waiting">The presentation will start shortly.</p>' : state.html);
  slideNumber.textContent = state.slideCount === 0 ? 'waiting' : `slide ${state.slide + 1} of ${state.slideCount}`;
  if (state.ended) ended();
}

function ended() {
  input.disabled = true;
  sendButton.disabled = true;
  showError('This talk has ended: it takes no more captions.');
}

function describe(item, { slide, note, state }) {
  item.dataset.state = state;
  item.querySelector('.caption-slide').textContent = slide === null ? '…' : `Slide ${slide + 1}`;
  item.querySelector('.caption-note').textContent = note ?? '';
}

function listItem(text) {
  const item = document.createElement('li');
  const slide = document.createElement('span');
  slide.className = 'caption-slide';
  const body = document.createElement('span');
  const words = document.createElement('span');
  words.className = 'caption-text';
  words.dir = 'auto';
  words.textContent = text;
  const note = document.createElement('span');
  note.className = 'caption-note';
  body.append(words, note);
  item.append(slide, body);
  sent.append(item);
  sentEmpty.hidden = true;
  sent.scrollTop = sent.scrollHeight;
  return item;
}

/** A line committed by anyone (another captioner, the endpoint), or this console's own once the server has it. */
function showLine(line) {
  if (sent.querySelector(`li[data-id="${line.id}"]`)) return;
  const item = listItem(line.text);
  item.dataset.id = String(line.id);
  describe(item, { slide: line.slide, state: 'sent' });
}

async function sendDraft() {
  draftTimer = 0;
  const text = input.value;
  if (text === lastDraft || !connected()) return;
  lastDraft = text;
  lastDraftAt = performance.now();
  try {
    echo.textContent = (await connection.invoke('TypeCaption', code, text)).text;
    showError(null);
  } catch (e) {
    showError(message(e));
  }
}

function scheduleDraft() {
  if (draftTimer) return;
  draftTimer = setTimeout(sendDraft, Math.max(0, lastDraftAt + DRAFT_EVERY_MS - performance.now()));
}

async function flush() {
  if (flushing) return;
  flushing = true;
  try {
    while (queue.length > 0 && connected()) {
      const line = queue[0];
      try {
        const receipt = await connection.invoke('CommitCaption', code, line.text, line.slide);
        queue.shift();
        line.item.dataset.id = String(receipt.id);
        line.item.querySelector('.caption-text').textContent = receipt.text;
        describe(line.item, { slide: receipt.slide, state: 'sent', note: receipt.masked ? `Masked before it was sent: ${receipt.masked}.` : null });
        showError(null);
      } catch (e) {
        const text = message(e);
        if (/not saved yet|cannot reach its database|reconnecting/i.test(text) || !connected()) {
          // Worth sending again once the connection or the database is back: it stays first in the queue.
          describe(line.item, { slide: line.slide, state: 'sending', note: 'Waiting to be sent…' });
          break;
        }
        queue.shift();
        describe(line.item, { slide: line.slide, state: 'failed', note: `Not sent: ${text}` });
        showError(text);
        if (text.includes('has ended')) ended();
      }
    }
  } finally {
    flushing = false;
  }
}

/** Sends the line typed so far (or up to `end`) and keeps the rest in the box. */
function commit(end = input.value.length) {
  const text = input.value.slice(0, end).trim();
  const rest = input.value.slice(end).replace(/^\s+/, '');
  if (!text) return;
  const slide = startedOn ?? live.slide;
  input.value = rest;
  startedOn = rest ? live.slide : null;
  clearTimeout(draftTimer);
  draftTimer = 0;
  // The committed line replaces the line in progress on every phone; what is left starts the next one.
  lastDraft = '';
  echo.textContent = '';
  const item = listItem(text);
  describe(item, { slide, state: 'sending', note: connected() ? null : 'Waiting to be sent…' });
  queue.push({ text, slide, item });
  updateCount();
  flush();
  if (rest) scheduleDraft();
}

function updateCount() {
  count.textContent = `${input.value.length} / ${MAX}`;
}

input.addEventListener('input', () => {
  if (!input.value.trim()) startedOn = null;
  else startedOn ??= live.slide;
  if (input.value.length >= BREAK_AT) {
    const space = input.value.lastIndexOf(' ', BREAK_AT);
    commit(space > 0 ? space : BREAK_AT);
    return;
  }
  updateCount();
  scheduleDraft();
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    commit();
  } else if (event.key === 'Escape') {
    input.value = '';
    startedOn = null;
    updateCount();
    scheduleDraft();
  }
});
sendButton.addEventListener('click', () => {
  commit();
  input.focus();
});

const connection = connectLive({
  onStatus: (state) => showStatus(statusElement, state),
  onConnected: async (hub) => {
    const joined = await hub.invoke('JoinAsCaptioner', code);
    showState(joined.state);
    for (const line of joined.lines) showLine(line);
    showKept(joined.kept);
    lastDraft = null;
    if (input.value) scheduleDraft();
    flush();
  },
});
connection.on('SlideChanged', showState);
connection.on('StateHeartbeat', async (heartbeat) => {
  if (heartbeat.version > live.version) showState((await connection.invoke('JoinAsCaptioner', code)).state);
});
connection.on('DeckReloaded', async () => showState((await connection.invoke('JoinAsCaptioner', code)).state));
connection.on('CaptionCommitted', (line) => {
  // This console's own lines are shown when their receipt comes; others' as they arrive.
  if (!queue.some((waiting) => waiting.text === line.text)) showLine(line);
});
connection.on('CaptionTyping', (draft) => { echo.textContent = draft.text; });
connection.on('CaptionsCleared', () => {
  sent.replaceChildren();
  sentEmpty.hidden = false;
  sentEmpty.textContent = 'The captions were deleted (the talk ended, or they are not kept).';
});
connection.on('CaptionSettingsChanged', (settings) => showKept(settings.kept));
connection.on('SessionStatusChanged', (status) => {
  if (status.ended) {
    ended();
  } else {
    input.disabled = false;
    sendButton.disabled = false;
    showError(null);
  }
});

function showKept(isKept) {
  kept.dataset.kept = String(isKept);
  kept.textContent = isKept
    ? 'The speaker keeps these captions after the talk, with the slides they were said on.'
    : 'These captions are deleted when the talk ends (the speaker can keep them from the console).';
}

if (root.dataset.ended === 'true') ended();
updateCount();
input.focus();
