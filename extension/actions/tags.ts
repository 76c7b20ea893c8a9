/** tags actions. */
export {};
