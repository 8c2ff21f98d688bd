// The OpenAPI document is served by Payara at the server root; no online validator (nothing leaves the intranet).
window.onload = function () {
    window.ui = SwaggerUIBundle({
        url: "/openapi",
        dom_id: "#swagger-ui",
        validatorUrl: null,
        deepLinking: true
    });
};
