// The phone's question form: what is typed stays on the phone (a reload, a long close) until it is sent; a question
// goes to the outbox with a client-made id, shows as waiting until the server confirms it is stored, and comes back
// into the box when it is refused, so nothing typed is lost.
import { newClientId } from './qna-model.js';
import { isRefusal, refusalOf, NOT_SAVED } from './refusal.js';
import { t, number, refusalText } from './audience-text.js';

const DRAFT_KEY = (code) => `ohl.question-draft.${code}`;

/**
 * Wires the form `#ask-form`.
 * @param {object} options
 * @param {signalR.HubConnection} options.connection
 * @param {string} options.code
 * @param {() => import('./qna-outbox.js').QnaOutbox} options.outbox  the outbox (made after the form)
 * @param {() => import('./qna-controls.js').QnaControls} options.controls  the form's open/closed and slow-mode state (made after the form)
 * @param {(kind: string, message: string) => void} options.showResult
 * @param {() => void} options.renderOwn  shows this phone's questions (a waiting one among them)
 */
export function askForm({ connection, code, outbox, controls, showResult, renderOwn }) {
  const form = document.getElementById('ask-form');
  const text = document.getElementById('question-text');
  const author = document.getElementById('question-author');
  const counter = document.getElementById('question-count');

  const writeDraft = (value) => {
    try { if (value) localStorage.setItem(DRAFT_KEY(code), value); else localStorage.removeItem(DRAFT_KEY(code)); } catch { /* memory only */ }
  };
  const showCount = () => { counter.textContent = `${number(text.value.length)} / ${number(text.maxLength)}`; };
  const restore = (value) => {
    text.value = value;
    writeDraft(value);
    showCount();
  };
  try {
    const draft = localStorage.getItem(DRAFT_KEY(code));
    if (draft && !text.value) { text.value = draft; showCount(); }
  } catch { /* private mode: nothing kept */ }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const item = { clientId: newClientId(), text: text.value.trim(), author: author.value.trim() };
    if (!item.text) {
      showResult('error', t('TypeFirst'));
      text.focus();
      return;
    }
    if (controls().wait() > 0) {
      controls().render();
      return;
    }
    const sent = outbox().ask(item);
    // It shows as waiting until the server confirms it is stored, however long the network takes.
    renderOwn();
    const typed = text.value;
    restore('');
    if (connection.state === signalR.HubConnectionState.Connected) showResult('sending', t('Sending'));
    try {
      if (await sent === null) {
        showResult('waiting', t('SavedOnPhone'));
        renderOwn();
      }
    } catch (error) {
      if (isRefusal(error)) {
        // Refused (too long, too fast…): give the text back so nothing typed is lost.
        restore(typed);
        showResult('error', refusalText(error));
      } else {
        showResult('waiting', refusalOf(error)?.code === NOT_SAVED ? refusalText(error) : t('SavedOnPhone'));
      }
      renderOwn();
    }
  });

  text.addEventListener('input', () => {
    showCount();
    writeDraft(text.value);
  });

  return {
    form,
    /** True when something is typed (kept while questions are closed). */
    hasDraft: () => text.value.trim() !== '',
    /** A question refused when sent again goes back into an empty box. */
    giveBack(value) {
      if (!text.value.trim()) restore(value);
    },
  };
}
