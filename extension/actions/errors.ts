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
/** Python's IndexError for `list[i]` past the end. */
export const listIndexOutOfRange = 'list index out of range';
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

// Statistics (ours: upstream pastes review values into SQL text, or binds them, and fails with SQLite's or Python's texts)
export const reviewsNotList = (typeName: string) => `reviews must be a list of reviews, not ${typeName}`;
export const reviewNotNineValues = (index: number, value: unknown) =>
  `reviews[${index}] must be a list of 9 integers [id, cid, usn, ease, ivl, lastIvl, factor, time, type], not ${pyStrOf(value)}`;
export const reviewValueInvalid = (index: number, column: string, value: unknown, min: number, max: number) =>
  `reviews[${index}]: ${column} must be an integer from ${min} to ${max}, not ${pyStrOf(value)}`;
export const reviewIdsTaken = (ids: readonly number[]) =>
  `review id${ids.length === 1 ? '' : 's'} already in use (in the collection or twice in reviews): ${ids.join(', ')}`;
export const startIdNotNumber = (typeName: string) => `startID must be a number, not ${typeName}`;
export const cardIdNotNumber = (typeName: string) => `card ids must be integers, not ${typeName}`;

// Media (Python's own texts where AnkiConnect lets them through; `repr` arguments are already Python reprs)
export const mediaSourceRequired = 'You must provide a "data", "path", or "url" field.';
export const downloadFailed = (url: string, status: number) => `${url} download failed with return code ${status}`;
export const base64NotBytes = (typeName: string) => `argument should be a bytes-like object or ASCII string, not '${typeName}'`;
export const base64NotAscii = 'string argument should contain only ASCII characters';
export const base64IncorrectPadding = 'Incorrect padding';
export const base64BadLength = (chars: number) =>
  `Invalid base64-encoded string: number of data characters (${chars}) cannot be 1 more than a multiple of 4`;
export const pathLikeExpected = (typeName: string) => `expected str, bytes or os.PathLike object, not ${typeName}`;
export const joinArgumentType = (typeName: string) => `join() argument must be str, bytes, or os.PathLike object, not '${typeName}'`;
export const badArgumentType = 'bad argument type for built-in operation';
export const osError = (errno: number, strerror: string, pathRepr: string) => `[Errno ${errno}] ${strerror}: ${pathRepr}`;
export const urlNoScheme = (urlRepr: string, url: string) => `Invalid URL ${urlRepr}: No scheme supplied. Perhaps you meant https://${url}?`;
export const urlNoAdapter = (urlRepr: string) => `No connection adapters were found for ${urlRepr}`;
export const urlNoHost = (urlRepr: string) => `Invalid URL ${urlRepr}: No host supplied`;
export const urlUnparsable = (url: string) => `Failed to parse: ${url}`;
export const downloadTimedOut = (pool: string, seconds: string) => `${pool}: Read timed out. (read timeout=${seconds})`;
export const downloadConnectionFailed = (pool: string, path: string, detail: string) =>
  `${pool}: Max retries exceeded with url: ${path} (Caused by NewConnectionError("Failed to establish a new connection: ${detail}"))`;
export const hostNotConnected = 'the native host is not connected, so files outside the browser cannot be reached';

// Cards (Python's, protobuf's and Anki's own texts where AnkiConnect lets them through)
export const invalidEase = 'invalid ease';
export const stringIndexOutOfRange = 'string index out of range';
export const attributeNameNotString = (typeName: string) => `attribute name must be string, not '${typeName}'`;
export const valueOutOfRange = (value: unknown) => `Value out of range: ${pyStrOf(value)}`;
export const invalidCardType = 'invalid card type';
export const invalidCardQueue = 'invalid card queue';
export const noSuchCard = (id: unknown) =>
  `Your database appears to be in an inconsistent state. Please use the Check Database action. No such card: '${pyStrOf(id)}'`;
/** Ours: Anki would save the card over another card that has this id. */
export const cardIdTaken = (id: unknown) => `another card already has the id ${pyStrOf(id)}`;
/** A due-date number that does not fit (`errors-parse-number-fail`). */
export const numberInvalidOrOutOfRange = 'A number was invalid or out of range.';

// Packages and their page
/** Ours: a gui action run where no browser can show the extension's pages (the engine alone, in Node). */
export const pagesUnavailable = 'the extension pages cannot be opened here';

/** Ours: setDueDate with days "" (Anki's own text would be the empty input). */
export const emptyDueDate = 'days must not be empty: give a number of days ("3"), "3!" or a range ("3-7")';
