/** model-fields actions. */
export {};
