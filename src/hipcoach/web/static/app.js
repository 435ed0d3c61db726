// hipcoach: small progressive enhancements. Every page works without this file.
// - countdown timers for holds and rest ([data-timer] buttons, shown only when JS runs), with
//   sound primed by the first tap, cues in the last 3 seconds, a notification when one ends
//   in a hidden tab, and the screen kept awake while Today's session is open
// - a Print button on the printable plan ([data-print])
// - copy buttons for secrets shown once ([data-copy])
// - the browser's time zone in forms that ask for it ([data-browser-zone])
// - set forms: no double submits
// - offline logging: the service worker, and an outbox in IndexedDB for Today's sets
//   (see the second half of this file)
"use strict";

// Today's page as the server sent it, before anything below changes it: on a first visit no
// service worker has seen it yet, so it is handed to the worker to keep for offline use
// (the copy must be this one: its set ids are the ones the outbox records).
var hipcoachFirstCopy = document.querySelector("[data-session-id]") && navigator.serviceWorker &&
  !navigator.serviceWorker.controller ? "<!doctype html>\n" + document.documentElement.outerHTML : "";

(function () {
  var running = null;

  function format(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  // Sound: one AudioContext for the page, made and resumed by the first tap anywhere.
  // Browsers let audio start only from a user's gesture, so a context first made when a rest
  // ends (no gesture then) would stay silent; this one is primed and reused by every cue.
  var audio = null;

  function primeSound() {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      if (!audio) audio = new Context();
      if (audio.state === "suspended") {
        var resumed = audio.resume();
        if (resumed && resumed.catch) resumed.catch(function () { return undefined; });
      }
    } catch (e) {
      audio = null;  // sound is a bonus; the display and vibration carry the signal
    }
  }

  function tone(frequency, seconds) {
    if (!audio || audio.state !== "running") return;
    try {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = frequency;
      gain.gain.value = 0.15;
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + seconds);
    } catch (e) {
      // as above: never let a cue break the timer
    }
  }

  function buzz(pattern) {
    try {
      if (navigator.vibrate) navigator.vibrate(pattern);
    } catch (e) {
      // some browsers refuse vibration without a recent tap
    }
  }

  // The screen stays awake while a session is open on Today (Screen Wake Lock, where the
  // browser has it and allows it), and again after the phone comes back to the page: the
  // browser drops the lock whenever the page is hidden.
  var wake = { lock: null, wanted: false };

  function keepAwake() {
    wake.wanted = true;
    if (wake.lock || !navigator.wakeLock || document.visibilityState !== "visible") return;
    navigator.wakeLock.request("screen").then(function (lock) {
      wake.lock = lock;
      lock.addEventListener("release", function () { wake.lock = null; });
    }, function () {
      // refused (battery saver, no permission): the timers work the same
    });
  }

  // A rest or hold that ends while the tab is hidden (the phone locked, another app in
  // front) says so in a notification, when the person has allowed them; it goes through the
  // service worker where there is one (Android shows page notifications only that way).
  // Asked once, at the first timer the person starts themselves (a tap: browsers ask only
  // then); a dismissed question is not asked again.
  function askToNotify() {
    if (!window.Notification || Notification.permission !== "default") return;
    try {
      if (window.localStorage.getItem("hipcoach-asked-notify")) return;
      window.localStorage.setItem("hipcoach-asked-notify", "1");
      Notification.requestPermission();
    } catch (e) {
      // storage or the promise form missing: no notifications
    }
  }

  function notify(text) {
    if (document.visibilityState === "visible") return;
    if (!window.Notification || Notification.permission !== "granted") return;
    var options = { body: text, tag: "hipcoach-timer", renotify: true, icon: "/static/icons/icon-192.png" };
    var worker = navigator.serviceWorker;
    if (worker && worker.controller) {
      worker.ready.then(function (registration) {
        return registration.showNotification("hipcoach", options);
      }).catch(function () { return undefined; });
    } else {
      try {
        new Notification("hipcoach", options);
      } catch (e) {
        // pages may not show notifications themselves on some phones
      }
    }
  }

  // A timer button's words sit in its [data-label] span, beside its icon: only they change.
  function labelOf(button) {
    return button.querySelector("[data-label]") || button;
  }

  function stop(timer, finished) {
    window.clearInterval(timer.interval);
    var words = labelOf(timer.button);
    while (words.firstChild) words.removeChild(words.firstChild);
    timer.label.forEach(function (node) { words.appendChild(node); });
    timer.button.setAttribute("aria-pressed", "false");
    if (finished) {
      timer.display.textContent = timer.name + " done";
      timer.display.classList.add("is-over");
      buzz([200, 100, 200]);
      tone(880, 0.4);
      notify(timer.name + " done: " + (timer.name === "Rest" ? "next set." : "well held."));
    } else {
      timer.display.hidden = true;
    }
    running = null;
  }

  // The last three seconds count down out loud (a short tone and buzz each), so a hold can be
  // timed without looking at the phone; the end is a longer, higher tone.
  function cue(timer, left) {
    if (left > 3 || left < 1 || timer.cued[left]) return;
    timer.cued[left] = true;
    tone(660, 0.12);
    buzz(60);
  }

  function start(button) {
    var box = button.closest("[data-timers]");
    var display = box ? box.querySelector(".timer-display") : null;
    if (!display) return;
    if (running) {
      var same = running.button === button;
      stop(running, false);
      if (same) return;
    }
    var total = parseInt(button.getAttribute("data-timer"), 10);
    if (!(total > 0)) return;
    var name = button.getAttribute("data-timer-label") || "Timer";
    var ends = Date.now() + total * 1000;
    var timer = {
      button: button, display: display, name: name, interval: 0, cued: {},
      label: Array.prototype.map.call(labelOf(button).childNodes, function (node) {
        return node.cloneNode(true);
      })
    };
    primeSound();
    keepAwake();
    display.hidden = false;
    display.classList.remove("is-over");
    display.textContent = name + " " + format(total);
    labelOf(button).textContent = "Stop " + name.toLowerCase();
    button.setAttribute("aria-pressed", "true");
    timer.interval = window.setInterval(function () {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      display.textContent = name + " " + format(left);
      if (left <= 0) stop(timer, true);
      else cue(timer, left);
    }, 250);
    running = timer;
  }

  function setUpTimers() {
    var buttons = document.querySelectorAll("[data-timer]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", function (event) {
        if (event.isTrusted) askToNotify();
        start(button);
      });
    });
    var auto = document.querySelector("[data-timer-autostart]");
    if (auto) start(auto);
  }

  function setUpPrint() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function setUpCopy() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (input) {
      input.addEventListener("focus", function () { input.select(); });
      if (!navigator.clipboard) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button small";
      button.textContent = "Copy";
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(input.value).then(function () {
          button.textContent = "Copied";
        });
      });
      input.insertAdjacentElement("afterend", button);
    });
  }

  function setUpSetForms() {
    Array.prototype.forEach.call(document.querySelectorAll(".set-form, .pair-form"), function (form) {
      form.addEventListener("submit", function () {
        Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) {
          b.setAttribute("aria-busy", "true");
        });
        window.setTimeout(function () {
          Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) {
            b.disabled = true;
          });
        }, 0);
      });
    });
  }

  // The person's time zone (e.g. "Europe/Berlin") for forms that ask for it, so "today" is
  // their day; without script the field stays empty and the server's zone is used.
  function setUpBrowserZone() {
    var zone = "";
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-browser-zone]"), function (input) {
      if (!input.value) input.value = zone;
    });
  }

  function setUpSession() {
    document.addEventListener("pointerdown", primeSound, true);
    document.addEventListener("keydown", primeSound, true);
    if (!document.querySelector("[data-session-id]")) return;
    keepAwake();
    document.addEventListener("visibilitychange", function () {
      if (wake.wanted && document.visibilityState === "visible") keepAwake();
    });
  }

  function ready() {
    setUpSession();
    setUpBrowserZone();
    setUpTimers();
    setUpPrint();
    setUpCopy();
    setUpSetForms();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();

// ---- offline logging: the outbox ----
// A tap on a set's "Done" (or "Save set"), or leaving a move out, stores it in IndexedDB
// first, shows it at once, and sends the outbox to POST /api/v1/sync in the background: now,
// when the phone is back online, and again after a failed try. The server stays the source of truth: it
// stores each set once by its id, computes the next prescriptions, and answers each item;
// a set it stores with other values comes back as a conflict, shown on the set's row.
// Without IndexedDB (or without this file) the forms post as they always did.
(function () {
  var DB = "hipcoach";
  var STORE = "outbox";
  var SYNC_URL = "/api/v1/sync";
  var MAX_ITEMS = 500;
  var RETRY_FIRST_MS = 2000;
  var RETRY_MOST_MS = 30000;
  var owner = document.body.getAttribute("data-owner") || "";
  var csrfMeta = document.querySelector('meta[name="hipcoach-csrf"]');
  var sessionInfo = document.querySelector("[data-session-id]");
  // failed: the last try did not reach the server (online, a set in flight is not news: the
  // banner stays hidden, so the page does not jump at every tap).
  var state = {
    current: null, again: false, retryMs: RETRY_FIRST_MS, timer: 0, blocked: "", failed: false
  };
  var opened = null;

  var STATES = {
    // Waiting rows say so only to screen readers: the banner at the top says it once for all.
    waiting: "Saved on this phone, waiting to sync",
    sending: "Saved on this phone, syncing",
    saved: "Saved",
    conflict: "Conflict: ",
    refused: "Not saved: "
  };

  function openDb() {
    if (opened) return opened;
    opened = new Promise(function (resolve, reject) {
      var request = window.indexedDB.open(DB, 1);
      request.onupgradeneeded = function () {
        var store = request.result.createObjectStore(STORE, { keyPath: "id" });
        store.createIndex("owner", "owner");
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
    return opened;
  }

  function entries() {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var request = db.transaction(STORE).objectStore(STORE).index("owner").getAll(owner);
        request.onsuccess = function () { resolve(request.result || []); };
        request.onerror = function () { reject(request.error); };
      });
    });
  }

  function put(records) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, "readwrite");
        var store = tx.objectStore(STORE);
        records.forEach(function (record) { store.put(record); });
        tx.oncomplete = function () { resolve(); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  function remove(ids) {
    return openDb().then(function (db) {
      return new Promise(function (resolve) {
        var tx = db.transaction(STORE, "readwrite");
        ids.forEach(function (id) { tx.objectStore(STORE).delete(id); });
        tx.oncomplete = function () { resolve(); };
        tx.onerror = function () { resolve(); };
      });
    });
  }

  function announce(text) {
    var live = document.getElementById("live-announcer");
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 30);
  }

  function numberOrNull(value) {
    return value === null || value === "" ? null : parseInt(value, 10);
  }

  function textOrNull(value) {
    return value === null || value === "" ? null : String(value);
  }

  // A set form's set, or with `side` one side of a "Both done" form (its fields named
  // "left_set_id" and so on; the others shared), as the server reads them.
  function setFromForm(form, side) {
    var data = new FormData(form);
    var own = side ? side + "_" : "";
    var kind = String(data.get("kind"));
    var set = {
      id: String(data.get(own + "set_id")),
      exercise: String(data.get("exercise")),
      side: side || String(data.get("side")),
      resistance_key: String(data.get(own + "resistance_key") || "bodyweight"),
      rir: numberOrNull(data.get("rir")),
      pain: numberOrNull(data.get("pain")) || 0,
      pain_area: textOrNull(data.get("pain_area")),
      pain_side: textOrNull(data.get("pain_side")),
      note: String(data.get("note") || "").trim(),
      logged_at: new Date().toISOString()
    };
    set[kind] = parseInt(String(data.get(own + "amount")), 10);
    return set;
  }

  function sessionItem() {
    var week = sessionInfo.getAttribute("data-plan-week");
    var number = sessionInfo.getAttribute("data-plan-session");
    return {
      kind: "session",
      join_day: true,
      session: {
        id: sessionInfo.getAttribute("data-session-id"),
        date: sessionInfo.getAttribute("data-session-date"),
        plan_week: week ? parseInt(week, 10) : null,
        plan_session: number ? parseInt(number, 10) : null
      }
    };
  }

  function rowView(form, set) {
    var title = form.querySelector(".set-title");
    var text = title ? title.textContent.trim() : "Set";
    var label = text.split(":")[0];
    var unit = text.split(" ").pop();
    var amount = set.reps || set.steps || set.hold_seconds;
    var card = form.closest("article");
    var name = card ? card.querySelector("h2") : null;
    var detail = "pain " + set.pain + (set.rir !== null ? " · " + set.rir + " left" : "");
    return {
      title: label + ": " + amount + " " + unit,
      detail: detail,
      move: name ? name.firstChild.textContent.trim() : "",
      row: label.split(" · ")[0]  // "Set 2": a per-side set's two sides share it
    };
  }

  function stateText(record) {
    var base = STATES[record.state] || STATES.waiting;
    if (record.state === "conflict" || record.state === "refused") return base + record.message;
    return base;
  }

  function showRow(row, record, focus) {
    var view = record.view;
    row.classList.add("is-done");
    row.setAttribute("data-outbox-id", record.id);
    while (row.firstChild) row.removeChild(row.firstChild);
    var title = document.createElement("p");
    title.className = "set-title";
    title.tabIndex = -1;
    var check = document.createElement("span");
    check.className = "check";
    check.setAttribute("aria-hidden", "true");
    check.textContent = "✓";
    var detail = document.createElement("span");
    detail.className = "set-detail";
    detail.textContent = view.detail;
    title.appendChild(check);
    title.appendChild(document.createTextNode(" " + view.title + " "));
    title.appendChild(detail);
    var note = document.createElement("p");
    note.className = "sync-note";
    row.appendChild(title);
    row.appendChild(note);
    paintRow(row, record);
    if (focus) title.focus();
  }

  function paintRow(row, record) {
    var note = row.querySelector(".sync-note");
    if (!note) return;
    row.setAttribute("data-sync", record.state);
    note.setAttribute("data-state", record.state);
    note.textContent = stateText(record);
    note.classList.toggle("visually-hidden", record.state === "waiting" || record.state === "sending");
    var undo = row.querySelector("form.undo");
    if (record.kind === "set" && record.state === "saved" && record.storedSession && !undo) {
      row.appendChild(undoForm(record));
    }
    if (record.state === "conflict") {
      var reload = document.createElement("a");
      reload.href = "/today";
      reload.textContent = " Reload to see what is stored.";
      note.appendChild(reload);
    }
  }

  function undoForm(record) {
    // The same form the server renders under a stored set (it works once the set is stored).
    var form = document.createElement("form");
    form.method = "post";
    form.className = "undo";
    form.action = "/sessions/" + record.storedSession + "/sets/" + record.setId + "/delete";
    [["csrf", csrfMeta ? csrfMeta.getAttribute("content") : ""], ["back", "today"]].forEach(function (f) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = f[0];
      input.value = f[1];
      form.appendChild(input);
    });
    var button = document.createElement("button");
    button.type = "submit";
    button.className = "link-button";
    button.appendChild(icon("undo"));
    button.appendChild(document.createTextNode("Undo"));
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = " " + record.view.title.split(":")[0].toLowerCase();
    button.appendChild(hidden);
    form.appendChild(button);
    return form;
  }

  // The same decorative icon the templates draw (m.icon): a <use> of the page's sprite.
  function icon(name) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("class", "icon");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var use = document.createElementNS(ns, "use");
    use.setAttribute("href", "#icon-" + name);
    svg.appendChild(use);
    return svg;
  }

  function rowOf(id) {
    return document.querySelector('[data-outbox-id="' + id + '"]');
  }

  function bumpCount() {
    var bar = document.getElementById("sets-progress");
    if (!bar) return;
    var done = Math.min(parseInt(bar.getAttribute("max"), 10), parseInt(bar.value, 10) + 1);
    bar.value = done;
    bar.textContent = done + " of " + bar.getAttribute("max");
    var label = document.querySelector('label[for="sets-progress"]');
    if (label) label.textContent = done + " of " + bar.getAttribute("max") + " sets logged";
    var all = document.querySelector("[data-all-logged]");
    if (all && done === parseInt(bar.getAttribute("max"), 10)) all.hidden = false;
  }

  // The count at the top counts set rows, as the cards do: a per-side set once both sides are in.
  function countSet(pair) {
    if (!pair || !pair.querySelector(".set-form")) bumpCount();
  }

  // Rest after a whole set: for a per-side move, once both sides are logged, not between.
  function startRest(card, pair) {
    if (!card || !card.querySelector(".set-form")) return;
    if (pair && pair.querySelector(".set-form")) return;
    var rest = card.querySelector('[data-timer-label="Rest"]');
    if (rest && rest.getAttribute("aria-pressed") !== "true") rest.click();
  }

  function showStatus(records) {
    var bar = document.getElementById("sync-state");
    if (!bar) return;
    // Counted in sets as the page counts them: a per-side set's two sides are one set.
    var waitingRows = {};
    var conflictRows = {};
    var skips = 0;
    var refusedSkips = 0;
    records.forEach(function (r) {
      if (r.kind === "skip" || r.kind === "unskip") {
        if (r.state === "waiting") skips += 1;
        if (r.state === "refused") refusedSkips += 1;
        return;
      }
      if (r.kind !== "set") return;
      var key = r.view && r.view.row ? [r.sessionId, r.item.set.exercise, r.view.row].join(" ") : r.id;
      if (r.state === "waiting") waitingRows[key] = true;
      if (r.state === "conflict" || r.state === "refused") conflictRows[key] = true;
    });
    var waiting = Object.keys(waitingRows).length;
    var conflicts = Object.keys(conflictRows).length + refusedSkips;
    var parts = [];
    var offline = navigator.onLine === false;
    if (offline) parts.push("You are offline.");
    if (waiting && (offline || state.failed || state.blocked)) {
      var sets = waiting === 1 ? "1 set" : waiting + " sets";
      var how = offline ? "they sync when you are back online" : (state.blocked || "waiting to sync");
      parts.push(sets + " saved on this phone, " + how + ".");
    } else if (offline && !waiting && owner && sessionInfo) {
      parts.push("Sets you log are kept on this phone and sync when you are back online.");
    }
    if (skips && (offline || state.failed || state.blocked)) {
      parts.push((skips === 1 ? "A change to your moves is" : skips + " changes to your moves are") +
        " saved on this phone and sync with your sets.");
    }
    if (conflicts) {
      parts.push((conflicts === 1 ? "1 entry was" : conflicts + " entries were") +
        " not stored: see the move for why.");
    }
    bar.hidden = parts.length === 0;
    bar.textContent = parts.join(" ");
    bar.setAttribute("data-state", conflicts ? "conflict" : (parts.length ? "waiting" : "saved"));
    if (state.blocked === "sign in to sync") {
      var link = document.createElement("a");
      link.href = "/signin?next=/today";
      link.textContent = " Sign in";
      bar.appendChild(link);
    }
  }

  function refresh() {
    return entries().then(function (records) {
      records.forEach(function (record) {
        var row = rowOf(record.id);
        if (row) paintRow(row, record);
      });
      showStatus(records);
      return records;
    });
  }

  function scheduleRetry() {
    window.clearTimeout(state.timer);
    state.timer = window.setTimeout(flush, state.retryMs);
    state.retryMs = Math.min(RETRY_MOST_MS, state.retryMs * 2);
  }

  function judge(sent, body) {
    var changed = [];
    (body.results || []).forEach(function (result) {
      var record = sent[result.index];
      if (!record) return;
      if (result.status === 200 || result.status === 201) {
        record.state = "saved";
        if (result.session_id) record.storedSession = result.session_id;
      } else {
        record.state = result.status === 409 ? "conflict" : "refused";
        record.message = result.error ? result.error.message : "the server refused it.";
      }
      changed.push(record);
      if (record.kind === "set" && record.state === "saved") {
        performance.mark("hc-synced:" + record.setId);
        try {
          performance.measure("hc-tap-to-synced", "hc-tap:" + record.setId, "hc-synced:" + record.setId);
        } catch (e) { /* tapped on an earlier page */ }
      }
    });
    return put(changed);
  }

  function send(records) {
    // Sets and skips (and a skip's undo) waiting, with the sessions they name.
    var sets = records.filter(function (r) { return r.kind !== "session" && r.state === "waiting"; });
    if (!sets.length) return Promise.resolve(false);
    sets.sort(function (a, b) { return a.seq - b.seq; });
    sets = sets.slice(0, MAX_ITEMS);
    var needed = {};
    sets.forEach(function (r) { needed["session:" + r.sessionId] = true; });
    var sessions = records.filter(function (r) { return needed[r.id]; });
    var sent = sessions.concat(sets);
    var token = csrfMeta ? csrfMeta.getAttribute("content") : "";
    return fetch(SYNC_URL, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "x-csrf-token": token },
      body: JSON.stringify({ items: sent.map(function (r) { return r.item; }) })
    }).then(function (response) {
      if (response.status === 401) {
        return response.json().then(function (body) {
          var field = body && body.error ? body.error.field : "";
          state.blocked = field === "csrf" ? "reload the page to sync" : "sign in to sync";
          return false;
        });
      }
      if (!response.ok) throw new Error("sync answered " + response.status);
      return response.json().then(function (body) {
        state.blocked = "";
        state.failed = false;
        state.retryMs = RETRY_FIRST_MS;
        return judge(sent, body).then(function () { return sets.length === MAX_ITEMS; });
      });
    });
  }

  function flush() {
    // One sending at a time; a call while one runs is answered when that one is done
    // (and it goes round again for whatever was queued meanwhile).
    if (!owner || !window.indexedDB) return Promise.resolve();
    if (state.current) {
      state.again = true;
      return state.current;
    }
    state.current = sendAll().then(function () { state.current = null; }, function () {
      state.current = null;
    });
    return state.current;
  }

  function sendAll() {
    state.again = false;
    window.clearTimeout(state.timer);
    return entries().then(send).then(function (more) {
      if (more || state.again) return sendAll();
      return refresh();
    }).catch(function () {
      state.blocked = "";
      state.failed = true;
      scheduleRetry();
      return refresh();
    });
  }

  function setRecord(set, view, session) {
    return {
      id: "set:" + set.id,
      setId: set.id,
      owner: owner,
      kind: "set",
      seq: Date.now() + Math.random(),
      sessionId: session.session.id,
      day: session.session.date,
      state: "waiting",
      message: "",
      item: { kind: "set", session_id: session.session.id, set: set },
      view: view
    };
  }

  function sessionRecord(session) {
    return {
      id: "session:" + session.session.id,
      owner: owner,
      kind: "session",
      seq: 0,
      sessionId: session.session.id,
      day: session.session.date,
      state: "waiting",
      item: session
    };
  }

  // A per-side row with a side logged: "Both done" and the row's title have done their job.
  function tidyPair(pair) {
    if (!pair || pair.querySelectorAll(".set-form").length === 2) return;
    var done = pair.querySelector(".set-form") ? "" : ", .set-last";  // last time's, once both are in
    Array.prototype.forEach.call(pair.querySelectorAll(".pair-form, .pair-title" + done), function (el) {
      el.parentNode.removeChild(el);
    });
  }

  function canLog() {
    return owner && sessionInfo && window.indexedDB && window.Promise;
  }

  // Each entry: the side's form (where its row is shown) and the set to store.
  function keep(entries, fallback) {
    var card = fallback.closest("article");
    var pair = fallback.closest(".set-pair");
    var session = sessionItem();
    var records = entries.map(function (entry) {
      performance.mark("hc-tap:" + entry.set.id);
      return { form: entry.form, record: setRecord(entry.set, rowView(entry.form, entry.set), session) };
    });
    put([sessionRecord(session)].concat(records.map(function (r) { return r.record; }))).then(function () {
      records.forEach(function (r, i) {
        showRow(r.form.closest(".set-row"), r.record, i === records.length - 1);
        countSet(pair);
        performance.mark("hc-shown:" + r.record.setId);
        performance.measure("hc-tap-to-shown", "hc-tap:" + r.record.setId, "hc-shown:" + r.record.setId);
      });
      tidyPair(pair);
      var views = records.map(function (r) { return r.record.view.title; });
      announce(records[0].record.view.move + ", " + views.join(" and ") + ": saved.");
      startRest(card, pair);
      registerBackgroundSync();
      return flush();
    }).catch(function () {
      fallback.submit();  // IndexedDB refused (private mode, full disk): the plain form still works
    });
  }

  function log(form, event) {
    if (!canLog()) return;
    event.preventDefault();
    keep([{ form: form, set: setFromForm(form) }], form);
  }

  // "Both done": the two sides' sets, as the pair form says (as prescribed), two records.
  function logPair(pairForm, event) {
    if (!canLog()) return;
    var pair = pairForm.closest(".set-pair");
    var entries = [];
    ["left", "right"].forEach(function (side) {
      var input = pair.querySelector('.set-form input[name="side"][value="' + side + '"]');
      if (input) entries.push({ form: input.form, set: setFromForm(pairForm, side) });
    });
    if (entries.length !== 2) return;  // a side already logged: the server's answer decides
    event.preventDefault();
    keep(entries, pairForm);
  }

  // ---- a move left out, offline too ----
  function skipRecord(session, form) {
    var data = new FormData(form);
    var exercise = String(data.get("exercise"));
    var chosen = form.querySelector('input[name="reason"]:checked');
    var label = chosen ? form.querySelector('label[for="' + chosen.id + '"]') : null;
    var card = form.closest("article");
    var name = card ? card.querySelector("h2") : null;
    return {
      id: "skip:" + session.session.id + ":" + exercise,
      owner: owner,
      kind: "skip",
      seq: Date.now() + Math.random(),
      sessionId: session.session.id,
      day: session.session.date,
      state: "waiting",
      message: "",
      item: {
        kind: "skip",
        session_id: session.session.id,
        exercise: exercise,
        reason: String(data.get("reason")),
        note: String(data.get("note") || "").trim()
      },
      view: {
        move: name ? name.firstChild.textContent.trim() : exercise,
        reason: label ? label.textContent.trim() : String(data.get("reason"))
      }
    };
  }

  function lessToDo(count) {
    var bar = document.getElementById("sets-progress");
    if (!bar || !count) return;
    var total = Math.max(0, parseInt(bar.getAttribute("max"), 10) - count);
    bar.setAttribute("max", String(total));
    bar.textContent = bar.value + " of " + total;
    var label = document.querySelector('label[for="sets-progress"]');
    if (label) label.textContent = bar.value + " of " + total + " sets logged";
    var all = document.querySelector("[data-all-logged]");
    if (all) {
      all.textContent = "All " + total + " sets logged.";
      all.hidden = !(total && parseInt(bar.value, 10) >= total);
    }
  }

  // The card as the server draws a skipped move: its open sets say so, its skip form becomes
  // the notice, with an Undo that takes the queued skip back.
  function showSkip(card, record, focus) {
    var open = card.querySelectorAll(".set-form");
    // Sets as the count at the top counts them: a per-side row is one set until both are in.
    var unfinished = [];
    Array.prototype.forEach.call(open, function (form) {
      var set = form.closest(".set-pair") || form.closest(".set-row");
      if (unfinished.indexOf(set) < 0) unfinished.push(set);
    });
    Array.prototype.forEach.call(open, function (form) {
      var title = form.querySelector(".set-title");
      var row = form.closest(".set-row");
      var text = document.createElement("p");
      text.className = "set-title skipped";
      text.textContent = (title ? title.textContent.split(":")[0] : "Set") + ": left out today";
      while (row.firstChild) row.removeChild(row.firstChild);
      row.appendChild(text);
    });
    Array.prototype.forEach.call(card.querySelectorAll(".pair-form, .pair-title"), function (el) {
      el.parentNode.removeChild(el);
    });
    lessToDo(unfinished.length);
    var details = card.querySelector("details.skip");
    if (!details) return;
    var box = document.createElement("div");
    box.className = "alert alert-caution skipped-move";
    box.setAttribute("data-outbox-id", record.id);
    var words = document.createElement("p");
    words.tabIndex = -1;
    var strong = document.createElement("strong");
    strong.textContent = "Left out today:";
    words.appendChild(strong);
    var note = record.item.note ? " (" + record.item.note + ")" : "";
    words.appendChild(document.createTextNode(" " + record.view.reason + note +
      ". Its next prescription waits for next time: nothing is judged from a day it was not done." +
      (record.item.reason === "pain" ? " If it keeps hurting, see a physical therapist before you do it again." : "")));
    var status = document.createElement("p");
    status.className = "sync-note";
    var undo = document.createElement("button");
    undo.type = "button";
    undo.className = "link-button";
    undo.textContent = "Undo: do " + record.view.move + " today";
    undo.addEventListener("click", function () { takeBack(record); });
    box.appendChild(words);
    box.appendChild(status);
    box.appendChild(undo);
    details.parentNode.replaceChild(box, details);
    paintRow(box, record);
    if (focus) words.focus();
  }

  // Undo: a skip still waiting on this phone is simply dropped; one the server has gets an
  // undo sent after it (its own record, so an answer arriving meanwhile cannot overwrite it).
  // The page then comes back as it was (from this phone's copy when offline).
  function takeBack(record) {
    entries().then(function (records) {
      var now = records.filter(function (r) { return r.id === record.id; })[0];
      if (!now || now.state === "waiting") return remove([record.id]);
      return remove([record.id]).then(function () {
        return put([{
          id: "unskip:" + record.sessionId + ":" + record.item.exercise,
          owner: owner, kind: "unskip", seq: Date.now() + Math.random(),
          sessionId: record.sessionId, day: record.day, state: "waiting", message: "",
          item: { kind: "unskip", session_id: record.item.session_id, exercise: record.item.exercise }
        }]);
      }).then(flush);
    }).then(function () { window.location.reload(); });
  }

  function skip(form, event) {
    if (!canLog()) return;
    event.preventDefault();
    var session = sessionItem();
    var record = skipRecord(session, form);
    put([sessionRecord(session), record]).then(function () {
      showSkip(form.closest("article"), record, false);
      announce(record.view.move + ": left out today.");
      registerBackgroundSync();
      return flush();
    }).catch(function () {
      form.submit();  // IndexedDB refused: the plain form still works online
    });
  }

  function registerBackgroundSync() {
    if (!navigator.serviceWorker || !navigator.serviceWorker.ready) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.sync) return registration.sync.register("hipcoach-outbox");
      return undefined;
    }).catch(function () { return undefined; });
  }

  function restore() {
    // Sets logged on this phone that the page (perhaps an older copy) shows as still to do.
    return entries().then(function (records) {
      var today = sessionInfo ? sessionInfo.getAttribute("data-session-date") : "";
      var old = [];
      records.forEach(function (record) {
        if (record.state === "saved" && today && record.day < today) old.push(record.id);
        // A skip still waiting is drawn on the card; one the server has is the server's to
        // show (or to have undone elsewhere); one it refused was reported on the page once.
        if (record.kind === "skip" && record.state === "refused") old.push(record.id);
        if (record.kind === "skip" && record.day === today && record.state === "waiting") {
          var cards = document.querySelectorAll(".skip-form input[name=\"exercise\"]");
          Array.prototype.forEach.call(cards, function (input) {
            if (input.value === record.item.exercise) showSkip(input.form.closest("article"), record, false);
          });
        }
        if (record.kind !== "set") return;
        var input = document.querySelector('.set-form input[name="set_id"][value="' + record.setId + '"]');
        if (input) {
          var pair = input.closest(".set-pair");
          showRow(input.closest(".set-row"), record, false);
          countSet(pair);
          tidyPair(pair);
        }
      });
      if (old.length) remove(old);
      showStatus(records);
    });
  }

  function setUp() {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
        return navigator.serviceWorker.ready;
      }).then(function (registration) {
        if (!owner || !registration.active) return;
        if (hipcoachFirstCopy) {
          registration.active.postMessage({ type: "keep-page", path: "/today", html: hipcoachFirstCopy });
        }
        var links = document.querySelectorAll('a[href^="/exercises/"]');
        var paths = Array.prototype.map.call(links, function (a) { return a.getAttribute("href"); });
        registration.active.postMessage({
          type: "keep-pages",
          paths: paths.filter(function (p, i) { return paths.indexOf(p) === i; })
        });
      }).catch(function () { return undefined; });
      navigator.serviceWorker.addEventListener("message", function (event) {
        if (event.data && event.data.type === "flush-outbox") flush();
      });
    }
    var signout = document.querySelector("form.signout");
    if (signout) {
      signout.addEventListener("submit", function () {
        var worker = navigator.serviceWorker && navigator.serviceWorker.controller;
        if (worker) worker.postMessage({ type: "forget-pages" });
      });
    }
    if (!owner || !window.indexedDB) return;
    Array.prototype.forEach.call(document.querySelectorAll('a[href="/today/done"]'), function (a) {
      // The summary is the server's: send what is waiting first (a failure goes on anyway).
      a.addEventListener("click", function (event) {
        event.preventDefault();
        flush().then(function () { window.location.href = a.href; });
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".set-form"), function (form) {
      form.addEventListener("submit", function (event) { log(form, event); });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".pair-form"), function (form) {
      form.addEventListener("submit", function (event) { logPair(form, event); });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".skip-form"), function (form) {
      form.addEventListener("submit", function (event) { skip(form, event); });
    });
    window.addEventListener("online", function () { state.retryMs = RETRY_FIRST_MS; flush(); });
    window.addEventListener("offline", function () { refresh(); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") flush();
    });
    restore().then(flush);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
