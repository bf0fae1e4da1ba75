// The public surface of the imports module (居民名册导入导出): its routes only; no other module calls it.
export { importRoutes } from './imports.routes';
