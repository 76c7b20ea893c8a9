/** Every error text a client can see, worded as AnkiConnect words it. */
import { pyNameList } from './python.ts';

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
