// Privacy on the phone: the short notice (shown with the questions and the poll until the person taps OK), the end
// of the talk (pushed by the server: questions and votes close), and "What this phone sent", where a phone sees
// everything it sent in this talk and can erase it ("Forget me on this phone").
import { t, locale, refusalText } from './audience-text.js';

const NOTICE_SEEN = 'ohl.privacy-notice-seen';
const FORGOTTEN = 'ohl.forgotten';

export function setupPrivacy(connection, code, { onErased }) {
  const root = document.getElementById('audience');
  const notice = document.getElementById('privacy-notice');
  const endedNote = document.getElementById('ended-note');
  const archiveLink = document.getElementById('archive-link');
  // The file comes in the language the phone reads the slides in now (the slide's, which follows the switch; the
  // page's words may be in a language the deck does not have).
  archiveLink?.querySelector('a')?.addEventListener('click', (event) => {
    const language = document.getElementById('slide')?.lang || root.dataset.language || '';
    event.currentTarget.href = `/j/${encodeURIComponent(root.dataset.code)}/archive?lang=${encodeURIComponent(language)}`;
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
      endedNote.textContent = t('Erased');
    }
  } catch { /* no session storage: nothing to say */ }

  let erasedAt = root.dataset.erasedAt || null;
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });

  /** Shows the talk as running or ended; called with every join answer and every SessionStatusChanged. */
  function showStatus({ ended, deleteAfter, erasedAt: erased }) {
    root.dataset.ended = String(ended);
    // The room's copy of the talk can be downloaded only once it has ended (GET /j/{code}/archive).
    if (archiveLink) archiveLink.hidden = !ended;
    for (const control of askControls) if (control) control.disabled = ended;
    const text = document.getElementById('question-text');
    if (text) text.placeholder = ended ? t('QuestionsEnded') : t('QuestionPlaceholder');
    if (ended) {
      endedNote.hidden = false;
      endedNote.dataset.kind = 'ended';
      const when = deleteAfter ? ` ${t('DeletedOn', dateFormat.format(new Date(deleteAfter)))}` : '';
      endedNote.textContent = `${t('Ended')}${when}`;
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
    status.textContent = t('Loading');
    dialog.showModal();
    if (connection.state !== signalR.HubConnectionState.Connected) {
      status.textContent = t('NotConnected');
      return;
    }
    try {
      const data = await connection.invoke('GetMyData', code);
      const total = data.questions.length + data.questionVotes.length + data.pollVotes.length;
      status.textContent = total === 0 ? t('NothingHeld') : t('StoredFor');
      const statusNames = { visible: t('OnTheList'), held: t('HeldForReview'), hidden: t('HiddenByPresenter') };
      fill('my-questions', data.questions.map((q) => [q.text, [q.author ? t('AsAuthor', q.author) : t('AnonymousLower'), statusNames[q.status] ?? q.status].join(', ')]), t('None'));
      fill('my-upvotes', data.questionVotes.map((v) => [v.text ?? t('GoneQuestion')]), t('None'));
      fill('my-votes', data.pollVotes.map((v) => [v.answer, `${v.question ?? v.pollId}${v.held ? ` ${t('HeldNotCounted')}` : ''}${v.currentRound ? '' : ` ${t('EarlierRound')}`}`]), t('None'));
      lists.hidden = false;
    } catch (error) {
      status.textContent = t('CouldNotLoad', refusalText(error));
    }
  }

  async function forget() {
    const yes = document.getElementById('forget-yes');
    yes.disabled = true;
    result.dataset.kind = '';
    result.textContent = t('Erasing');
    try {
      const response = await fetch(`/j/${encodeURIComponent(code)}/forget-me`, { method: 'POST', headers: { Accept: 'application/json' } });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw Object.assign(new Error(body.detail ?? t('ServerAnswered', response.status)), { problem: body });
      // Nothing this phone kept for the talk may bring the old id's data back: waiting posts, votes, the slides.
      for (const key of [`ohl.pending-questions.${code}`, `ohl.pending-upvotes.${code}`, `ohl.pending-poll-vote.${code}`, `ohl.question-draft.${code}`]) {
        try { localStorage.removeItem(key); } catch { /* nothing stored */ }
      }
      try { sessionStorage.setItem(FORGOTTEN, code); } catch { /* the page says it below instead */ }
      result.textContent = t('Erased');
      // The connection still carries the old cookie: a reload starts afresh with a new one.
      window.location.reload();
    } catch (error) {
      yes.disabled = false;
      result.dataset.kind = 'error';
      result.textContent = t('NotErased', refusalText(error));
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
