/** notes actions. */
export {};
