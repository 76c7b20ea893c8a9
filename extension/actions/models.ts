/** models actions. */
export {};
