// Privacy on the phone: the short notice (shown with the questions and the poll until the person taps OK), the end
// of the talk (pushed by the server: questions and votes close), and "What this phone sent", where a phone sees
// everything it sent in this talk and can erase it ("Forget me on this phone").
import { errorMessage } from './qna-model.js';

const NOTICE_SEEN = 'ohl.privacy-notice-seen';
const FORGOTTEN = 'ohl.forgotten';

export function setupPrivacy(connection, code, { onErased }) {
  const root = document.getElementById('audience');
  const notice = document.getElementById('privacy-notice');
  const endedNote = document.getElementById('ended-note');
  const archiveLink = document.getElementById('archive-link');
  // The file comes in the language the phone reads the slides in now (the page's, which follows the switch).
  archiveLink?.querySelector('a')?.addEventListener('click', (event) => {
    event.currentTarget.href = `/j/${encodeURIComponent(root.dataset.code)}/archive?lang=${encodeURIComponent(document.documentElement.lang)}`;
  });
  const dialog = document.getElementById('my-data');
  const status = document.getElementById('my-data-status');
  const lists = document.getElementById('my-data-lists');
  const confirm = document.getElementById('forget-confirm');
  const forgetButton = document.getElementById('forget-me');
  const result = document.getElementById('forget-result');
  const askControls = ['question-text', 'question-author'].map((id) => document.getElementById(id))
    .concat([document.querySelector('#ask-form button[type="submit"]')]);

  // The notice: shown until the person has read it once on this phone (it stays one tap away below the questions).
  const seen = () => { try { return localStorage.getItem(NOTICE_SEEN) === '1'; } catch { return false; } };
  if (seen()) notice.hidden = true;
  document.getElementById('privacy-ok').addEventListener('click', () => {
    notice.hidden = true;
    try { localStorage.setItem(NOTICE_SEEN, '1'); } catch { /* private mode: shown again next time */ }
  });

  // A phone that has just forgotten itself says so once, after the reload that gave it a new id.
  try {
    if (sessionStorage.getItem(FORGOTTEN) === code) {
      sessionStorage.removeItem(FORGOTTEN);
      endedNote.hidden = false;
      endedNote.dataset.kind = 'forgotten';
      endedNote.textContent = 'Erased: everything this phone sent in this talk is deleted, and this phone has a new anonymous id.';
    }
  } catch { /* no session storage: nothing to say */ }

  let erasedAt = root.dataset.erasedAt || null;
  const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { day: 'numeric', month: 'long', year: 'numeric' });

  /** Shows the talk as running or ended; called with every join answer and every SessionStatusChanged. */
  function showStatus({ ended, deleteAfter, erasedAt: erased }) {
    root.dataset.ended = String(ended);
    // The room's copy of the talk can be downloaded only once it has ended (GET /j/{code}/archive).
    if (archiveLink) archiveLink.hidden = !ended;
    for (const control of askControls) if (control) control.disabled = ended;
    const text = document.getElementById('question-text');
    if (text) text.placeholder = ended ? 'Questions are closed: the talk has ended' : 'Your question';
    if (ended) {
      endedNote.hidden = false;
      endedNote.dataset.kind = 'ended';
      const when = deleteAfter ? ` What the audience sent is deleted on ${dateFormat.format(new Date(deleteAfter))}.` : '';
      endedNote.textContent = `This talk has ended. The slides shown stay here; questions and votes are closed.${when}`;
    } else if (endedNote.dataset.kind !== 'forgotten') {
      endedNote.hidden = true;
    }
    if (deleteAfter !== undefined) root.dataset.deleteAfter = deleteAfter ?? '';
    if (erased && erased !== erasedAt) {
      erasedAt = erased;
      onErased();
    }
  }

  function item(list, text, detail) {
    const entry = document.createElement('li');
    const body = document.createElement('span');
    body.dir = 'auto';
    body.textContent = text;
    entry.append(body);
    if (detail) {
      const small = document.createElement('span');
      small.className = 'my-data-detail';
      small.textContent = ` · ${detail}`;
      entry.append(small);
    }
    list.append(entry);
  }

  function fill(id, entries, empty) {
    const list = document.getElementById(id);
    list.replaceChildren();
    if (entries.length === 0) item(list, empty);
    for (const [text, detail] of entries) item(list, text, detail);
  }

  async function openMyData() {
    confirm.hidden = true;
    forgetButton.hidden = false;
    result.textContent = '';
    lists.hidden = true;
    status.textContent = 'Loading…';
    dialog.showModal();
    if (connection.state !== signalR.HubConnectionState.Connected) {
      status.textContent = 'Not connected: what this phone sent can be shown once the connection is back. It can still be erased.';
      return;
    }
    try {
      const data = await connection.invoke('GetMyData', code);
      const total = data.questions.length + data.questionVotes.length + data.pollVotes.length;
      status.textContent = total === 0 ? 'The server holds nothing this phone sent in this talk.' : 'Stored on the server for this phone:';
      const statusNames = { visible: 'on the list', held: 'held for review', hidden: 'hidden by the presenter' };
      fill('my-questions', data.questions.map((q) => [q.text, [q.author ? `as “${q.author}”` : 'anonymous', statusNames[q.status] ?? q.status].join(', ')]), 'None');
      fill('my-upvotes', data.questionVotes.map((v) => [v.text ?? 'A question no longer on the list']), 'None');
      fill('my-votes', data.pollVotes.map((v) => [v.answer, `${v.question ?? v.pollId}${v.held ? ' (held: not counted)' : ''}${v.currentRound ? '' : ' (an earlier round)'}`]), 'None');
      lists.hidden = false;
    } catch (error) {
      status.textContent = `Could not load it: ${errorMessage(error)}`;
    }
  }

  async function forget() {
    const yes = document.getElementById('forget-yes');
    yes.disabled = true;
    result.dataset.kind = '';
    result.textContent = 'Erasing…';
    try {
      const response = await fetch(`/j/${encodeURIComponent(code)}/forget-me`, { method: 'POST', headers: { Accept: 'application/json' } });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.detail ?? `The server answered ${response.status}.`);
      // Nothing this phone kept for the talk may bring the old id's data back: waiting posts, votes, the slides.
      for (const key of [`ohl.pending-questions.${code}`, `ohl.pending-upvotes.${code}`, `ohl.pending-poll-vote.${code}`, `ohl.question-draft.${code}`]) {
        try { localStorage.removeItem(key); } catch { /* nothing stored */ }
      }
      try { sessionStorage.setItem(FORGOTTEN, code); } catch { /* the page says it below instead */ }
      result.textContent = body.message;
      // The connection still carries the old cookie: a reload starts afresh with a new one.
      window.location.reload();
    } catch (error) {
      yes.disabled = false;
      result.dataset.kind = 'error';
      result.textContent = `Not erased: ${error.message}`;
    }
  }

  for (const button of document.querySelectorAll('[data-my-data]')) button.addEventListener('click', openMyData);
  forgetButton.addEventListener('click', () => {
    forgetButton.hidden = true;
    confirm.hidden = false;
    document.getElementById('forget-no').focus();
  });
  document.getElementById('forget-no').addEventListener('click', () => {
    confirm.hidden = true;
    forgetButton.hidden = false;
    forgetButton.focus();
  });
  document.getElementById('forget-yes').addEventListener('click', forget);

  connection.on('SessionStatusChanged', showStatus);

  showStatus({ ended: root.dataset.ended === 'true', deleteAfter: root.dataset.deleteAfter || null });
  return {
    /** The join answer says whether the talk has ended (a phone that was offline may have missed the push). */
    joined(state) {
      if (typeof state.ended === 'boolean') showStatus({ ended: state.ended, deleteAfter: root.dataset.deleteAfter || null });
    },
  };
}
