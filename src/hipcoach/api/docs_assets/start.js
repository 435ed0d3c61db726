// Starts Swagger UI on /api/docs. An external file: the CSP runs only scripts from this server.
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

  window.addEventListener("load", function () {
    window.ui = SwaggerUIBundle({
      url: "/api/openapi.json",
      dom_id: "#swagger-ui",
      plugins: [OperationsHeading],
    });
  });
})();
