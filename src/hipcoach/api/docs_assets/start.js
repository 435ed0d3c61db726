// Starts Swagger UI on /api/docs. An external file: the CSP runs only scripts from this server.
// Loaded in <head>, so the page is in its scheme before anything is drawn.
(function () {
  "use strict";

  // Swagger UI 5 has a dark theme of its own (html.dark-mode); follow the device into it.
  var prefersDark = window.matchMedia("(prefers-color-scheme: dark)");
  function followTheDevice() {
    document.documentElement.classList.toggle("dark-mode", prefersDark.matches);
  }
  followTheDevice();
  prefersDark.addEventListener("change", followTheDevice);

  // Swagger UI heads the page with an h1 (the API's title) and each group of operations with
  // an h3; an h2 between them keeps the outline in order for screen readers.
  function OperationsHeading() {
    return {
      wrapComponents: {
        operations: function (Original, system) {
          return function (props) {
            var h = system.React.createElement;
            return h(
              "section",
              { className: "operations", "aria-labelledby": "operations-heading" },
              h("h2", { id: "operations-heading", className: "operations-heading" }, "Operations"),
              h(Original, props)
            );
          };
        },
      },
    };
  }

  // What Swagger UI draws without a name or out of order, mended as it appears: each entry is
  // a selector and the attributes its elements get (null removes one).
  var MENDS = [
    [".copy-to-clipboard > button", { "aria-label": "Copy to clipboard" }],
    [".close-modal", { "aria-label": "Close the dialog" }],
    [".body-param__text", { "aria-label": "Request body" }],
    // Its aria-label, "Apply credentials", hid the button's own word, Authorize.
    [".auth-btn-wrapper .authorize", { "aria-label": null }],
    // The documented responses are a table, not a landmark (each was an unnamed region).
    ["table.responses-table", { role: null, "aria-live": null }],
    // The Authorize dialog opens between the h1 and the operations' h2.
    [".modal-ux-header > h3", { "aria-level": "2" }],
    [".auth-container h4", { "aria-level": "3" }],
    // Long examples and responses scroll: a keyboard must be able to reach them to scroll.
    ["pre.microlight", { tabindex: "0" }],
  ];
  function mend() {
    MENDS.forEach(function (mending) {
      document.querySelectorAll(mending[0]).forEach(function (element) {
        Object.keys(mending[1]).forEach(function (name) {
          var value = mending[1][name];
          if (value === null) {
            element.removeAttribute(name);
          } else if (element.getAttribute(name) !== value) {
            element.setAttribute(name, value);
          }
        });
      });
    });
  }

  window.addEventListener("load", function () {
    new MutationObserver(mend).observe(document.getElementById("swagger-ui"), {
      childList: true,
      subtree: true,
    });
    window.ui = SwaggerUIBundle({
      url: "/api/openapi.json",
      dom_id: "#swagger-ui",
      plugins: [OperationsHeading],
      // Its default, agate, draws numbers and booleans at 3.5:1; these colours read (4.5:1 and up)
      // on both themes for what this API shows, JSON and the curl command.
      syntaxHighlight: { theme: "tomorrow-night" },
    });
  });
})();
