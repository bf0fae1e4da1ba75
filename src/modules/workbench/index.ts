// The public surface of the workbench module (工作台): its routes only; it reads the others, none reads it.
export { workbenchRoutes } from './workbench.routes';
