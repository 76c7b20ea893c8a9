/** gui actions. */
export {};
