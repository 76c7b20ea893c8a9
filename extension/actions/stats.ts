/** stats actions. */
export {};
