// The pen's strokes as SVG over a 16:9 slide stage, scaled with it: the same drawing as StrokeSvg.cs makes on the
// server for the printed deck. Shared by the console, the projector and (loaded when needed) the phone.

const NS = 'http://www.w3.org/2000/svg';
/** The drawing's own units: the stage is 16:9. */
export const WIDTH = 1600;
export const HEIGHT = 900;
/** Coordinates on the wire run from 0 to this across and down the slide. */
export const SCALE = 10000;

const round = (value) => Math.round(value * 10) / 10;
const at = (points, i) => `${round((points[i] * WIDTH) / SCALE)} ${round((points[i + 1] * HEIGHT) / SCALE)}`;

/** "M x y L x y ..." in the drawing's units; a single point is a dot (a line to itself, with round caps). */
export function pathData(points) {
  let d = '';
  for (let i = 0; i + 1 < points.length; i += 2) d += (i === 0 ? 'M' : 'L') + at(points, i);
  if (points.length === 2) d += 'L' + at(points, 0);
  return d;
}

/** The strokes of every slide this page knows, kept up to date by InkChanged messages (docs/live-protocol.md). */
export class Ink {
  constructor() {
    /** slide -> Map(id -> { id, tool, colour, width, points, done }) */
    this.slides = new Map();
  }

  strokesOf(slide) {
    let strokes = this.slides.get(slide);
    if (!strokes) this.slides.set(slide, (strokes = new Map()));
    return strokes;
  }

  /** Every stroke of `slide`, replacing what was known (a stroke being drawn here stays). */
  set(slide, list) {
    const strokes = this.strokesOf(slide);
    for (const [id, stroke] of strokes) if (!stroke.local) strokes.delete(id);
    for (const stroke of list) strokes.set(stroke.id, { ...stroke, points: [...stroke.points] });
  }

  apply(message) {
    const strokes = this.strokesOf(message.slide);
    switch (message.kind) {
      case 'slide':
        this.set(message.slide, message.strokes);
        break;
      case 'drawing':
      case 'drawn':
        for (const piece of message.strokes) {
          const known = strokes.get(piece.id);
          if (piece.from === 0 && (piece.done || !known)) strokes.set(piece.id, { ...piece, points: [...piece.points] });
          // Pieces come in order; one that does not follow on (a phone that joined mid-line) waits for the whole stroke.
          else if (known && known.points.length / 2 === piece.from) known.points.push(...piece.points);
        }
        break;
      case 'erased':
        strokes.delete(message.erased);
        break;
      case 'cleared':
        strokes.clear();
        break;
      default:
        break;
    }
  }
}

/** The `<svg class="ink">` of a stage, made the first time (just after the slide, under banners and bars). */
export function inkLayer(stage) {
  let svg = stage.querySelector(':scope > svg.ink');
  if (!svg) {
    svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('class', 'ink');
    svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('aria-hidden', 'true');
    stage.querySelector(':scope > .slide')?.after(svg) ?? stage.append(svg);
  }
  return svg;
}

/** Makes `svg` show `strokes` (a Map from Ink), changing only the paths that changed. */
export function draw(svg, strokes) {
  const paths = new Map([...svg.children].map((path) => [path.dataset.id, path]));
  for (const [id, stroke] of strokes) {
    let path = paths.get(id);
    paths.delete(id);
    if (!path) {
      path = document.createElementNS(NS, 'path');
      path.dataset.id = id;
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', stroke.colour);
      path.setAttribute('stroke-width', String(round((stroke.width * WIDTH) / 1000)));
      path.setAttribute('stroke-linecap', 'round');
      path.setAttribute('stroke-linejoin', 'round');
      if (stroke.tool === 'highlighter') path.setAttribute('stroke-opacity', '0.4');
      svg.append(path);
    }
    if (path.dataset.points !== String(stroke.points.length)) {
      path.setAttribute('d', pathData(stroke.points));
      path.dataset.points = String(stroke.points.length);
    }
  }
  for (const path of paths.values()) path.remove();
}
