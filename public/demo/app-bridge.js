// Demo mode's stand-in for Shopify App Bridge (https://cdn.shopify.com/shopifycloud/app-bridge.js
// cannot be reached offline). It covers what Fulfillment Desk uses of the `shopify` global
// (https://shopify.dev/docs/api/app-bridge-library): idToken(), the authenticated fetch,
// toast, loading, config and <ui-nav-menu>. It talks to nothing but this app's own origin.
(function () {
  "use strict";
  if (window.shopify) return;

  var TOKEN_PATH = "/demo/session-token";
  // Refresh a little before expiry so a token never dies in flight.
  var TOKEN_REFRESH_MARGIN_MS = 10000;
  // shopify-app-remix sets this header on a 401 that a fresh token would fix.
  var RETRY_HEADER = "X-Shopify-Retry-Invalid-Session-Request";

  var script = document.currentScript;
  var params = new window.URLSearchParams(window.location.search);
  var originalFetch = window.fetch.bind(window);

  var config = {
    apiKey: (script && script.getAttribute("data-api-key")) || "",
    shop: params.get("shop") || "",
    host: params.get("host") || "",
    locale: window.navigator.language || "en",
    appOrigins: [],
    disabledFeatures: [],
  };

  // ---- idToken ---------------------------------------------------------------------------

  var cachedToken = null;
  var cachedExpiresAt = 0;
  var pendingToken = null;

  function expiryOf(token) {
    var payload = token.split(".")[1] || "";
    var json = window.atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    return JSON.parse(json).exp * 1000;
  }

  function idToken(options) {
    var force = Boolean(options && options.force);
    if (!force && cachedToken && cachedExpiresAt - Date.now() > TOKEN_REFRESH_MARGIN_MS) {
      return Promise.resolve(cachedToken);
    }
    if (!pendingToken) {
      pendingToken = originalFetch(TOKEN_PATH, { headers: { Accept: "application/json" }, cache: "no-store" })
        .then(function (response) {
          if (!response.ok) throw new Error("Demo session token request failed: " + response.status);
          return response.json();
        })
        .then(function (body) {
          cachedToken = body.token;
          cachedExpiresAt = expiryOf(body.token);
          return body.token;
        })
        .finally(function () {
          pendingToken = null;
        });
    }
    return pendingToken;
  }

  // ---- authenticated fetch ---------------------------------------------------------------
  // Like App Bridge, add `Authorization: Bearer <session token>` to requests to the app's own
  // origin (https://shopify.dev/docs/api/app-bridge-library/apis/resource-fetching).

  function isAppRequest(url) {
    return url.origin === window.location.origin && url.pathname !== TOKEN_PATH;
  }

  function withToken(request, token) {
    var headers = new Headers(request.headers);
    headers.set("Authorization", "Bearer " + token);
    return new Request(request, { headers: headers });
  }

  window.fetch = function (input, init) {
    var request = new Request(input, init);
    if (!isAppRequest(new URL(request.url)) || request.headers.has("Authorization")) {
      return originalFetch(request);
    }
    var retry = request.clone();
    return idToken().then(function (token) {
      return originalFetch(withToken(request, token)).then(function (response) {
        if (response.status !== 401 || response.headers.get(RETRY_HEADER) !== "1") return response;
        return idToken({ force: true }).then(function (fresh) {
          return originalFetch(withToken(retry, fresh));
        });
      });
    });
  };

  // ---- styles ----------------------------------------------------------------------------

  var CHROME_CSS =
    ":host{display:block;font-family:-apple-system,BlinkMacSystemFont,'San Francisco','Segoe UI',Roboto,sans-serif}" +
    ".banner{background:#1a1a1a;color:#fff;padding:6px 16px;font-size:13px;display:flex;gap:8px;align-items:center}" +
    ".banner strong{font-weight:600}" +
    ".nav{display:flex;gap:4px;padding:6px 12px;background:#fff;border-bottom:1px solid #e3e3e3}" +
    ".nav a{color:#303030;text-decoration:none;padding:6px 10px;border-radius:8px;font-size:13px;font-weight:500}" +
    ".nav a:hover{background:#f1f1f1}" +
    ".nav a[aria-current=page]{background:#ebebeb;font-weight:650}" +
    ".nav a:focus-visible{outline:2px solid #005bd3;outline-offset:1px}";

  var OVERLAY_CSS =
    "#demo-app-bridge-toasts{position:fixed;bottom:24px;left:50%;transform:translateX(-50%);display:flex;" +
    "flex-direction:column;gap:8px;z-index:2147483647;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,sans-serif}" +
    ".demo-toast{background:#1a1a1a;color:#fff;padding:10px 14px;border-radius:10px;font-size:14px;display:flex;gap:12px;" +
    "align-items:center;box-shadow:0 4px 12px rgba(0,0,0,.25)}" +
    ".demo-toast--error{background:#8e1f0b}" +
    ".demo-toast button{background:none;border:0;color:inherit;cursor:pointer;font:inherit;padding:0 2px}" +
    "#demo-app-bridge-loading{position:fixed;top:0;left:0;height:3px;width:0;background:#005bd3;z-index:2147483647;" +
    "transition:width 8s cubic-bezier(.1,.7,.3,1)}" +
    "#demo-app-bridge-loading.is-loading{width:85%}";

  // Toasts and the loading bar live outside the React tree. They are created on first use,
  // which is after hydration, so React never finds nodes it did not render.
  function overlayRoot() {
    var root = document.getElementById("demo-app-bridge-overlay");
    if (root) return root;
    root = document.createElement("div");
    root.id = "demo-app-bridge-overlay";
    var style = document.createElement("style");
    style.textContent = OVERLAY_CSS;
    root.appendChild(style);
    document.body.appendChild(root);
    return root;
  }

  // ---- toast -----------------------------------------------------------------------------

  var toastCounter = 0;
  var toastTimers = {};

  function toastRegion() {
    var region = document.getElementById("demo-app-bridge-toasts");
    if (region) return region;
    region = document.createElement("div");
    region.id = "demo-app-bridge-toasts";
    overlayRoot().appendChild(region);
    return region;
  }

  function hideToast(id) {
    var node = document.getElementById(id);
    if (node) node.remove();
    clearTimeout(toastTimers[id]);
    delete toastTimers[id];
  }

  function showToast(message, options) {
    var opts = options || {};
    toastCounter += 1;
    var id = "demo-toast-" + toastCounter;
    var toast = document.createElement("div");
    toast.id = id;
    toast.className = "demo-toast" + (opts.isError ? " demo-toast--error" : "");
    // A live region per toast: screen readers announce it without moving focus.
    toast.setAttribute("role", "status");
    toast.setAttribute("aria-live", opts.isError ? "assertive" : "polite");
    var text = document.createElement("span");
    text.textContent = String(message);
    toast.appendChild(text);
    if (opts.action) {
      var action = document.createElement("button");
      action.type = "button";
      action.textContent = opts.action;
      action.addEventListener("click", function () {
        if (typeof opts.onAction === "function") opts.onAction();
      });
      toast.appendChild(action);
    }
    var dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.setAttribute("aria-label", "Dismiss notification");
    dismiss.textContent = "\u00d7";
    dismiss.addEventListener("click", function () {
      hideToast(id);
      if (typeof opts.onDismiss === "function") opts.onDismiss();
    });
    toast.appendChild(dismiss);
    toastRegion().appendChild(toast);
    toastTimers[id] = setTimeout(
      function () {
        hideToast(id);
      },
      typeof opts.duration === "number" ? opts.duration : 5000,
    );
    return id;
  }

  // ---- loading ---------------------------------------------------------------------------

  var isLoading = false;

  function loading(value) {
    if (typeof value === "undefined") return isLoading;
    isLoading = Boolean(value);
    var bar = document.getElementById("demo-app-bridge-loading");
    if (!bar) {
      bar = document.createElement("div");
      bar.id = "demo-app-bridge-loading";
      bar.setAttribute("role", "progressbar");
      bar.setAttribute("aria-label", "Loading");
      overlayRoot().appendChild(bar);
    }
    bar.classList.toggle("is-loading", isLoading);
    bar.setAttribute("aria-busy", String(isLoading));
    bar.hidden = !isLoading;
    return isLoading;
  }

  // ---- <ui-nav-menu> ---------------------------------------------------------------------
  // In Shopify admin the menu's links appear in the admin's sidebar. Here they render as a
  // top nav, together with the demo banner, in the element's shadow root: React owns the
  // light-DOM <a> children and never sees the shadow tree, so hydration is untouched.
  // Clicking a link dispatches `shopify:navigate` on the original <a>, which AppProvider
  // turns into a Remix navigation.

  var navMenus = new Set();

  function renderNavMenu(menu) {
    var shadow = menu.shadowRoot;
    if (!shadow) return;
    var nav = shadow.querySelector("nav");
    if (!nav) return;
    nav.textContent = "";
    var links = Array.prototype.slice.call(menu.querySelectorAll("a[href]"));
    links.forEach(function (source) {
      var href = source.getAttribute("href") || "/";
      var link = document.createElement("a");
      link.href = href;
      link.textContent = (source.textContent || "").trim() || href;
      var target = new URL(href, window.location.href);
      if (target.pathname === window.location.pathname) link.setAttribute("aria-current", "page");
      link.addEventListener("click", function (event) {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        source.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true, composed: true }));
      });
      nav.appendChild(link);
    });
  }

  function renderAllNavMenus() {
    navMenus.forEach(renderNavMenu);
  }

  class UiNavMenu extends HTMLElement {
    connectedCallback() {
      if (!this.shadowRoot) {
        var shadow = this.attachShadow({ mode: "open" });
        var style = document.createElement("style");
        style.textContent = CHROME_CSS;
        var banner = document.createElement("div");
        banner.className = "banner";
        banner.setAttribute("role", "note");
        var strong = document.createElement("strong");
        strong.textContent = "Demo shop \u2014 simulated Shopify admin";
        var detail = document.createElement("span");
        detail.textContent = config.shop ? "(" + config.shop + ", no real store is touched)" : "";
        banner.appendChild(strong);
        banner.appendChild(detail);
        var nav = document.createElement("nav");
        nav.className = "nav";
        nav.setAttribute("aria-label", "App navigation");
        shadow.appendChild(style);
        shadow.appendChild(banner);
        shadow.appendChild(nav);
        this._observer = new window.MutationObserver(() => renderNavMenu(this));
        this._observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
      }
      navMenus.add(this);
      renderNavMenu(this);
    }

    disconnectedCallback() {
      navMenus.delete(this);
    }
  }

  if (!customElements.get("ui-nav-menu")) customElements.define("ui-nav-menu", UiNavMenu);

  // Remix navigates with the History API, which fires no event: wrap it to keep
  // aria-current on the right link.
  ["pushState", "replaceState"].forEach(function (method) {
    var original = window.history[method];
    window.history[method] = function () {
      var result = original.apply(this, arguments);
      renderAllNavMenus();
      return result;
    };
  });
  window.addEventListener("popstate", renderAllNavMenus);

  // ---- the global ------------------------------------------------------------------------

  window.shopify = {
    config: config,
    origin: window.location.origin,
    ready: Promise.resolve(),
    environment: { embedded: true, mobile: false, pos: false },
    idToken: function () {
      return idToken();
    },
    toast: { show: showToast, hide: hideToast },
    loading: loading,
  };
})();
