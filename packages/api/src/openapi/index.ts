// The /api/v1 conventions in one place: operations declared with strict zod schemas, prefixed public
// ids, cursor pages, the error envelope, the middleware chain slots, and the OpenAPI 3.1 document.
export { addRoute, createV1App, validationHook, type V1App, type V1Chain, type V1Env } from './app';
export {
  apiKeyScheme,
  defineRoute,
  documented,
  jsonBody,
  jsonContent,
  sessionCookieScheme,
  type Access,
  type V1Route,
} from './define-route';
export { errorEnvelope, errorResponses, withPublicFieldNames } from './errors';
export { decodeId, encodeId, idPrefixes, publicId, tryDecodeId, type IdPrefix, type IdType } from './ids';
export { iso, isoOrNull, timestamp } from './dates';
export {
  DEFAULT_PAGE_LIMIT,
  MAX_PAGE_LIMIT,
  decodeCursor,
  pageOf,
  pageQuery,
  toPage,
  wholeList,
} from './pagination';
export { API_TITLE, API_VERSION, openApiDocument, type OpenApiDocument } from './document';
export { renderReferencePage } from './reference-page';
