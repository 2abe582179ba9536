// The session's questions as a client sees them, kept up to date from hub messages. Shared by the audience,
// presenter, projector and Q&A board views. Question text is untrusted: views put it in the page with
// textContent only, never as HTML.

// The orders a list is shown and paged in, as the server pages them: pinned first, then most votes (ties: older
// first) for "top", newest first for "newest"; the presenter's "queue" puts held questions before everything.
const ORDERS = {
  top: (a, b) => (Number(b.pinned) - Number(a.pinned)) || (b.votes - a.votes) || (a.id - b.id),
  newest: (a, b) => (Number(b.pinned) - Number(a.pinned)) || (b.id - a.id),
  queue: (a, b) => (Number(b.status === 'held') - Number(a.status === 'held')) || ORDERS.top(a, b),
};

export class QnaModel {
  constructor() {
    /** @type {Map<number, any>} */
    this.questions = new Map();
    this.answeringId = null;
    this.preModeration = false;
    this.listeners = new Set();
    // A talk can hold far more questions than one answer carries: the server sends them a page at a time. For each
    // order paged so far: the cursor of the next page (null at the end) and the last question of the last page,
    // as it was then (the edge: what ranks after it has not been asked for yet, so it is not shown).
    /** @type {Map<string, { next: string | null, edge: any }>} */
    this.pages = new Map();
    this.complete = true;
    this.count = null;
    this.held = null;
  }

  onChange(listener) {
    this.listeners.add(listener);
  }

  emit() {
    for (const listener of this.listeners) listener(this);
  }

  /**
   * Replaces everything (after a join or a reconnect). With `paging` ({ order, next, edge, count, held }) the
   * questions are the first page of that order; without it, they are the whole list.
   */
  reset(questions, answeringId, preModeration, paging) {
    this.questions = new Map(questions.map((q) => [q.id, q]));
    this.answeringId = answeringId ?? null;
    if (typeof preModeration === 'boolean') this.preModeration = preModeration;
    this.pages = new Map();
    this.complete = !paging || paging.next === null;
    if (paging && !this.complete) this.pages.set(paging.order, { next: paging.next, edge: edgeOf(paging.edge) });
    this.count = paging?.count ?? null;
    this.held = paging?.held ?? null;
    this.emit();
  }

  /** Adds a further page of `order`. A question already here is kept: a pushed change is never older than a page. */
  addPage(order, questions, next) {
    for (const question of questions) {
      if (!this.questions.has(question.id)) this.questions.set(question.id, question);
    }
    if (next === null) {
      this.complete = true;
      this.pages.clear();
    } else {
      const edge = questions.length > 0 ? edgeOf(questions[questions.length - 1]) : this.pages.get(order)?.edge ?? null;
      this.pages.set(order, { next, edge });
    }
    this.emit();
  }

  /** True when the server has questions this model does not hold yet (in every order: they list the same questions). */
  hasMore() {
    return !this.complete;
  }

  /** True when `order` has not been paged at all yet: its first page must be asked for before it can be shown. */
  needsFirstPage(order) {
    return !this.complete && !this.pages.has(order);
  }

  /** The cursor to ask for the next page of `order` with (null: its first page). */
  cursor(order) {
    return this.pages.get(order)?.next ?? null;
  }

  /** Applies a QuestionsChanged or ModerationChanged message. */
  applyChanges(changes) {
    for (const id of changes.removed) this.questions.delete(id);
    for (const question of changes.changed) this.questions.set(question.id, question);
    if (typeof changes.count === 'number') this.count = changes.count;
    if (typeof changes.held === 'number') this.held = changes.held;
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

  /** Pinned first, then by votes (ties: older first) or by newest; `queue` puts held questions first. */
  sorted(order = 'top', filter = () => true) {
    const list = [...this.questions.values()].filter(filter);
    list.sort(ORDERS[order] ?? ORDERS.top);
    return list;
  }

  /**
   * What a screen shows in `order`: the questions up to the edge of the pages loaded, in order, plus those for
   * which `always` is true (the phone's own, the one being answered) wherever they rank. Questions pushed live that
   * rank past the edge wait until the pages reach them, so the list never shows a gap.
   */
  shown(order, filter = () => true, always = () => false) {
    const list = this.sorted(order, filter);
    if (this.complete) return list;
    const edge = this.pages.get(order)?.edge;
    const compare = ORDERS[order] ?? ORDERS.top;
    return list.filter((q) => always(q) || (edge && compare(q, edge) <= 0));
  }
}

/** The sort key of a question, copied: the question itself changes with later votes, the edge of a page does not. */
function edgeOf(question) {
  return question ? { id: question.id, pinned: question.pinned, votes: question.votes, status: question.status } : null;
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

// Read in one place (refusal.js); here too for the pages that import them with the model.
export { errorMessage, isRefusal } from './refusal.js';
