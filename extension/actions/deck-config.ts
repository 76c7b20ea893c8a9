/** deck-config actions. */
export {};
