// Renders /openapi.yaml with Swagger UI. validatorUrl null keeps the page from sending the
// description to an outside validator, so the page makes requests to this server only.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null
  });
};
