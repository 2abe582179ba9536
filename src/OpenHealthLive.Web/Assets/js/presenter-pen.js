// The pen on the console: draw on the current slide with a mouse, a pen or a finger (Pointer Events), highlight,
// erase a stroke, clear the slide. Pieces of a stroke go to the server every 40 ms, so the room sees the line grow;
// the stroke is stored when the pen lifts. See docs/authoring.md, "The pen".
import { Ink, inkLayer, draw, WIDTH, HEIGHT, SCALE } from './ink-svg.js';

/** How often pieces of a stroke being drawn are sent. */
const SEND_EVERY_MS = 40;
/** The server's limits (Ink.cs): points in a piece and in a stroke. */
const MAX_PIECE = 250;
const MAX_STROKE = 1500;
/** Line widths, in thousandths of the slide's width. */
const WIDTHS = { pen: 5, highlighter: 24 };
/** How long Clear slide waits for its second click. */
const CONFIRM_MS = 5000;

/** A stroke id from crypto.getRandomValues, which plain HTTP on a venue LAN has (randomUUID does not). */
function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function setupPen(connection, code, { slide, stage, showError }) {
  const ink = new Ink();
  const svg = inkLayer(stage);
  const toolbar = document.getElementById('pen-toolbar');
  const asked = new Set();
  let tool = 'off';
  let colour = toolbar?.querySelector('.pen-swatch[aria-pressed="true"]')?.dataset.colour ?? '#d62828';
  let current = slide();
  // Colours from the markup's data, set here: the page's Content-Security-Policy refuses inline style attributes.
  for (const swatch of toolbar?.querySelectorAll('.pen-swatch') ?? []) swatch.style.setProperty('--swatch', swatch.dataset.colour);

  const redraw = () => draw(svg, ink.strokesOf(current));
  const connected = () => connection.state === signalR.HubConnectionState.Connected;

  async function ask(index, again = false) {
    if ((asked.has(index) && !again) || !connected()) return;
    asked.add(index);
    try {
      ink.set(index, await connection.invoke('GetStrokes', code, index));
      if (index === current) redraw();
    } catch { asked.delete(index); }
  }

  connection.on('InkChanged', (message) => {
    if (message.kind === 'slide') asked.add(message.slide);
    ink.apply(message);
    if (message.slide === current) redraw();
  });

  // Drawing: one stroke per pointer; its points wait here until the next piece is sent.
  const strokes = new Map();
  let queue = Promise.resolve();
  const call = (method, ...args) => {
    queue = queue.then(() => connection.invoke(method, code, ...args)).catch((error) => {
      showError(error);
      // What the server refused is not kept here either: the room never got it.
      ask(current, true);
    });
    return queue;
  };

  function toUnits(event) {
    const box = svg.getBoundingClientRect();
    const x = Math.round(((event.clientX - box.left) / box.width) * SCALE);
    const y = Math.round(((event.clientY - box.top) / box.height) * SCALE);
    return [Math.min(SCALE, Math.max(0, x)), Math.min(SCALE, Math.max(0, y))];
  }

  function begin(pointerId, point) {
    const drawn = { id: newId(), slide: current, tool, colour, width: WIDTHS[tool], points: [...point], sent: 0, local: true };
    strokes.set(pointerId, drawn);
    ink.strokesOf(current).set(drawn.id, drawn);
    redraw();
  }

  function send(drawn) {
    while (drawn.sent < drawn.points.length / 2) {
      const from = drawn.sent;
      const points = drawn.points.slice(from * 2, (from + MAX_PIECE) * 2);
      drawn.sent += points.length / 2;
      call('DrawStroke', { id: drawn.id, slide: drawn.slide, tool: drawn.tool, colour: drawn.colour, width: drawn.width, from, points });
    }
  }

  function finish(pointerId) {
    const drawn = strokes.get(pointerId);
    if (!drawn) return;
    strokes.delete(pointerId);
    send(drawn);
    drawn.local = false;
    call('FinishStroke', drawn.id);
  }

  setInterval(() => { for (const drawn of strokes.values()) send(drawn); }, SEND_EVERY_MS);

  /** The stroke of this slide nearest `point` within reach of the eraser, or null. */
  function strokeAt([x, y]) {
    const px = (x * WIDTH) / SCALE;
    const py = (y * HEIGHT) / SCALE;
    let found = null;
    for (const stroke of ink.strokesOf(current).values()) {
      const reach = (stroke.width * WIDTH) / 2000 + 12;
      const p = stroke.points;
      for (let i = 0; i + 1 < p.length; i += 2) {
        const ax = (p[i] * WIDTH) / SCALE; const ay = (p[i + 1] * HEIGHT) / SCALE;
        const bx = i + 3 < p.length ? (p[i + 2] * WIDTH) / SCALE : ax; const by = i + 3 < p.length ? (p[i + 3] * HEIGHT) / SCALE : ay;
        const dx = bx - ax; const dy = by - ay;
        const t = dx || dy ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy))) : 0;
        if (Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) <= reach) { found = stroke; break; }
      }
    }
    return found;
  }

  function erase(point) {
    const stroke = strokeAt(point);
    if (!stroke || stroke.local) return;
    ink.strokesOf(current).delete(stroke.id);
    redraw();
    call('EraseStroke', current, stroke.id);
  }

  svg.addEventListener('pointerdown', (event) => {
    if (tool === 'off' || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    svg.setPointerCapture(event.pointerId);
    if (tool === 'eraser') erase(toUnits(event));
    else begin(event.pointerId, toUnits(event));
  });
  svg.addEventListener('pointermove', (event) => {
    if (tool === 'eraser') {
      if (event.buttons) erase(toUnits(event));
      return;
    }
    const drawn = strokes.get(event.pointerId);
    if (!drawn) return;
    for (const each of event.getCoalescedEvents?.() ?? [event]) {
      const [x, y] = toUnits(each);
      const n = drawn.points.length;
      // Points closer than a few units add nothing to the line, only bytes.
      if (Math.abs(drawn.points[n - 2] - x) + Math.abs(drawn.points[n - 1] - y) < 15) continue;
      if (n / 2 >= MAX_STROKE) {
        // The server keeps strokes of at most MAX_STROKE points: go on in a new one from here.
        finish(event.pointerId);
        begin(event.pointerId, [drawn.points[n - 2], drawn.points[n - 1], x, y]);
        continue;
      }
      drawn.points.push(x, y);
    }
    redraw();
  });
  for (const type of ['pointerup', 'pointercancel', 'lostpointercapture']) svg.addEventListener(type, (event) => finish(event.pointerId));

  function choose(next) {
    tool = tool === next ? 'off' : next;
    stage.dataset.pen = tool;
    for (const button of toolbar.querySelectorAll('[data-tool]')) button.setAttribute('aria-pressed', String(button.dataset.tool === tool));
  }

  toolbar?.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    if (button.dataset.tool) choose(button.dataset.tool);
    else if (button.dataset.colour) {
      colour = button.dataset.colour;
      for (const swatch of toolbar.querySelectorAll('.pen-swatch')) swatch.setAttribute('aria-pressed', String(swatch === button));
      if (tool === 'off' || tool === 'eraser') choose('pen');
    } else if (button.id === 'pen-clear') {
      const count = ink.strokesOf(current).size;
      if (count === 0) return;
      // Clearing cannot be undone and the room sees it at once: the first click only asks.
      if (clearing !== current) return askToClear(button, count);
      disarm();
      ink.strokesOf(current).clear();
      redraw();
      call('ClearStrokes', current);
    }
  });

  /** The slide whose Clear is waiting for its second click, or null. */
  let clearing = null;
  let disarmTimer = 0;
  function askToClear(button, count) {
    clearing = current;
    button.textContent = `Clear ${count} stroke${count === 1 ? '' : 's'}? Click again`;
    button.classList.add('control--danger');
    clearTimeout(disarmTimer);
    disarmTimer = setTimeout(disarm, CONFIRM_MS);
  }
  function disarm() {
    clearing = null;
    clearTimeout(disarmTimer);
    const button = document.getElementById('pen-clear');
    if (!button) return;
    button.textContent = 'Clear slide';
    button.classList.remove('control--danger');
  }

  return {
    /** The console moved to another slide: its strokes, asked for the first time it is shown here. */
    slideChanged(index) {
      disarm();
      for (const pointerId of [...strokes.keys()]) finish(pointerId);
      current = index;
      redraw();
      ask(index);
    },
    /** A new connection: what was drawn meanwhile is asked again. */
    async joined() {
      asked.clear();
      await ask(current);
    },
    /** D: the pen, or off again. */
    toggle() { if (toolbar) choose('pen'); },
  };
}
