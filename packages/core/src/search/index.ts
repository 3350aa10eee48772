// Search: full-text and typo-tolerant search over a workspace's projects and members, in the
// tenant transaction (docs/decisions/0035). The API's /search route and the ⌘K palette call it.
export { searchWorkspace, prefixQuery, TYPO_THRESHOLD, type SearchHit } from './search';
export { searchInput, SEARCH_QUERY_MAX, type SearchInput } from './schemas';
