// The presenter console: drives the session and mirrors every change, including those made from another
// presenter device (the server orders clicks; versions keep every view from jumping back).
import { showStatus } from './live-connection.js';
import { followAsStaff, shownState, commandSender } from './live-session.js';
import { showSlide, cutFragments } from './slide-view.js';
import { errorMessage } from './refusal.js';
import { setupModeration } from './presenter-qna.js';
import { setupPollPanel } from './presenter-polls.js';
import { setupPrivacyPanel } from './presenter-privacy.js';
import { setupRehearsal } from './presenter-rehearsal.js';
import { setupCaptionsPane } from './presenter-captions.js';
import { setupPen } from './presenter-pen.js';
import { SpeakerClock, formatDuration, pacing, everyHalfSecond } from './speaker-clock.js';

// Forms that end something for good ("Sign out every device") ask first. First in the module, so that it works
// even on a console whose deck has errors.
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}

const root = document.getElementById('presenter');
const code = root.dataset.code;
const slideCount = Number(root.dataset.slideCount);
const currentSlide = document.getElementById('current-slide');
const nextSlide = document.getElementById('next-slide');
const nextHeading = document.getElementById('next-heading');
const notes = document.getElementById('notes');
const slideNumber = document.getElementById('slide-number');
const audienceCount = document.getElementById('audience-count');
const controlError = document.getElementById('control-error');
const statusElement = document.getElementById('live-status');

let position = { slide: Number(root.dataset.slide), fragment: Number(root.dataset.fragment) };

const template = (id) => document.getElementById(id);
const fragmentsOf = (slide) => Number(template(`slide-${slide}`)?.dataset.fragments ?? 0);

function render() {
  if (!currentSlide) return;
  const { slide, fragment } = position;
  const previous = Number(currentSlide.dataset.slide);
  showSlide(currentSlide, template(`slide-${slide}`).innerHTML, { fragment, animateFrom: previous === slide ? Number(currentSlide.dataset.fragment) : undefined });
  currentSlide.dataset.slide = String(slide);
  currentSlide.dataset.fragment = String(fragment);

  // "Next" is the next fragment while the slide has more, else the next slide.
  const fragments = fragmentsOf(slide);
  if (fragment < fragments) {
    showSlide(nextSlide, template(`slide-${slide}`).innerHTML);
    cutFragments(nextSlide, fragment + 1);
    nextHeading.textContent = `Next: step ${fragment + 1} of ${fragments}`;
  } else if (slide + 1 < slideCount) {
    showSlide(nextSlide, template(`slide-${slide + 1}`).innerHTML);
    cutFragments(nextSlide, 0);
    nextHeading.textContent = 'Next slide';
  } else {
    showSlide(nextSlide, '<p class="end-of-deck">End of the deck</p>');
    nextHeading.textContent = 'Next';
  }

  notes.innerHTML = template(`notes-${slide}`).innerHTML;
  notes.scrollTop = 0;
  slideNumber.textContent = `Slide ${slide + 1} of ${slideCount}` + (fragments > 0 ? ` · step ${fragment} of ${fragments}` : '');
  overview.markCurrent(slide);
  pollPanel?.slideChanged();
  pen?.slideChanged(slide);
}

const shown = shownState(root, (state) => {
  position = { slide: state.slide, fragment: state.fragment };
  render();
});

// With several nodes each reports its own phones; the console adds them up by node.
const countsByNode = new Map();
function showCount(message) {
  countsByNode.set(message.node, message.count);
  const count = [...countsByNode.values()].reduce((sum, n) => sum + n, 0);
  audienceCount.textContent = count === 1 ? '1 phone' : `${count} phones`;
}

// Time: the shared timer, the wall clock and pacing against the deck's planned duration.
const speakerBar = document.getElementById('speaker-bar');
const plannedMs = Number(speakerBar?.dataset.plannedMs ?? 0);
const clock = new SpeakerClock();
const timerValue = document.getElementById('timer');
const timerToggle = document.getElementById('timer-toggle');
const pacingElement = document.getElementById('pacing');
const wallClock = document.getElementById('wall-clock');
const deliveryElement = document.getElementById('delivery');
const timeOfDay = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit' });

function showTimer(timer) {
  clock.set(timer);
  if (timerToggle) timerToggle.textContent = timer.running ? 'Pause timer' : timer.elapsedMs > 0 ? 'Resume timer' : 'Start timer';
  tick();
}

function tick() {
  if (!speakerBar) return;
  const elapsed = clock.elapsed;
  timerValue.textContent = formatDuration(elapsed);
  speakerBar.dataset.running = String(clock.running);
  const pace = clock.running || elapsed > 0 ? pacing(elapsed, plannedMs, position.slide, slideCount) : { kind: 'none', text: plannedMs ? `Planned ${Math.round(plannedMs / 60000)} min · start the timer when you begin` : 'No planned duration in the deck' };
  pacingElement.dataset.kind = pace.kind;
  pacingElement.textContent = pace.text;
  wallClock.textContent = timeOfDay.format(new Date());
}
everyHalfSecond(tick);

const deliveriesByNode = new Map();
function showDelivery(message) {
  if (!deliveryElement) return;
  deliveriesByNode.set(message.node, message);
  const all = [...deliveriesByNode.values()];
  const version = Math.max(...all.map((d) => d.version));
  const current = all.filter((d) => d.version === version);
  const p95s = current.map((d) => d.p95Ms).filter((v) => v != null);
  const delivery = {
    phones: all.reduce((sum, d) => sum + d.phones, 0),
    onCurrent: current.reduce((sum, d) => sum + d.onCurrent, 0),
    slide: Math.max(...current.map((d) => d.slide)),
    p95Ms: p95s.length ? Math.max(...p95s) : null,
  };
  if (delivery.phones === 0) {
    deliveryElement.textContent = 'No phones connected';
    deliveryElement.dataset.kind = 'none';
    return;
  }
  const where = delivery.slide >= 0 ? `slide ${delivery.slide + 1}` : 'the current slide';
  const speed = delivery.p95Ms == null ? '' : ` · p95 ${Math.round(delivery.p95Ms)} ms`;
  deliveryElement.textContent = `${delivery.onCurrent} of ${delivery.phones} phones on ${where}${speed}`;
  deliveryElement.dataset.kind = delivery.onCurrent >= delivery.phones ? 'all' : 'some';
}

// The projector: blackout and the join QR code, shared with the projector window and other presenter devices.
let projector = { blackout: false, joinOverlay: false, revision: 0 };
function showProjector(state) {
  if (state.revision < projector.revision) return;
  projector = state;
  document.getElementById('toggle-blackout')?.setAttribute('aria-pressed', String(state.blackout));
  document.getElementById('toggle-qr')?.setAttribute('aria-pressed', String(state.joinOverlay));
}

let moderation = null;
let pollPanel = null;
let privacyPanel = null;
let captionsPane = null;
let pen = null;
const { connection } = followAsStaff(code, shown, {
  onStatus: (state) => showStatus(statusElement, state),
  projector: { revision: () => projector.revision, show: (state) => showProjector(state) },
  onJoined: async (joined, hub) => {
    await hub.invoke('WatchRoom', code);
    privacyPanel?.joined(joined.state);
    showCount(joined.audienceCount);
    showTimer(joined.timer);
    showProjector(joined.projector);
    captionsPane?.joined(joined.projector);
    showDelivery(joined.delivery);
    await moderation?.refresh();
    await pollPanel?.refresh();
    await pen?.joined();
  },
});
moderation = setupModeration(connection, code);
pollPanel = setupPollPanel(connection, code, () => position.slide);
privacyPanel = setupPrivacyPanel(connection, code, { onErased: () => { moderation?.refresh(); pollPanel?.refresh(); } });
setupRehearsal(connection, code, { onLive: () => { moderation?.refresh(); pollPanel?.refresh(); } });
captionsPane = setupCaptionsPane(connection, code);
if (currentSlide) {
  pen = setupPen(connection, code, {
    slide: () => position.slide,
    stage: currentSlide.parentElement,
    showError: (error) => {
      controlError.textContent = errorMessage(error);
      controlError.hidden = false;
    },
  });
}
connection.on('AudienceCountChanged', showCount);
connection.on('DeliveryChanged', showDelivery);
connection.on('TimerChanged', showTimer);
connection.on('ProjectorChanged', showProjector);
connection.on('DeckReloaded', () => window.location.reload());

const send = commandSender(connection, code, {
  apply: shown.apply,
  onDone: (answer) => {
    if (answer && typeof answer.elapsedMs === 'number') showTimer(answer);
    else if (answer && typeof answer.blackout === 'boolean') showProjector(answer);
    controlError.hidden = true;
  },
  onError: (error) => {
    controlError.textContent = error ? errorMessage(error) : 'Not connected to the server; reconnecting…';
    controlError.hidden = false;
  },
});

// The overview: every slide by number and title, searchable by its text; Enter or a click jumps there.
const overview = (() => {
  const dialog = document.getElementById('overview');
  const search = document.getElementById('overview-search');
  const list = document.getElementById('overview-list');
  const empty = document.getElementById('overview-empty');
  if (!dialog) return { open() {}, markCurrent() {} };
  const items = [];
  for (let index = 0; index < slideCount; index++) {
    const source = template(`slide-${index}`);
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    const number = document.createElement('span');
    number.className = 'number';
    number.textContent = String(index + 1);
    const title = document.createElement('span');
    title.textContent = source.dataset.title;
    button.append(number, title);
    button.addEventListener('click', () => {
      dialog.close();
      send('GoToSlide', index, 0);
    });
    item.append(button);
    list.append(item);
    items.push({ item, button, text: `${index + 1} ${source.dataset.title} ${source.dataset.text}`.toLowerCase() });
  }
  search.addEventListener('input', () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let visible = 0;
    for (const entry of items) {
      entry.item.hidden = !words.every((word) => entry.text.includes(word));
      if (!entry.item.hidden) visible++;
    }
    empty.hidden = visible > 0;
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') items.find((entry) => !entry.item.hidden)?.button.click();
    // A search field takes Esc to clear itself, so the dialog would need a second one: close it at the first.
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
    }
  });
  return {
    open() {
      search.value = '';
      search.dispatchEvent(new Event('input'));
      dialog.showModal();
      search.focus();
    },
    markCurrent(slide) {
      items.forEach((entry, index) => entry.button.setAttribute('aria-current', String(index === slide)));
    },
  };
})();

const actions = {
  next: () => send('NextStep'),
  previous: () => send('PreviousStep'),
  first: () => send('FirstSlide'),
  last: () => send('LastSlide'),
  'open-overview': () => overview.open(),
  'timer-toggle': () => send(clock.running ? 'PauseTimer' : 'StartTimer'),
  'timer-reset': () => send('ResetTimer'),
  'toggle-blackout': () => send('SetProjector', !projector.blackout, projector.joinOverlay),
  'toggle-qr': () => send('SetProjector', projector.blackout, !projector.joinOverlay),
  'open-help': () => document.getElementById('help')?.showModal(),
  draw: () => pen?.toggle(),
};
for (const [id, action] of Object.entries(actions)) {
  document.getElementById(id)?.addEventListener('click', action);
}

// Keys of keyboards and presentation clickers (which send PageUp/PageDown or arrows).
const keys = {
  ArrowRight: actions.next, ArrowDown: actions.next, PageDown: actions.next, ' ': actions.next, n: actions.next,
  ArrowLeft: actions.previous, ArrowUp: actions.previous, PageUp: actions.previous, p: actions.previous,
  Home: actions.first, End: actions.last, o: actions['open-overview'], g: actions['open-overview'],
  t: actions['timer-toggle'], b: actions['toggle-blackout'], q: actions['toggle-qr'], '?': actions['open-help'], d: actions.draw,
};
// Inputs that are not typed in or slid: a switch, a button. A mouse click leaves the focus on them, and a
// clicker's keys must still reach the talk from there.
const UNTYPED_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'color', 'file']);
const isTextField = (target) =>
  target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable)
  || (target instanceof HTMLInputElement && !UNTYPED_INPUTS.has(target.type));
document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (isTextField(target)) return;
  if (event.altKey || event.ctrlKey || event.metaKey || document.querySelector('dialog[open]')) return;
  // Space is "next" to a speaker, so it does not also press the focused button or flip the focused switch (which
  // would pause the timer or stop reviewing questions); Enter presses a button as usual, and flips a switch too.
  if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'checkbox') {
    event.preventDefault();
    target.click();
    return;
  }
  const action = keys[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
});

render();
