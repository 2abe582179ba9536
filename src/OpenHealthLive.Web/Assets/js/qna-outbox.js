// The phone's Q&A outbox: questions and upvotes this phone has made that the server has not confirmed yet.
//  - Kept in localStorage, so a reload, a flat battery or a long tunnel loses nothing typed.
//  - Sent at once when connected, again after every reconnect (flush), and every 5 s while connected: the server may
//    have been unable to store one for a moment.
//  - Never sent twice at the same time: sent again while its answer is on the way, the second answer would overwrite
//    what the phone shows for the first (a refusal shown as "Not sent: …", a vote counted twice on screen).
//  - Whether to send again is decided by the refusal's code (refusal.js): a refusal is final and takes the item out;
//    a lost connection, or a server that could not store it yet (not-saved), leaves it waiting.
import { isRefusal } from './refusal.js';

const QUESTIONS_KEY = (code) => `ohl.pending-questions.${code}`;
const VOTES_KEY = (code) => `ohl.pending-upvotes.${code}`;

function read(key, fallback) {
  try { return JSON.parse(localStorage.getItem(key) ?? 'null') ?? fallback; } catch { return fallback; }
}

function write(key, value) {
  try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* private mode: kept in memory only */ }
}

export class QnaOutbox {
  /** Questions waiting, oldest first: `{ clientId, text, author }`. */
  questions;
  /** Upvotes waiting: question id → up. Setting a vote is idempotent, so only the newest per question is kept. */
  votes;
  #connection;
  #code;
  #on;
  #sending = new Set();
  #flushing = null;

  /**
   * @param {signalR.HubConnection} connection
   * @param {string} code
   * @param {object} on  what the page shows of each outcome
   * @param {(item: object, answer: object) => void} on.asked  a question the server took (sent or held)
   * @param {(id: number, answer: object) => void} on.voted  an upvote the server took
   * @param {(item: object, error: Error) => void} on.questionRefused  a waiting question refused when sent again
   */
  constructor(connection, code, on) {
    this.#connection = connection;
    this.#code = code;
    this.#on = on;
    this.questions = read(QUESTIONS_KEY(code), []);
    this.votes = new Map(Object.entries(read(VOTES_KEY(code), {})).map(([id, up]) => [Number(id), up]));
    setInterval(() => {
      if (this.#connected() && (this.questions.length > 0 || this.votes.size > 0)) this.flush();
    }, 5000);
  }

  /**
   * Queues a question and sends it when connected. Resolves to the server's answer, or to null when not connected (it
   * waits); throws the server's refusal (the question is out of the outbox) or a lost connection's error (it waits).
   */
  async ask(item) {
    this.questions = [...this.questions, item];
    this.#saveQuestions();
    return this.#connected() ? this.#sendQuestion(item) : null;
  }

  /** Queues an upvote (or its removal) and sends it when connected; resolves and throws as ask() does. */
  async vote(id, up) {
    this.votes.set(id, up);
    this.#saveVotes();
    return this.#connected() ? this.#sendVote(id, up) : null;
  }

  /** Sends what is waiting, one pass at a time (after a reconnect, and every few seconds). */
  flush() {
    this.#flushing ??= this.#sendWaiting().finally(() => { this.#flushing = null; });
    return this.#flushing;
  }

  async #sendWaiting() {
    for (const [id, up] of [...this.votes]) {
      if (this.#sending.has(`vote:${id}`)) continue;
      try {
        await this.#sendVote(id, up);
      } catch (error) {
        if (!isRefusal(error)) return;
      }
    }
    for (const item of [...this.questions]) {
      if (this.#sending.has(item.clientId)) continue;
      try {
        await this.#sendQuestion(item);
      } catch (error) {
        if (!isRefusal(error)) return;
        this.#on.questionRefused(item, error);
      }
    }
  }

  #sendQuestion(item) {
    return this.#once(item.clientId, async () => {
      try {
        const answer = await this.#connection.invoke('AskQuestion', this.#code, item.clientId, item.text, item.author || null);
        this.#dropQuestion(item);
        this.#on.asked(item, answer);
        return answer;
      } catch (error) {
        if (isRefusal(error)) this.#dropQuestion(item);
        throw error;
      }
    });
  }

  #sendVote(id, up) {
    return this.#once(`vote:${id}`, async () => {
      try {
        const answer = await this.#connection.invoke('SetQuestionVote', this.#code, id, up);
        this.#dropVote(id);
        this.#on.voted(id, answer);
        return answer;
      } catch (error) {
        if (isRefusal(error)) this.#dropVote(id);
        throw error;
      }
    });
  }

  async #once(key, send) {
    this.#sending.add(key);
    try {
      return await send();
    } finally {
      this.#sending.delete(key);
    }
  }

  #connected() {
    return this.#connection.state === signalR.HubConnectionState.Connected;
  }

  #dropQuestion(item) {
    this.questions = this.questions.filter((waiting) => waiting.clientId !== item.clientId);
    this.#saveQuestions();
  }

  #dropVote(id) {
    this.votes.delete(id);
    this.#saveVotes();
  }

  #saveQuestions() {
    write(QUESTIONS_KEY(this.#code), this.questions);
  }

  #saveVotes() {
    write(VOTES_KEY(this.#code), Object.fromEntries(this.votes));
  }
}
