// The built-in tools' Node-side pieces. The pure ones (calculator, datetime) are also safe in a browser.
export { evaluateExpression, CalculatorError } from "./calculator";
export { computeDateTime, addDuration, DateTimeError, type DateTimeRequest, type DateTimeResult } from "./datetime";
export { createSafeHttpClient, type HttpRequester, type SafeHttpOptions } from "./http-client";
export type { HttpRequest, HttpResult } from "./http-request";
export { HttpToolError, type HostResolver } from "./http-target";
export { blockedAddressReason, isAllowlisted, parseAllowlist } from "./http-address";
