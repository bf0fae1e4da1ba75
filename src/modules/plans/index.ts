// The public surface of the plans module (年度计划, 配档表): its routes only; no other module calls it.
export { planRoutes } from './plans.routes';
