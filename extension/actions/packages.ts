/** packages actions. */
export {};
