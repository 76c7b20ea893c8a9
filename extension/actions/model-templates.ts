/** model-templates actions. */
export {};
