// Text: the one zod builder for text a person types (names, descriptions, titles). It owns which
// characters Plinth refuses, so every schema, every edge and the database agree on the same rule.
export {
  singleLineText,
  multiLineText,
  findForbiddenCharacter,
  forbiddenCharacterMessage,
  stripForbiddenCharacters,
} from './text';
