/** The message a build worker posts once its modules are evaluated: from then on it may be stopped. */
export const WORKER_LOADED = 'ziping-worker-loaded';
