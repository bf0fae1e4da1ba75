import { Fragment } from 'react';
import { Result, Button } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { formatDate } from '../../../shared/china-time';
import { ROLE_LABELS } from '../../../shared/roles';
import { PrintPage } from '../../../web/components/print-page';
import { useI18n } from '../../../web/i18n/i18n';
import type { BulkAccount, BulkAccountsResult } from '../account.contract';
import { M } from './users.messages';

type Handout = BulkAccountsResult & { nodeName: string };

/**
 * 账号发放单: the accounts just made, one sheet per town (its office and its centres), to hand
 * out at the kick-off meeting. The one-time passwords exist only here, in this page's memory:
 * after a reload they are gone (an admin then sets a new password for the account).
 */
export function AccountsHandoutPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const handout = useLocation().state as Handout | null;
  const back = () => navigate('/users');
  if (!handout?.accounts)
    return (
      <Result
        status="info"
        title={t(M.handoutGone)}
        extra={
          <Button type="primary" size="large" onClick={back}>
            {t(M.handoutBack)}
          </Button>
        }
      />
    );
  if (handout.accounts.length === 0)
    return (
      <Result
        status="success"
        title={t(M.handoutNone, { skipped: handout.skipped })}
        extra={
          <Button type="primary" size="large" onClick={back}>
            {t(M.handoutBack)}
          </Button>
        }
      />
    );
  const towns = new Map<string, BulkAccount[]>();
  for (const a of handout.accounts) towns.set(a.townName, [...(towns.get(a.townName) ?? []), a]);
  const site = window.location.origin;
  return (
    <PrintPage
      onBack={back}
      backLabel={t(M.handoutBack)}
      css=".print-town + .print-town { break-before: page; } .pw { font-family: monospace; font-size: 16px; letter-spacing: 1px; }"
    >
      {[...towns].map(([town, accounts]) => (
        <section className="print-town" key={town}>
          <h1>{t(M.handoutTitle, { town })}</h1>
          <p>{t(M.handoutIntro, { site })}</p>
          <table>
            <thead>
              <tr>
                <th className="num">{t(M.handoutNo)}</th>
                <th>{t(M.handoutNode)}</th>
                <th>{t(M.roles)}</th>
                <th>{t(M.username)}</th>
                <th>{t(M.handoutPassword)}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a, i) => (
                <Fragment key={a.nodeId}>
                  <tr>
                    <td className="num">{i + 1}</td>
                    <td>{a.nodeName}</td>
                    <td>{label(ROLE_LABELS[a.role])}</td>
                    <td className="pw">{a.username}</td>
                    <td className="pw">{a.password}</td>
                  </tr>
                </Fragment>
              ))}
            </tbody>
          </table>
          <p className="print-sign">{t(M.handoutDate, { date: formatDate(new Date()) })}</p>
        </section>
      ))}
    </PrintPage>
  );
}
