// hipcoach: small progressive enhancements. Every page works without this file.
// - countdown timers for holds and rest ([data-timer] buttons, shown only when JS runs)
// - a Print button on the printable plan ([data-print])
// - copy buttons for secrets shown once ([data-copy])
// - set forms: no double submits
"use strict";

(function () {
  var running = null;

  function format(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function beep() {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      var ctx = new Context();
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.15;
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.35);
      osc.onended = function () { ctx.close(); };
    } catch (e) {
      // sound is a bonus; the display and vibration carry the signal
    }
  }

  function stop(timer, finished) {
    window.clearInterval(timer.interval);
    timer.button.textContent = timer.label;
    timer.button.setAttribute("aria-pressed", "false");
    if (finished) {
      timer.display.textContent = timer.name + " done";
      timer.display.classList.add("is-over");
      if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
      beep();
    } else {
      timer.display.hidden = true;
    }
    running = null;
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
      button: button, display: display, label: button.textContent, name: name, interval: 0
    };
    display.hidden = false;
    display.classList.remove("is-over");
    display.textContent = name + " " + format(total);
    button.textContent = "Stop " + name.toLowerCase();
    button.setAttribute("aria-pressed", "true");
    timer.interval = window.setInterval(function () {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      display.textContent = name + " " + format(left);
      if (left <= 0) stop(timer, true);
    }, 250);
    running = timer;
  }

  function setUpTimers() {
    var buttons = document.querySelectorAll("[data-timer]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", function () { start(button); });
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
    Array.prototype.forEach.call(document.querySelectorAll(".set-form"), function (form) {
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

  function ready() {
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
