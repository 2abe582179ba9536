// The phone's question list comes a page at a time ("Show more questions"): a talk can hold a thousand questions.
// A page asked for before a (re)join belongs to the old list and is dropped.
import { t, refusalText } from './audience-text.js';

export class QuestionPages {
  /** True while a page is on its way. */
  loading = false;
  #generation = 0;

  /**
   * @param {signalR.HubConnection} connection
   * @param {string} code
   * @param {import('./qna-model.js').QnaModel} model  where the pages go
   * @param {{ order: () => string, render: () => void, showResult: (kind: string, message: string) => void }} view
   */
  constructor(connection, code, model, view) {
    Object.assign(this, { connection, code, model, view });
    const more = document.getElementById('more-questions');
    const list = document.getElementById('question-list');
    more.addEventListener('click', async () => {
      const before = list.children.length;
      await this.loadMore();
      // Keep the reader's place: the first question just added, or the list when the button has gone.
      const first = list.children[before];
      if (first) {
        first.tabIndex = -1;
        first.focus();
      } else if (more.hidden) {
        list.tabIndex = -1;
        list.focus();
      }
    });
  }

  /** A new list (a join): pages asked for before it are dropped when they come. */
  restart() {
    this.#generation++;
    this.loading = false;
  }

  /** Asks for the next page of the current order (its first page, the first time an order is shown). */
  async loadMore() {
    const { connection, model, view } = this;
    if (this.loading || !model.hasMore() || connection.state !== signalR.HubConnectionState.Connected) return;
    const asked = view.order();
    const of = this.#generation;
    this.loading = true;
    view.render();
    try {
      const page = await connection.invoke('GetMoreQuestions', this.code, asked, model.cursor(asked));
      if (of !== this.#generation) return;
      this.loading = false;
      model.addPage(asked, page.questions, page.next);
      // The reader switched order while this page was on its way: that order's first page is next.
      if (model.needsFirstPage(view.order())) await this.loadMore();
    } catch (error) {
      if (of !== this.#generation) return;
      this.loading = false;
      view.render();
      view.showResult('error', t('MoreFailed', refusalText(error)));
    }
  }
}
