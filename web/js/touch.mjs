// touch.mjs: owns fingers on the canvas. A tap reaches the figure as the browser's own
// compatibility mouse events (move, down, up at the finger). A drag makes none, so a finger
// that sets off sideways (a slider being dragged; the canvas's touch-action leaves sideways
// moves to the page's scripts) is passed on as a mouse press, moves and release. A finger
// that sets off upwards or downwards scrolls the page (touch-action: pan-y) and presses
// nothing. (Emscripten's own touch handlers are left out: load.mjs.)
export function followTouch(canvas) {
  let finger = null;
  function mouse(type, event) {
    canvas.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: event.clientX,
      clientY: event.clientY, button: 0, buttons: type === 'mouseup' ? 0 : 1 }));
  }
  canvas.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'touch' && event.isPrimary) finger = { x: event.clientX, y: event.clientY, id: event.pointerId, dragging: false };
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!finger || event.pointerId !== finger.id) return;
    if (!finger.dragging) {
      const dx = Math.abs(event.clientX - finger.x), dy = Math.abs(event.clientY - finger.y);
      if (dx < 8 || dx < dy) return;
      finger.dragging = true;
      mouse('mousemove', { clientX: finger.x, clientY: finger.y });
      mouse('mousedown', { clientX: finger.x, clientY: finger.y });
    }
    mouse('mousemove', event);
  });
  function lift(event) {
    if (finger && event.pointerId === finger.id && finger.dragging) mouse('mouseup', event);
    if (finger && event.pointerId === finger.id) finger = null;
  }
  canvas.addEventListener('pointerup', lift);
  canvas.addEventListener('pointercancel', lift);
}
