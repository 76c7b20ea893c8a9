/** cards actions. */
export {};
