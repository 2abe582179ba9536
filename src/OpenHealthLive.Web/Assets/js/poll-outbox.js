// The phone's poll outbox: the vote this phone has sent and the server has not confirmed yet (one at a time: a newer
// vote replaces a waiting one). Kept in localStorage across a reload; sent at once when connected, again after every
// reconnect (flush) and every 5 s while connected. One send at a time: the retry must not send a vote again while it is
// on its way (the repeat's answer, "counted", would replace "changed and counted"), and a newer vote waits for the
// older one's answer instead of being cleared by it. Whether to send again is decided by the refusal's code
// (refusal.js).
import { newClientId } from './qna-model.js';
import { isRefusal } from './refusal.js';

export class PollOutbox {
  /** The vote waiting for the server: `{ pollId, clientId, vote }`, or null. */
  pending;
  #connection;
  #code;
  #on;
  #key;
  #flushing = null;

  /**
   * @param {signalR.HubConnection} connection
   * @param {string} code
   * @param {object} on  what the page shows of each outcome; `latest` is false for an answer to a vote a newer one replaced
   * @param {(item: object, result: object, latest: boolean) => void} on.answered  the server took the vote
   * @param {(item: object, error: Error, latest: boolean) => void} on.refused  the server refused it for good
   * @param {() => void} on.settled  a send finished (render again)
   * @param {() => void} on.waiting  not connected: the vote waits on the phone
   */
  constructor(connection, code, on) {
    this.#connection = connection;
    this.#code = code;
    this.#on = on;
    this.#key = `ohl.pending-poll-vote.${code}`;
    try { this.pending = JSON.parse(localStorage.getItem(this.#key) ?? 'null'); } catch { this.pending = null; }
    setInterval(() => { if (this.pending && this.#connected()) this.flush(); }, 5000);
  }

  /** Sends `vote` for `pollId` (replacing a vote still waiting), now if connected. */
  send(pollId, vote) {
    this.pending = { pollId, clientId: newClientId(), vote: { option: null, options: null, ratings: null, ranking: null, text: null, ...vote } };
    this.#save();
    return this.flush();
  }

  /** Sends the waiting vote, one send at a time. */
  flush() {
    this.#flushing ??= this.#sendPending().finally(() => { this.#flushing = null; });
    return this.#flushing;
  }

  async #sendPending() {
    while (this.pending && this.#connected()) {
      const item = this.pending;
      try {
        const result = await this.#connection.invoke('SubmitVote', this.#code, item.pollId, item.clientId, item.vote);
        const latest = this.pending === item;
        if (latest) this.#clear();
        this.#on.answered(item, result, latest);
      } catch (error) {
        if (!isRefusal(error)) break;
        const latest = this.pending === item;
        if (latest) this.#clear();
        this.#on.refused(item, error, latest);
      }
      this.#on.settled();
    }
    if (this.pending) this.#on.waiting();
  }

  #connected() {
    return this.#connection.state === signalR.HubConnectionState.Connected;
  }

  #clear() {
    this.pending = null;
    this.#save();
  }

  #save() {
    try {
      if (this.pending) localStorage.setItem(this.#key, JSON.stringify(this.pending)); else localStorage.removeItem(this.#key);
    } catch { /* private mode: kept in memory only */ }
  }
}
