// Every module's routes and public surfaces are loaded before any test runs, so the domain-event
// listeners a module registers in its index.ts (src/server/events.ts) are there even for a test
// that calls a service directly, exactly as in the app.
import '../src/server/modules';
