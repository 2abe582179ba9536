// The presenter console: drives the session and mirrors every change, including those made from another
// presenter device (the server orders clicks; versions keep every view from jumping back).
import { connectLive, showStatus } from './live-connection.js';

const root = document.getElementById('presenter');
const code = root.dataset.code;
const slideCount = Number(root.dataset.slideCount);
const currentSlide = document.getElementById('current-slide');
const nextSlide = document.getElementById('next-slide');
const notes = document.getElementById('notes');
const slideNumber = document.getElementById('slide-number');
const audienceCount = document.getElementById('audience-count');
const controlError = document.getElementById('control-error');
const statusElement = document.getElementById('live-status');

let version = Number(root.dataset.version);

function template(id) {
  const element = document.getElementById(id);
  return element ? element.innerHTML : '';
}

function apply(state) {
  if (state.version < version) return;
  version = state.version;
  root.dataset.version = String(state.version);
  root.dataset.slide = String(state.slide);
  root.dataset.fragment = String(state.fragment);
  if (!currentSlide) return;
  currentSlide.innerHTML = template(`slide-${state.slide}`);
  nextSlide.innerHTML = state.slide + 1 < slideCount ? template(`slide-${state.slide + 1}`) : '<p class="end-of-deck">End of the deck</p>';
  notes.innerHTML = template(`notes-${state.slide}`);
  notes.scrollTop = 0;
  slideNumber.textContent = `Slide ${state.slide + 1} of ${slideCount}`;
}

function showCount(count) {
  audienceCount.textContent = count === 1 ? '1 phone' : `${count} phones`;
}

const connection = connectLive({
  onStatus: (state) => showStatus(statusElement, state),
  onConnected: async (hub) => {
    const joined = await hub.invoke('JoinAsPresenter', code);
    apply(joined.state);
    showCount(joined.audienceCount);
  },
});
connection.on('SlideChanged', apply);
connection.on('AudienceCountChanged', (message) => showCount(message.count));
connection.on('DeckReloaded', () => window.location.reload());

async function send(method, ...args) {
  if (connection.state !== signalR.HubConnectionState.Connected) {
    controlError.textContent = 'Not connected to the server; reconnecting…';
    controlError.hidden = false;
    return;
  }
  try {
    apply(await connection.invoke(method, code, ...args));
    controlError.hidden = true;
  } catch (error) {
    controlError.textContent = error.message.replace(/^.*HubException: /, '');
    controlError.hidden = false;
  }
}

const actions = {
  next: () => send('NextStep'),
  previous: () => send('PreviousStep'),
  first: () => send('FirstSlide'),
  last: () => send('LastSlide'),
};
for (const [id, action] of Object.entries(actions)) {
  document.getElementById(id)?.addEventListener('click', action);
}

// Keys of keyboards and presentation clickers (which send PageUp/PageDown or arrows).
const keys = {
  ArrowRight: actions.next, ArrowDown: actions.next, PageDown: actions.next, ' ': actions.next, n: actions.next,
  ArrowLeft: actions.previous, ArrowUp: actions.previous, PageUp: actions.previous, p: actions.previous,
  Home: actions.first, End: actions.last,
};
document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
  if (target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const action = keys[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
});
