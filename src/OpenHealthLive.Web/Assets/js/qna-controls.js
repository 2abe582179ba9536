// The Q&A controls as a phone sees them. The speaker or moderator can close questions (the form gives way to
// "Questions are closed"; what was typed stays, on this phone, to send when they open again) and set slow mode (the
// phone shows when it may ask again, counted from what the server says of its last question, so a wrong phone clock
// does not matter).
import { t } from './audience-text.js';

const period = (seconds) => (seconds % 60 === 0 ? t('Minutes', seconds / 60) : t('Seconds', seconds));
const minutesAndSeconds = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

export class QnaControls {
  #open = true;
  #slowModeSeconds = 0;
  /** When this phone last asked, on this phone's clock (null: not in this talk, as far as the server knows). */
  #lastAskedAt = null;
  #timer = null;

  /** @param {{ form: HTMLFormElement, hasDraft: () => boolean }} parts */
  constructor({ form, hasDraft }) {
    this.form = form;
    this.hasDraft = hasDraft;
    this.askButton = form.querySelector('button[type="submit"]');
    this.slowNote = document.getElementById('slow-mode-note');
    this.closedBox = document.getElementById('questions-closed');
    this.closedDraft = document.getElementById('questions-closed-draft');
  }

  /** Seconds until slow mode lets this phone ask again (0: now). */
  wait() {
    if (!this.#slowModeSeconds || this.#lastAskedAt === null) return 0;
    return Math.max(0, Math.ceil((this.#lastAskedAt + this.#slowModeSeconds * 1000 - Date.now()) / 1000));
  }

  /** The settings pushed or read on a join (`questionsOpen`, `slowModeSeconds`; either may be absent). */
  apply(settings) {
    if (typeof settings.questionsOpen === 'boolean') this.#open = settings.questionsOpen;
    if (typeof settings.slowModeSeconds === 'number') this.#slowModeSeconds = settings.slowModeSeconds;
    this.render();
  }

  /** The server stored a question of this phone's just now. */
  asked() {
    this.#lastAskedAt = Date.now();
    this.render();
  }

  /** What the server says on a join: seconds since this phone's last question, or null. */
  askedSecondsAgo(seconds) {
    this.#lastAskedAt = typeof seconds === 'number' ? Date.now() - seconds * 1000 : null;
  }

  /** Shows the form or "Questions are closed", and slow mode's wait (counted down every second while it lasts). */
  render() {
    this.form.hidden = !this.#open;
    this.closedBox.hidden = this.#open;
    this.closedDraft.hidden = this.#open || !this.hasDraft();
    const wait = this.wait();
    this.askButton.disabled = wait > 0;
    this.slowNote.hidden = this.#slowModeSeconds === 0;
    this.slowNote.dataset.waiting = String(wait > 0);
    this.slowNote.textContent = (this.#slowModeSeconds === 60 ? t('SlowModeMinute') : t('SlowMode', period(this.#slowModeSeconds)))
      + (wait > 0 ? ` ${t('AskAgain', minutesAndSeconds(wait))}` : '');
    if (wait > 0 && this.#timer === null) {
      this.#timer = setInterval(() => this.render(), 1000);
    } else if (wait === 0 && this.#timer !== null) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
  }
}
