/** The transfers' Excel import (`/transfers/import`): letters into and out of the county in the national columns. */
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { ImportWizard } from '../../../components/ImportWizard';

/** The columns of the template, by the field name the report uses. */
const COLUMN_LABELS: Record<string, [string, string]> = {
  name: ['姓名', 'Name'],
  gender: ['性别', 'Sex'],
  idNumber: ['身份证号', 'ID number'],
  fromOrg: ['转出党组织', 'Sending organization'],
  toOrg: ['转入党组织', 'Receiving organization'],
  letterNo: ['介绍信编号', 'Letter number'],
  validUntil: ['有效期', 'Valid until'],
  duesPaidTo: ['党费交至', 'Dues paid to'],
  kind: ['转接类型', 'Kind'],
  date: ['办理日期', 'Date'],
  joinedAt: ['入党日期', 'Joined'],
};

/** The import page. */
export default function TransferImportPage() {
  const t = useT();
  return (
    <ImportWizard
      title={t('转接导入', 'Import transfers')}
      intro={t(
        '使用全国党员管理信息系统“组织关系转接”的列格式：每行一封介绍信，转接类型填“转入”（从系统外转入本县）或“转出”（本县党员转出到系统外）。全部无误才导入。',
        'The national system’s columns: one letter per row, kind “转入” (into the county) or “转出” (out of it). ' +
          'Nothing is imported unless every row is right.',
      )}
      templateUrl="/api/transfers/template"
      uploadUrl="/api/transfers/import"
      columnLabels={COLUMN_LABELS}
      rejectedCode="transfers.import_rejected"
      confirmLabel={(n) => t(`确认导入 ${n} 封介绍信`, `Import ${n} letters`)}
      doneTitle={(n) => t(`已导入 ${n} 封介绍信`, `${n} letters imported`)}
      doneLink={<Link to="/transfers">{t('查看组织关系转接', 'Open the transfers')}</Link>}
      invalidate={[['transfers']]}
    />
  );
}
