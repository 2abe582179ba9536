// Caption lines on a screen: the phone's captions panel, the projector's caption bar, the caption console.
// Committed lines that arrive go into a live region (a screen reader reads each once, politely); lines loaded when
// the panel opens go above it, outside it, so that opening the panel does not read out the whole talk so far; the
// line in progress is in an element that is not live, so a screen reader is not read every keystroke.

export class CaptionLines {
  /**
   * @param {object} elements
   * @param {HTMLElement} elements.history  lines loaded at once (not live)
   * @param {HTMLElement} elements.live     lines as they are committed (a live region, or nothing special)
   * @param {HTMLElement} elements.draft    the line in progress (not live)
   * @param {HTMLElement} [elements.scroller] kept scrolled to the newest line, unless the reader scrolled up
   * @param {number} [keep] most lines kept on screen
   */
  constructor({ history, live, draft, scroller }, keep = 200) {
    Object.assign(this, { history, live, draft, scroller, keep });
    this.ids = new Set();
    this.onChange = () => {};
  }

  /** Shows `lines` (oldest first) as the history; lines already on screen stay. */
  reset(lines) {
    const fresh = lines.filter((line) => !this.ids.has(line.id));
    this.#follow(() => {
      for (const line of fresh) this.#insert(this.history, line);
      this.#trim();
    });
  }

  /** A line just committed: added (once) as the newest, and the line in progress is done. */
  add(line) {
    if (this.ids.has(line.id)) return;
    this.#follow(() => {
      this.#insert(this.live, line);
      this.draft.textContent = '';
      this.#trim();
    });
  }

  /** The line in progress, replacing the previous one. */
  setDraft(text) {
    this.#follow(() => { this.draft.textContent = text ?? ''; });
  }

  /** Every line was deleted. */
  clear() {
    this.history.replaceChildren();
    this.live.replaceChildren();
    this.draft.textContent = '';
    this.ids.clear();
    this.onChange();
  }

  get count() {
    return this.ids.size;
  }

  #insert(container, line) {
    const element = document.createElement('p');
    element.className = 'caption-line';
    element.dir = 'auto';
    element.dataset.id = String(line.id);
    element.dataset.slide = String(line.slide);
    element.textContent = line.text;
    // Lines are kept in the order they were said, whatever order they arrive in.
    const after = [...container.children].find((other) => Number(other.dataset.id) > line.id);
    container.insertBefore(element, after ?? null);
    this.ids.add(line.id);
  }

  #trim() {
    while (this.ids.size > this.keep) {
      const oldest = this.history.firstElementChild ?? this.live.firstElementChild;
      if (!oldest) break;
      this.ids.delete(Number(oldest.dataset.id));
      oldest.remove();
    }
  }

  /** Runs a change, then keeps the newest line in view if the reader was at the bottom (not reading back). */
  #follow(change) {
    const scroller = this.scroller;
    const atBottom = !scroller || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 24;
    change();
    if (scroller && atBottom) scroller.scrollTop = scroller.scrollHeight;
    this.onChange();
  }
}
