/** cards-info actions. */
export {};
