/** The message a build worker posts once its modules are evaluated: from then on it may be stopped. */
export const WORKER_LOADED = 'ziping-worker-loaded';

/** The message a build worker posts as it starts a form (with the form's file): its time limit starts then. */
export const FORM_STARTED = 'ziping-form-started';
