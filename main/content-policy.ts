// The Content-Security-Policy of every page of the app: its own scripts only, no eval, nothing from the network.
// renderer/index.html carries the same policy in a <meta> tag (the desktop app loads it from file://, where no
// header is sent); a test keeps the two equal.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The part a <meta> tag can carry (browsers ignore frame-ancestors there). */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'$/, '');
