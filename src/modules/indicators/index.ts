// The indicators module's public surface. Nothing below it calls it yet: the workbench, the
// dashboards, the monthly reports and the inspection will read indicators through here.
export {};
