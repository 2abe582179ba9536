// The speaker's drawing on a phone: loaded only once a slide with strokes arrives (docs/authoring.md, "The pen").
// A phone's slide reflows to fit the screen, so the drawing cannot sit on it: it is shown under the slide, on the
// slide as the screen showed it (a 16:9 stage), which is where the speaker drew.
import { Ink, inkLayer, draw } from './ink-svg.js';
import { t } from './audience-text.js';

export function setupPen(root, slideElement) {
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = '/css/pen.css';
  document.head.append(style);

  const ink = new Ink();
  const figure = document.createElement('figure');
  figure.className = 'ink-figure';
  figure.hidden = true;
  const stage = document.createElement('div');
  stage.className = 'stage';
  const copy = document.createElement('article');
  copy.className = 'slide slide--stage';
  // The slide's words are read above; this is the picture of it with the drawing.
  copy.setAttribute('aria-hidden', 'true');
  stage.append(copy);
  const svg = inkLayer(stage);
  const caption = document.createElement('figcaption');
  caption.textContent = t('PenDrawing');
  figure.append(stage, caption);
  slideElement.after(figure);

  const showing = () => Number(root.dataset.shownSlide);

  function paint(copyAgain) {
    const strokes = ink.strokesOf(showing());
    figure.hidden = strokes.size === 0;
    if (figure.hidden) return;
    if (copyAgain || !copy.hasChildNodes()) {
      copy.innerHTML = slideElement.innerHTML;
      copy.style.cssText = slideElement.style.cssText;
      // Ids stay unique on the page.
      for (const element of copy.querySelectorAll('[id]')) element.removeAttribute('id');
    }
    draw(svg, strokes);
  }

  return {
    /** An InkChanged message, or the answer to GetStrokes as one of kind "slide". */
    changed(message) {
      ink.apply(message);
      if (message.slide === showing()) paint(figure.hidden);
    },
    /** The phone shows another slide (or another step of it). */
    show() {
      paint(true);
    },
  };
}
