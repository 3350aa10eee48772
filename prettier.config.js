// Formatting for the whole repo (`npm run format`, checked by `npm run format:check` in validate).
/** @type {import('prettier').Config} */
export default {
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  printWidth: 110,
  tabWidth: 2,
  useTabs: false,
};
