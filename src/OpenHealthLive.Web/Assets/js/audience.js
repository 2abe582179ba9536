// The audience page: follows the presenter live, lets a phone look back at slides already shown, and
// returns to live with one tap. Works on plain HTTP on a venue LAN (no secure-context APIs).
import { showStatus } from './live-connection.js';
import { followSession } from './live-session.js';
import { showSlide } from './slide-view.js';
import { setupQna } from './audience-qna.js';
import { setupPolls } from './audience-polls.js';
import { setupPrivacy } from './audience-privacy.js';
import { t } from './audience-text.js';

const root = document.getElementById('audience');
const slideElement = document.getElementById('slide');
const announcer = document.getElementById('slide-announcer');
const position = document.getElementById('position');
const backButton = document.getElementById('back');
const forwardButton = document.getElementById('forward');
const toLiveButton = document.getElementById('to-live');
const statusElement = document.getElementById('live-status');
const languageSelect = document.getElementById('deck-language');
const code = root.dataset.code;
// The bar's height follows its title (one or two lines, the controls beside or under it): the tabs stick under it.
const bar = document.querySelector('.audience-bar');
if (bar && 'ResizeObserver' in window) new ResizeObserver(() => root.style.setProperty('--bar-height', `${bar.offsetHeight}px`)).observe(bar);
/** The slides' language (the page's words may be in another: audience-text.js); the switcher is audience-language.js. */
let language = root.dataset.language || null;

/** The latest state from the server. */
let live = {
  slide: Number(root.dataset.slide),
  fragment: Number(root.dataset.fragment),
  version: Number(root.dataset.version),
  slideCount: Number(root.dataset.slideCount),
  shown: (root.dataset.shown ?? '').split(',').filter(Boolean).map(Number),
  deck: root.dataset.deck,
  language,
};
/** The slide a person is looking back at, or null when following live. */
let viewing = null;
/** Slides already seen on this phone: index -> html. Kept in localStorage too, so a reload while offline still has them. */
const seen = new Map([[live.slide, slideElement.innerHTML]]);
const storeKey = `ohl.slides.${code}`;
function remember() {
  try {
    localStorage.setItem(storeKey, JSON.stringify({ live, seen: Object.fromEntries(seen) }));
  } catch { /* private mode or full: memory only */ }
}
(() => {
  // A page served from the service worker's cache (offline) may be older than what this phone last showed.
  try {
    const stored = JSON.parse(localStorage.getItem(storeKey) ?? 'null');
    if (!stored || stored.live.deck !== live.deck || stored.live.language !== live.language) return;
    for (const [index, html] of Object.entries(stored.seen)) if (!seen.has(Number(index))) seen.set(Number(index), html);
    if (stored.live.version > live.version) {
      live = stored.live;
      slideElement.innerHTML = seen.get(live.slide) ?? slideElement.innerHTML;
    }
  } catch { /* nothing usable stored */ }
})();

let shown = { slide: -1, fragment: 0 };

/**
 * The slides the room has been shown, in order: a phone looks back at these and only these (a presenter who jumps
 * ahead and back has not shown the slides in between). A state stored by an older page has none: the live slide.
 */
const shownSlides = () => live.shown ?? [live.slide];
const previousShown = (index) => shownSlides().filter((s) => s < index).pop() ?? -1;
const nextShown = (index) => shownSlides().find((s) => s > index) ?? -1;

function render(index, html, fragment = Number.MAX_SAFE_INTEGER) {
  // Animate fragments only when the presenter steps through the slide this phone is already showing.
  const animateFrom = shown.slide === index && viewing === null ? shown.fragment : undefined;
  showSlide(slideElement, html, { fragment, animateFrom });
  shown = { slide: index, fragment };
  root.dataset.viewing = viewing === null ? 'live' : String(index);
  root.dataset.shownSlide = String(index);
  const following = viewing === null;
  position.textContent = live.slideCount === 0 ? t('WaitingPresenter') : t('Position', index + 1, live.slideCount);
  toLiveButton.hidden = following;
  backButton.disabled = previousShown(index) < 0;
  // Slides already shown lie ahead of live when the presenter has gone back; swipe and arrow keys reach them too.
  forwardButton.disabled = nextShown(index) < 0;
  announcer.textContent = following ? t('SlideAnnounce', index + 1) : t('LookingBack', index + 1);
  pen?.then((p) => p.show());
}

/** `joined`: the answer to a join, whose language wins; a change pushed in another is from before a switch. */
function apply(state, joined = false) {
  if (state.language && state.language !== language) {
    if (!joined) return;
    slideElement.lang = language = state.language;
  }
  const deckChanged = state.deck !== live.deck;
  const languageChanged = (state.language ?? null) !== (live.language ?? null);
  // Versions only grow: a late or duplicated message never moves the phone backwards.
  if (!deckChanged && !languageChanged && state.version <= live.version) return;
  if (deckChanged || languageChanged) seen.clear();
  live = state;
  root.dataset.version = String(state.version);
  seen.set(state.slide, state.html);
  remember();
  if (viewing !== null && !shownSlides().includes(viewing)) viewing = null;
  if (viewing === null) {
    render(state.slide, state.slideCount === 0 ? `<p class="waiting">${t('Waiting')}</p>` : state.html, state.fragment);
    acknowledge();
  } else {
    backButton.disabled = previousShown(viewing) < 0;
    forwardButton.disabled = nextShown(viewing) < 0;
    if (languageChanged) show(viewing);
  }
}

/** A deck with translations is joined in the slides' language; the switcher is there for the page's words too. */
const translated = languageSelect?.querySelectorAll('option[data-deck]').length > 1;
const join = (hub) => (translated ? hub.invoke('JoinSessionIn', code, language) : hub.invoke('JoinSession', code));

/** How long after painting a version the phone acknowledges it (see acknowledge()). */
const ACKNOWLEDGE_AFTER_MS = 1000;
/** The live version this phone painted last and has not told the server about yet, and when it was painted. */
let painted = null;
let acknowledgeTimer = 0;

/**
 * Tells the server this phone shows the live version, so the presenter sees that the room is with them. Not at
 * once: a whole room painting the same change would answer while the server is still sending that change to the
 * rest of the room. A second after painting, the phone reports the newest version it shows and how long it has
 * shown it, so the server's delivery figures still run from the change being sent to the slide being on screen.
 * By then the change has reached the room, and the acknowledgements arrive together, which costs the server less
 * than the same number spread out. A presenter stepping quickly costs one acknowledgement per phone per second.
 */
function acknowledge() {
  painted = { version: live.version, at: performance.now() };
  if (acknowledgeTimer) return;
  acknowledgeTimer = setTimeout(() => {
    acknowledgeTimer = 0;
    const { version, at } = painted;
    if (connection?.state === signalR.HubConnectionState.Connected) {
      connection.send('AcknowledgeSlide', code, version, Math.round(performance.now() - at)).catch(() => {});
    }
  }, ACKNOWLEDGE_AFTER_MS);
}

async function show(index) {
  if (!shownSlides().includes(index)) return;
  if (index === live.slide) {
    viewing = null;
    render(live.slide, seen.get(live.slide) ?? slideElement.innerHTML, live.fragment);
    acknowledge();
    return;
  }
  viewing = index;
  askInk(index);
  let html = seen.get(index);
  if (html === undefined) {
    try {
      // Slides shown before this phone joined; the server only answers for slides already presented.
      const query = language ? `?lang=${encodeURIComponent(language)}` : '';
      const response = await fetch(`/api/sessions/${encodeURIComponent(code)}/slides/${index}${query}`, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      html = (await response.json()).html;
      seen.set(index, html);
      remember();
    } catch {
      announcer.textContent = t('SlideUnavailable');
      if (viewing === index) show(live.slide);
      return;
    }
  }
  if (viewing === index) render(index, html);
}

backButton.addEventListener('click', () => show(previousShown(viewing ?? live.slide)));
forwardButton.addEventListener('click', () => show(nextShown(viewing ?? live.slide)));
toLiveButton.addEventListener('click', () => show(live.slide));

document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
  if (event.key === 'ArrowLeft') show(previousShown(viewing ?? live.slide));
  else if (event.key === 'ArrowRight') show(nextShown(viewing ?? live.slide));
});

// A horizontal one-finger swipe looks back or forward; pinch-zoom (two fingers) is left alone.
let touchStart = null;
slideElement.addEventListener('touchstart', (event) => {
  touchStart = event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
}, { passive: true });
slideElement.addEventListener('touchend', (event) => {
  if (!touchStart || event.changedTouches.length !== 1) return;
  const dx = event.changedTouches[0].clientX - touchStart.x;
  const dy = event.changedTouches[0].clientY - touchStart.y;
  touchStart = null;
  if (Math.abs(dx) > 60 && Math.abs(dy) < 50 && window.visualViewport?.scale <= 1.01) {
    const from = viewing ?? live.slide;
    show(dx < 0 ? nextShown(from) : previousShown(from));
  }
}, { passive: true });

let qna = null;
let polls = null;
let privacy = null;
let captions = null;
const statusLabels = Object.fromEntries(['connecting', 'live', 'reconnecting', 'offline'].map((state) => [state, t(`Status.${state}`)]));
const { connection, rejoin } = followSession({
  join,
  apply,
  version: () => live.version,
  onStatus: (state) => {
    showStatus(statusElement, state, statusLabels);
    const note = document.getElementById('offline-note');
    note.hidden = state !== 'offline' && state !== 'reconnecting';
    note.textContent = state === 'offline' ? t('Offline') : t('Reconnecting');
  },
  onJoined: async (joined) => {
    privacy?.joined(joined);
    // apply() ignores a state it already shows; the acknowledgement is still owed on this new connection.
    if (viewing === null) acknowledge();
    await qna?.refresh();
    await polls?.refresh();
    await captions?.joined();
    inkAsked.clear();
    askInk(live.slide);
  },
});
qna = setupQna(connection, code);
// After an erase, what this phone shows of its own questions and votes is gone on the server: ask again.
privacy = setupPrivacy(connection, code, { onErased: () => { qna.refresh().catch(() => {}); polls?.refresh().catch(() => {}); } });

// The pen: its code loads once a slide with strokes arrives (docs/authoring.md, "The pen"). The server sends a slide's
// strokes when the talk reaches it; a phone asks when it joins and when it looks back.
let pen = null;
const inkAsked = new Set();
const ink = (message) => (pen ??= import('./audience-pen.js').then((m) => m.setupPen(root, slideElement))).then((p) => p.changed(message));
async function askInk(index) {
  if (inkAsked.has(index) || connection.state !== signalR.HubConnectionState.Connected) return;
  inkAsked.add(index);
  const strokes = await connection.invoke('GetStrokes', code, index).catch(() => []);
  if (strokes.length || pen) ink({ slide: index, kind: 'slide', strokes });
}
connection.on('InkChanged', (message) => {
  if (message.kind === 'slide') inkAsked.add(message.slide);
  ink(message);
});
connection.on('DeckReloaded', () => rejoin());

render(live.slide, slideElement.innerHTML, live.fragment);

// Tap an image or a table to open it full screen, where it can be pinch-zoomed and panned.
const viewer = document.getElementById('zoom-viewer');
const viewerContent = viewer?.querySelector('.zoom-content');
slideElement.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('img, table') : null;
  if (!target || !viewer) return;
  viewerContent.replaceChildren(target.cloneNode(true));
  viewer.hidden = false;
  viewer.querySelector('.zoom-close').focus();
});
viewer?.querySelector('.zoom-close').addEventListener('click', () => {
  viewer.hidden = true;
  viewerContent.replaceChildren();
  slideElement.focus();
});

// Tabs: the slides, the questions and (while one is shown) the poll share the screen.
const tabs = document.querySelectorAll('[role="tab"]');
function selectTab(tab) {
  for (const other of tabs) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
  }
  root.dataset.tab = tab.id;
}
for (const tab of tabs) tab.addEventListener('click', () => selectTab(tab));

// A poll that opens comes to the front, unless the person is typing a question.
polls = setupPolls(connection, code, {
  onPollOpened: () => {
    if (root.dataset.tab !== 'tab-questions') selectTab(document.getElementById('tab-poll'));
  },
});

// Captions: their code is fetched only once this phone turns them on (docs/captions.md).
const captionsToggle = document.getElementById('captions-toggle');
async function showCaptions(on) {
  captionsToggle.setAttribute('aria-pressed', on);
  try { localStorage.setItem('ohl.captions', on ? 'on' : 'off'); } catch { /* this visit only */ }
  captions ??= (await import('./audience-captions.js')).setupCaptions(connection, code, { panel: document.getElementById('captions-panel'), root });
  await captions.show(on);
}
captionsToggle.addEventListener('click', () => showCaptions(captionsToggle.getAttribute('aria-pressed') !== 'true'));
try { if (localStorage.getItem('ohl.captions') === 'on') showCaptions(true); } catch { /* nothing stored */ }

// The language switch's code loads when a phone uses it (or chose a language on an earlier visit). One choice drives
// the page's words (a reload in the new language, keeping the phone's place) and the slides (switched in place).
const placeKey = `ohl.place.${code}`;
const switcher = {
  switchSlides: async (tag) => {
    slideElement.lang = language = tag;
    if (connection.state !== signalR.HubConnectionState.Connected) return;
    apply(await join(connection), true);
    await polls?.refresh({ keepDraft: true });
  },
  keepPlace: () => {
    try { sessionStorage.setItem(placeKey, JSON.stringify({ viewing, tab: root.dataset.tab })); } catch { /* the live slide then */ }
    polls?.keepForReload();
  },
};
const choose = (tag) => import('./audience-language.js').then((m) => m.choose(languageSelect, tag, switcher));
languageSelect?.addEventListener('change', () => choose(languageSelect.value));
try {
  const chosen = localStorage.getItem('ohl.language');
  if (languageSelect && chosen && chosen !== languageSelect.value && !window.location.search.includes('lang=')) choose(chosen);
} catch { /* no storage: the browser's language */ }
// Back from a reload into another language: the tab and the slide this phone was looking at.
try {
  const place = JSON.parse(sessionStorage.getItem(placeKey) ?? 'null');
  sessionStorage.removeItem(placeKey);
  const tab = place && document.getElementById(place.tab);
  if (tab && !tab.hidden) selectTab(tab);
  if (place?.viewing !== null && place?.viewing !== undefined) show(place.viewing);
} catch { /* nothing kept */ }

// Offline reading over HTTPS (see sw.js); on plain HTTP the page keeps working without it. On a first visit the
// page and its scripts loaded before the worker ran, so they are handed to it to keep; <html data-offline="ready">
// says the page would now open offline.
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data?.type === 'kept') document.documentElement.dataset.offline = 'ready';
  });
  navigator.serviceWorker.register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active?.postMessage({
      type: 'keep',
      urls: [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)],
    }))
    .catch(() => {});
}
