/** media actions. */
export {};
