// The phone's captions panel, loaded only when the phone turns captions on (audience.js imports it then), so that a
// phone that never does downloads none of it. The panel stays on screen on every tab and while the reader looks back
// at earlier slides: what is said now goes on. The text size is the reader's, kept on this phone.
import { CaptionLines } from './caption-lines.js';
import { t } from './audience-text.js';

const SIZES = ['0.95rem', '1.1rem', '1.3rem', '1.6rem', '2rem', '2.5rem'];
const SIZE_KEY = 'ohl.captions.size';

function stored(key, fallback) {
  try {
    return localStorage.getItem(key) ?? fallback;
  } catch {
    return fallback;
  }
}

function store(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch { /* private mode or full: for this visit only */ }
}

export function setupCaptions(connection, code, { panel, root }) {
  if (!document.querySelector('link[data-captions-css]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('../css/captions.css', import.meta.url).href;
    link.dataset.captionsCss = '';
    document.head.append(link);
  }

  panel.innerHTML = `
    <div class="captions-head">
      <h2 class="captions-title" id="captions-title"></h2>
      <div class="captions-size" role="group">
        <button type="button" class="control" data-step="-1">A−<span class="visually-hidden"></span></button>
        <button type="button" class="control" data-step="1">A+<span class="visually-hidden"></span></button>
      </div>
    </div>
    <div class="captions-body" tabindex="0" aria-labelledby="captions-title">
      <p class="captions-empty"></p>
      <div class="captions-history"></div>
      <div class="captions-live" role="log" aria-live="polite" aria-relevant="additions"></div>
      <p class="captions-draft" dir="auto"></p>
    </div>`;
  // The words go in as text, in the page's language (audience-text.js).
  panel.querySelector('.captions-title').textContent = panel.getAttribute('aria-label');
  panel.querySelector('.captions-size').setAttribute('aria-label', t('CaptionSize'));
  const [smaller, larger] = panel.querySelectorAll('.captions-size .visually-hidden');
  smaller.textContent = `: ${t('CaptionSmaller')}`;
  larger.textContent = `: ${t('CaptionLarger')}`;
  panel.querySelector('.captions-empty').textContent = t('CaptionsEmpty');
  panel.querySelector('.captions-live').setAttribute('aria-label', t('CaptionLines'));
  const body = panel.querySelector('.captions-body');
  const empty = panel.querySelector('.captions-empty');
  const lines = new CaptionLines({
    history: panel.querySelector('.captions-history'),
    live: panel.querySelector('.captions-live'),
    draft: panel.querySelector('.captions-draft'),
    scroller: body,
  });
  lines.onChange = () => { empty.hidden = lines.count > 0 || lines.draft.textContent.length > 0; };

  let size = Math.min(Math.max(Number(stored(SIZE_KEY, '2')) || 0, 0), SIZES.length - 1);
  const sizeButtons = panel.querySelectorAll('[data-step]');
  function applySize() {
    panel.style.setProperty('--caption-size', SIZES[size]);
    sizeButtons[0].disabled = size === 0;
    sizeButtons[1].disabled = size === SIZES.length - 1;
  }
  for (const button of sizeButtons) {
    button.addEventListener('click', () => {
      size = Math.min(Math.max(size + Number(button.dataset.step), 0), SIZES.length - 1);
      store(SIZE_KEY, String(size));
      applySize();
    });
  }
  applySize();

  connection.on('CaptionTyping', (draft) => { if (on) lines.setDraft(draft.text); });
  connection.on('CaptionCommitted', (line) => { if (on) lines.add(line); });
  connection.on('CaptionsCleared', () => lines.clear());

  let on = false;
  const connected = () => connection.state === signalR.HubConnectionState.Connected;

  async function follow() {
    const history = await connection.invoke('FollowCaptions', code, on);
    if (on) {
      lines.reset(history.lines);
      lines.setDraft(history.draft ?? '');
    }
  }

  return {
    /** Turns the panel on or off; the server is told, so that an off phone is sent no captions. */
    async show(visible) {
      on = visible;
      panel.hidden = !visible;
      root.dataset.captions = visible ? 'on' : 'off';
      if (!visible) lines.setDraft('');
      if (connected()) await follow().catch(() => {});
    },
    /** After every (re)connect: a new connection reads no captions until it asks again. */
    async joined() {
      if (on) await follow();
    },
  };
}
