/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in member of staff on a console route (set by src/middleware.ts), with the token their forms carry back. */
    staff?: import('./server/auth/sessions.ts').StaffSession;
    /** A console POST's form, read once by the middleware (src/server/auth/console-gate.ts). */
    posted?: import('./server/http/body.ts').PostedForm;
  }
}
