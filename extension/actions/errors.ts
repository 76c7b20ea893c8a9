/** Every error text a client can see, worded as AnkiConnect words it. */
import { pyNameList, pyStrOf } from './python.ts';

export const unsupportedAction = 'unsupported action';
export const invalidApiKey = 'valid api key must be provided';
export const scopesInvalid = 'scopes has invalid value';
export const actionsInvalid = 'actions has invalid value';

export const missingArguments = (action: string, names: readonly string[]) =>
  `AnkiConnect.${action}() missing ${names.length} required positional argument${names.length === 1 ? '' : 's'}: ${pyNameList(names)}`;

export const unexpectedArgument = (action: string, name: string) =>
  `AnkiConnect.${action}() got an unexpected keyword argument '${name}'`;

export const argumentsNotMapping = (action: string, typeName: string) =>
  `AnkiConnect.${action}() argument after ** must be a mapping, not ${typeName}`;

export const noAttributeGet = (typeName: string) => `'${typeName}' object has no attribute 'get'`;

export const versionNotComparable = (typeName: string) =>
  `'<=' not supported between instances of '${typeName}' and 'int'`;

export const collectionUnavailable = 'collection is not available';

// Lookups
export const modelNotFound = (name: unknown) => `model was not found: ${pyStrOf(name)}`;
export const deckNotFound = (name: unknown) => `deck was not found: ${pyStrOf(name)}`;
export const fieldNotFound = (model: string, field: unknown) => `field was not found in ${model}: ${pyStrOf(field)}`;
export const templateNotFound = (model: string, template: unknown) => `template was not found in ${model}: ${pyStrOf(template)}`;
export const cardNotFound = (id: unknown) => `Card was not found: ${pyStrOf(id)}`;
export const noteNotFound = (id: unknown) => `Note was not found: ${pyStrOf(id)}`;

// Notes
export const noteIsEmpty = 'cannot create note because it is empty';
export const noteIsDuplicate = 'cannot create note because it is a duplicate';
export const noteUnknownReason = 'cannot create note for unknown reason';
export const emptyQuestion = 'The field values you have provided would make an empty question on all cards.';
export const optionMustBeBoolean = (name: string) => `option parameter "${name}" must be boolean`;
export const fieldsOrTagsRequired = 'Must provide a "fields" or "tags" property.';
export const notesOrQueryRequired = 'Must provide either "notes" or a "query"';
export const tagsMustBeStrings = 'Must provide tags as a list of strings';

// Models
export const modelNameExists = 'Model name already exists';
export const noFieldsForModel = 'Must provide at least one field for inOrderFields';
export const noTemplatesForModel = 'Must provide at least one card for cardTemplates';
export const fontNotString = (font: unknown) => `font should be a string: ${pyStrOf(font)}`;
export const fontSizeNotInteger = (size: unknown) => `fontSize should be an integer: ${pyStrOf(size)}`;
export const descriptionNotString = (d: unknown) => `description should be a string: ${pyStrOf(d)}`;

// Decks
export const deleteDecksNeedsCardsToo = "Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well";
