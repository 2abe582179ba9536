// The session's questions as a client sees them, kept up to date from hub messages. Shared by the audience,
// presenter, projector and Q&A board views. Question text is untrusted: views put it in the page with
// textContent only, never as HTML.

export class QnaModel {
  constructor() {
    /** @type {Map<number, any>} */
    this.questions = new Map();
    this.answeringId = null;
    this.preModeration = false;
    this.listeners = new Set();
  }

  onChange(listener) {
    this.listeners.add(listener);
  }

  emit() {
    for (const listener of this.listeners) listener(this);
  }

  /** Replaces everything (after a join or a reconnect). */
  reset(questions, answeringId, preModeration) {
    this.questions = new Map(questions.map((q) => [q.id, q]));
    this.answeringId = answeringId ?? null;
    if (typeof preModeration === 'boolean') this.preModeration = preModeration;
    this.emit();
  }

  /** Applies a QuestionsChanged or ModerationChanged message. */
  applyChanges(changes) {
    for (const id of changes.removed) this.questions.delete(id);
    for (const question of changes.changed) this.questions.set(question.id, question);
    this.emit();
  }

  applySettings(settings) {
    this.answeringId = settings.answeringQuestionId ?? null;
    this.preModeration = settings.preModeration;
    for (const question of this.questions.values()) question.answeringNow = question.id === this.answeringId;
    this.emit();
  }

  upsert(question) {
    this.questions.set(question.id, question);
    this.emit();
  }

  get answering() {
    return this.answeringId === null ? null : this.questions.get(this.answeringId) ?? null;
  }

  /** Pinned first, then by votes (ties: older first) or by newest. */
  sorted(order = 'top', filter = () => true) {
    const list = [...this.questions.values()].filter(filter);
    list.sort((a, b) => (Number(b.pinned) - Number(a.pinned))
      || (order === 'top' ? (b.votes - a.votes) || (a.id - b.id) : b.id - a.id));
    return list;
  }
}

/** "2 min ago", from an ISO date, in the page's language. */
export function timeAgo(iso) {
  const seconds = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(document.documentElement.lang || 'en', { numeric: 'auto' });
  if (seconds < 60) return format.format(0, 'second');
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  return format.format(-Math.floor(seconds / 3600), 'hour');
}

/** A client-made id that works without a secure context (no crypto.randomUUID on plain HTTP). */
export function newClientId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The sentence a person should read from a hub error. */
export function errorMessage(error) {
  return String(error?.message ?? error).replace(/^.*HubException: /, '');
}

/**
 * True when the server refused the request for good (too long, too fast, poll closed): not worth sending again.
 * A lost connection, or a server that could not store it yet ("Not saved yet: …"), is worth retrying.
 */
export function isRefusal(error) {
  const message = String(error?.message ?? '');
  return /HubException: /.test(message) && !/HubException: Not saved yet: /.test(message);
}
