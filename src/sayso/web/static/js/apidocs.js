// Starts the vendored Swagger UI on the app's OpenAPI document (no inline script: CSP).
"use strict";
window.addEventListener("load", function () {
  window.SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui" });
});
