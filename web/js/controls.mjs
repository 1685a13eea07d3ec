// controls.mjs: the figure's controls as native HTML controls, the accessible parallel of
// the canvas. The canvas is a picture to assistive technology; this layer is what a screen
// reader, the keyboard, switch access and a magnifier operate: the scene tabs as a tablist,
// then one control per row of the current scene's parameter table, in the canvas's order
// (src/app/logic/param_table.h): a slider per number, a radio group per choice, a checkbox
// (or a pair of pressed buttons) per toggle, a button per button. Nothing here is written
// per scene: a row added to a table appears here by itself.
// Both ways: a native change goes to the wasm (the same check and clamping as the canvas and
// the URL), and refresh() brings every native value up to date with the figure, whatever
// changed it. The canvas draws a ring around the widget whose native control has focus.
// Hidden by default (visually only); shown as a compact form when the learner asks.
import { t } from './words.mjs';

// A logarithmic row's native slider moves along `positions` steps (ParamRow::log_positions:
// 20 a decade); its aria-valuetext says the value.
function toPosition(c, value) {
  if (!c.log) return value;
  return Math.round(c.positions * Math.log(value / c.min) / Math.log(c.max / c.min));
}
function fromPosition(c, position) {
  if (!c.log) return position;
  var v = c.min * Math.pow(c.max / c.min, position / c.positions);
  return Math.min(c.max, Math.max(c.min, Number(v.toPrecision(2))));
}

function element(tag, attributes, text) {
  var e = document.createElement(tag);
  for (var name in attributes) e.setAttribute(name, attributes[name]);
  if (text != null) e.textContent = text;
  return e;
}

// container: the element that holds the layer; toggle: the button that shows it as a form.
// figure: {controls() (the rows, lesson_controls_json), rects() (where the canvas drew each
// control, lesson_control_rects_json), scenes(), scene() (the current one's
// id), setControl(key, value), showScene(id), focus(key) (ring it), reveal(key) (scroll its
// widget into view), changed()} (changed: the native layer changed the figure).
export function nativeControls(container, toggle, figure) {
  var tabs = element('div', { role: 'tablist', 'aria-label': t('figure.tabs'), class: 'fc-tabs' });
  var panel = element('div', { role: 'tabpanel', id: 'fc-panel', class: 'fc-panel' });
  container.append(tabs, panel);
  var rows = {};       // "scene:key" -> {node, signature, inputs}: the panel's rows
  var inputs = {};     // key -> the current scene's row element(s), for updates
  var shownScene = '';
  var builtFor = '';   // the scene the panel's rows are for

  figure.scenes().forEach(function (s) {
    var tab = element('button', { type: 'button', role: 'tab', id: 'fc-tab-' + s.id, 'aria-controls': 'fc-panel',
      'data-key': 'scene:' + s.id }, s.title);
    tab.addEventListener('click', function () { choose(s.id); });
    tabs.append(tab);
  });
  // Arrow keys move along the tabs and show each scene (the tablist's own keyboard model).
  tabs.addEventListener('keydown', function (event) {
    var list = Array.prototype.slice.call(tabs.children);
    var at = list.indexOf(document.activeElement);
    var to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: list.length - 1 }[event.key];
    if (at < 0 || to === undefined) return;
    event.preventDefault();
    var tab = list[(to + list.length) % list.length];
    tab.focus();
    choose(tab.id.slice('fc-tab-'.length));
  });

  function choose(id) {
    figure.showScene(id);
    figure.changed();
  }

  function set(key, value) {
    figure.setControl(key, value);
    figure.changed();
  }

  // One row's native control(s); returns the element to add and records what to update.
  function build(c) {
    var id = 'fc-' + c.key;
    if (c.kind === 'number') {
      var row = element('div', { class: 'fc-row' });
      var range = element('input', { type: 'range', id: id, 'data-key': c.key,
        min: c.log ? 0 : c.min, max: c.log ? c.positions : c.max, step: c.log ? 1 : c.step });
      var shown = element('span', { class: 'fc-value', 'aria-hidden': 'true' });
      range.addEventListener('input', function () { set(c.key, fromPosition(c, Number(range.value))); });
      row.append(element('label', { for: id }, c.label), range, shown);
      inputs[c.key] = { range: range, shown: shown };
      return row;
    }
    if (c.kind === 'choice' || (c.kind === 'toggle' && !c.options)) {
      var group = c.kind === 'choice' ? element('fieldset', { class: 'fc-choice' }) : null;
      if (group) group.append(element('legend', {}, c.label));
      var boxes = (c.options || [c.label]).map(function (text, i) {
        var box = element('input', { type: c.kind === 'choice' ? 'radio' : 'checkbox', name: id, value: String(i), 'data-key': c.key });
        box.addEventListener('change', function () {
          if (c.kind === 'toggle') set(c.key, box.checked ? 1 : 0);
          else if (box.checked) set(c.key, i);
        });
        var label = element('label', { class: 'fc-option' });
        label.append(box, document.createTextNode(' ' + text));
        (group || (group = element('div', { class: 'fc-choice' }))).append(label);
        return box;
      });
      inputs[c.key] = { boxes: boxes };
      return group;
    }
    if (c.kind === 'toggle') {  // drawn as two buttons (Break it | Apply the fix): pressed buttons here too
      var pair = element('div', { role: 'group', 'aria-label': c.label, class: 'fc-buttons' });
      var buttons = c.options.map(function (text, i) {
        var b = element('button', { type: 'button', 'data-key': c.key, 'data-part': String(i) }, text);
        b.addEventListener('click', function () { set(c.key, i); });
        pair.append(b);
        return b;
      });
      inputs[c.key] = { pair: buttons };
      return pair;
    }
    var button = element('button', { type: 'button', id: id, 'data-key': c.key, class: 'fc-button' }, c.label);
    button.addEventListener('click', function () { set(c.key, 1); });
    inputs[c.key] = { button: button };
    return button;
  }

  // Brings the panel's rows to `list`, in place: a row whose description is unchanged keeps
  // its element (and the focus, so a screen reader keeps its place), new rows are inserted
  // where they belong, gone ones removed. Existing rows keep their relative order (the
  // table's), so a focused element is never moved. Focus on a row that goes moves to its
  // neighbour.
  function reconcile(scene, list) {
    var next = {};
    var focused = document.activeElement && panel.contains(document.activeElement) ? document.activeElement : null;
    list.forEach(function (c) {
      var id = scene + ':' + c.key;
      var signature = JSON.stringify([c.kind, c.label, c.options, c.min, c.max, c.step, c.log]);
      var row = rows[id];
      if (!row || row.signature !== signature) row = { node: build(c), signature: signature, key: c.key };
      else inputs[c.key] = row.inputs;
      row.inputs = inputs[c.key];
      next[id] = row;
    });
    var cursor = panel.firstChild;
    list.forEach(function (c) {
      var node = next[scene + ':' + c.key].node;
      if (node === cursor) cursor = cursor.nextSibling;
      else panel.insertBefore(node, cursor);
    });
    var kept = new Set(Object.keys(next).map(function (id) { return next[id].node; }));
    var lost = null;
    for (var id in rows) if (!kept.has(rows[id].node) && focused && rows[id].node.contains(focused)) lost = rows[id].node;
    if (lost && scene !== builtFor) {
      // Another scene (a Try it, a link, the JS API): the keyboard goes to its tab.
      document.getElementById('fc-tab-' + scene).focus();
    } else if (lost) {  // the nearest row that stays, after the lost one or else before it
      var sibling = lost.nextSibling || lost.previousSibling;
      while (sibling && !kept.has(sibling)) sibling = sibling.nextSibling;
      if (!sibling) for (sibling = lost.previousSibling; sibling && !kept.has(sibling);) sibling = sibling.previousSibling;
      var target = sibling && sibling.querySelector
        ? (sibling.matches('input, button') ? sibling : sibling.querySelector('input:checked, input:not([type=radio]), button'))
        : null;
      if (target) target.focus();
    }
    builtFor = scene;
    for (var old in rows) if (!kept.has(rows[old].node)) rows[old].node.remove();
    rows = next;
  }

  // Brings the layer up to date with the figure, showing `scene` (called whenever frames
  // were drawn, and after every change made here).
  function refresh(scene) {
    if (scene !== shownScene) {
      shownScene = scene;
      Array.prototype.forEach.call(tabs.children, function (tab) {
        var on = tab.id === 'fc-tab-' + scene;
        tab.setAttribute('aria-selected', on ? 'true' : 'false');
        tab.tabIndex = on ? 0 : -1;
      });
      panel.setAttribute('aria-labelledby', 'fc-tab-' + scene);
    }
    var list = figure.controls().filter(function (c) { return c.applies && c.kind !== 'url'; });
    reconcile(scene, list);
    list.forEach(function (c) {
      var e = inputs[c.key];
      if (e.range) {
        var position = String(toPosition(c, c.value));
        if (e.range.value !== position) e.range.value = position;
        if (e.range.getAttribute('aria-valuetext') !== c.text) e.range.setAttribute('aria-valuetext', c.text);
        if (e.shown.textContent !== c.text) e.shown.textContent = c.text;
      } else if (e.boxes) {
        e.boxes.forEach(function (box, i) {
          var on = e.boxes.length === 1 ? c.value > 0.5 : Math.round(c.value) === i;
          if (box.checked !== on) box.checked = on;
        });
      } else if (e.pair) {
        e.pair.forEach(function (b, i) { b.setAttribute('aria-pressed', (c.value > 0.5) === (i === 1) ? 'true' : 'false'); });
      } else {
        if (c.pressed !== undefined) e.button.setAttribute('aria-pressed', c.pressed ? 'true' : 'false');
        // aria-disabled, not disabled: a button that greys out under the keyboard keeps focus.
        if (c.disabled) e.button.setAttribute('aria-disabled', 'true');
        else e.button.removeAttribute('aria-disabled');
        if (e.button.title !== (c.help || '')) e.button.title = c.help || '';  // what it does, or why it is dimmed
      }
    });
    place();
  }

  // Each native control over the widget the canvas drew for it (rectangles in CSS pixels
  // from the canvas's top left, which is this layer's too): touch exploration with a screen
  // reader finds it where it is drawn, and a double tap lands on that widget. A radio button
  // or checkbox is placed by its label; a choice's option i is "key:i", a pair's button
  // "key:0"/"key:1". Not when shown as a form, which flows.
  function place() {
    var rects = container.classList.contains('shown') ? null : figure.rects();
    Array.prototype.forEach.call(container.querySelectorAll('[data-key]'), function (e) {
      var part = e.getAttribute('data-part') || (e.type === 'radio' ? e.value : '');
      var rect = rects && rects[e.getAttribute('data-key') + (part ? ':' + part : '')];
      var style = (e.type === 'radio' || e.type === 'checkbox' ? e.parentNode : e).style;
      var box = rect ? ['absolute', rect[0] + 'px', rect[1] + 'px', rect[2] + 'px', rect[3] + 'px'] : ['', '', '', '', ''];
      ['position', 'left', 'top', 'width', 'height'].forEach(function (name, i) {
        if (style[name] !== box[i]) style[name] = box[i];
      });
    });
  }

  // The canvas rings the widget whose native control has focus ("fixed:1": the second of a
  // pair of buttons), and the page scrolls so that the ring is on screen: the browser only
  // brings the invisible native control into view.
  container.addEventListener('focusin', function (event) {
    var part = event.target.getAttribute('data-part');
    var key = (event.target.getAttribute('data-key') || '') + (part ? ':' + part : '');
    figure.focus(key);
    requestAnimationFrame(function () { figure.reveal(key); });
  });
  container.addEventListener('focusout', function (event) {
    if (!container.contains(event.relatedTarget)) figure.focus('');
  });

  // Shown as a form on request (magnifiers, switch access, anyone who prefers it); kept.
  var figureElement = container.closest('figure');
  function showForm(on) {
    container.classList.toggle('shown', on);
    if (figureElement) figureElement.classList.toggle('with-form', on);
    toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
    place();
  }
  var asked = false;
  try { asked = localStorage.getItem('lesson-controls-form') === '1'; } catch (e) { /* storage blocked */ }
  toggle.hidden = false;
  toggle.addEventListener('click', function () {
    var on = !container.classList.contains('shown');
    showForm(on);
    try { localStorage.setItem('lesson-controls-form', on ? '1' : '0'); } catch (e) { /* storage blocked */ }
  });
  showForm(asked);

  refresh(figure.scene());
  return { refresh: refresh };
}
