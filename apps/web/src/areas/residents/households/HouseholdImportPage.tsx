/** The households' Excel import (`/households/import`): the shared wizard; one row per resident. */
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { ImportWizard } from '../../../components/ImportWizard';

/** The columns of the template, by the field name the report uses. */
const COLUMN_LABELS: Record<string, [string, string]> = {
  orgId: ['村（社区）编号', 'Village number'],
  orgName: ['村（社区）', 'Village or community'],
  address: ['住址', 'Address'],
  headName: ['户主姓名', 'Head of household'],
  tags: ['户类标签', 'Tags'],
  name: ['姓名', 'Name'],
  relation: ['与户主关系', 'Relation'],
  idNumber: ['身份证号码', 'ID number'],
  phone: ['手机号码', 'Mobile phone'],
  note: ['备注', 'Note'],
};

/** The import page. */
export default function HouseholdImportPage() {
  const t = useT();
  return (
    <ImportWizard
      title={t('导入住户', 'Import households')}
      intro={t(
        '请先下载Excel模板，每行填写一名家庭成员；同一住址、同一户主的行归为一户。身份证号码会逐行校验。',
        'Download the Excel template and fill in one resident per row; rows with the same ' +
          'address and head make one household. Every ID number is checked row by row.',
      )}
      templateUrl="/api/households/template"
      uploadUrl="/api/households/import"
      columnLabels={COLUMN_LABELS}
      rejectedCode="residents.import_rejected"
      confirmLabel={(n) => t(`确认导入 ${n} 名居民`, `Import ${n} residents`)}
      doneTitle={(n) => t(`已导入 ${n} 名居民`, `${n} residents imported`)}
      doneLink={<Link to="/households">{t('查看住户列表', 'Open the households')}</Link>}
      invalidate={[['households'], ['service-stats']]}
    />
  );
}
