// The funding module's public surface (docs/ARCHITECTURE.md, "Module map"): the indicators read
// the year's spending through here.
import { registerUploadPurpose } from '../files';
import { canRecordExpense, EXPENSE_ROLES } from './funding.policy';

export { fundingSpentUnder } from './funding.service';

// Who may upload an invoice photo (files sits below funding and asks the owner).
registerUploadPurpose('expense_invoice', { roles: EXPENSE_ROLES, canUpload: canRecordExpense });

// Its routes, registered by src/server/modules.ts.
export { fundingRoutes } from './funding.routes';
