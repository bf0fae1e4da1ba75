// The public surface of the accounts module's web code: what the app shell and other modules' pages may use.
/** This module's screens, each its own chunk, loaded when first shown (src/web/router.tsx). */
export const accountsScreens = {
  LoginPage: () => import('./login-page').then((m) => m.LoginPage),
  SetupPage: () => import('./setup-page').then((m) => m.SetupPage),
  ChangePasswordPage: () => import('./change-password-page').then((m) => m.ChangePasswordPage),
  UsersPage: () => import('./users-page').then((m) => m.UsersPage),
  AccountsHandoutPage: () => import('./accounts-handout-page').then((m) => m.AccountsHandoutPage),
  MyAccountPage: () => import('./my-account-page').then((m) => m.MyAccountPage),
};
