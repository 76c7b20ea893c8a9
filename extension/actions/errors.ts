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
export const noteIdRequired = 'Note ID is required';
export const modelNameRequired = 'Model name is required';
export const fieldsMustBeDict = 'Fields must be provided as a dictionary';
export const modelNotFoundQuoted = (name: unknown) => `Model '${pyStrOf(name)}' not found`;
/** Python's TypeError for `key in value` when value is not a container. */
export const argumentNotIterable = (typeName: string) => `argument of type '${typeName}' is not iterable`;
/** Ours: Anki refuses a field value that is not a string (its wording is a protobuf TypeError). */
export const fieldValueNotString = (name: string, typeName: string) => `field value must be a string, not ${typeName}: ${name}`;
/** Ours: audio/video/picture on a note need the media store, which is not built yet. */
export const noteMediaNotSupported = 'audio, video and picture on notes are not supported yet: store the file with storeMediaFile and put its name in a field';
/** Ours: a search query that is not a string (Anki's wording is a protobuf TypeError). */
export const queryNotString = (typeName: string) => `query must be a string, not ${typeName}`;
// guiBrowse's reorderCards (the stray quote is upstream's)
export const reorderCardsNotDict = (value: unknown) => `reorderCards should be a dict: ${pyStrOf(value)}`;
export const reorderCardsKeysMissing = 'Must provide a "columnId" and a "order" property"';
export const invalidCardOrder = (order: unknown) => `invalid card order: ${pyStrOf(order)}`;
export const invalidColumnId = (columnId: unknown) => `invalid columnId: ${pyStrOf(columnId)}`;

// Models
export const modelNameExists = 'Model name already exists';
export const noFieldsForModel = 'Must provide at least one field for inOrderFields';
export const noTemplatesForModel = 'Must provide at least one card for cardTemplates';
export const fontNotString = (font: unknown) => `font should be a string: ${pyStrOf(font)}`;
export const fontSizeNotInteger = (size: unknown) => `fontSize should be an integer: ${pyStrOf(size)}`;
export const descriptionNotString = (d: unknown) => `description should be a string: ${pyStrOf(d)}`;
/** Ours: pylib fails an assert with no message for a field name that is not a string. */
export const fieldNameNotString = (name: unknown) => `field name should be a string: ${pyStrOf(name)}`;
/** Python's KeyError for a missing key of a dict parameter (`model['name']`), given a plain key. */
export const keyError = (key: string) => `'${key}'`;
/** Python's TypeError for `value[key]` (str key) on a list, a str or anything else not a dict. */
export function notSubscriptable(typeName: string): string {
  if (typeName === 'list') return 'list indices must be integers or slices, not str';
  if (typeName === 'str') return "string indices must be integers, not 'str'";
  return `'${typeName}' object is not subscriptable`;
}
export const hasNoLen = (typeName: string) => `object of type '${typeName}' has no len()`;
export const notAnInteger = (typeName: string) => `'${typeName}' object cannot be interpreted as an integer`;
/** `int('x')` failing; `repr` is Python's repr of the string. */
export const invalidIntLiteral = (repr: string) => `invalid literal for int() with base 10: ${repr}`;
export const inRequiresString = (typeName: string) => `'in <string>' requires string as left operand, not ${typeName}`;
export const replaceNeedsString = (typeName: string) => `replace() argument 2 must be str, not ${typeName}`;
/** A JSON value as Anki's JSON reader (serde) names it in errors: integer `5`, string "x", sequence… */
function serdeUnexpected(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return `boolean \`${v}\``;
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return `integer \`${v}\``;
  if (typeof v === 'number') return `floating point \`${v}\``;
  if (typeof v === 'string') return `string ${JSON.stringify(v)}`;
  return Array.isArray(v) ? 'sequence' : 'map';
}
/** Anki's JSON reader refusing a value of the wrong type (`expected` e.g. "a string", "u16"). */
export const jsonInvalidType = (value: unknown, expected: string) => `invalid type: ${serdeUnexpected(value)}, expected ${expected}`;
export const jsonInvalidValue = (value: unknown, expected: string) => `invalid value: ${serdeUnexpected(value)}, expected ${expected}`;

// Decks
export const deleteDecksNeedsCardsToo = "Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well";
export const deckNameNotString = (typeName: string) => `expected deck name as str, got ${typeName}`;
export const cannotDeleteDefaultConfig = "can't delete default conf";

// Tags, decks and presets: Python's own texts for bad parameter types
export const notIterable = (typeName: string) => `'${typeName}' object is not iterable`;
export const noAttribute = (typeName: string, attr: string) => `'${typeName}' object has no attribute '${attr}'`;
export const intArgumentType = (typeName: string) =>
  `int() argument must be a string, a bytes-like object or a real number, not '${typeName}'`;
export const tagsNotString = (typeName: string) => `expected tags as str, got ${typeName}`;
