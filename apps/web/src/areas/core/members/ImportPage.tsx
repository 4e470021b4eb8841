/** The members' import page (`/members/import`): the shared wizard with the roster's columns. */
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { ImportWizard } from '../../../components/ImportWizard';

/** The roster columns of the template, by the field name the report uses. */
const COLUMN_LABELS: Record<string, [string, string]> = {
  name: ['姓名', 'Name'],
  gender: ['性别', 'Sex'],
  idNumber: ['身份证号码', 'ID number'],
  orgId: ['所在党组织编号', 'Organization number'],
  orgName: ['所在党组织', 'Organization'],
  joinedAt: ['入党时间', 'Date joined'],
  fullMemberAt: ['转正时间', 'Full member since'],
  status: ['党员状态', 'Status'],
  phone: ['手机号码', 'Mobile phone'],
  ethnicity: ['民族', 'Ethnicity'],
  education: ['学历', 'Education'],
  category: ['人员类别', 'Category'],
  birthDate: ['出生日期', 'Birth date'],
};

/** The import page (`/members/import`). */
export default function ImportPage() {
  const t = useT();
  return (
    <ImportWizard
      title={t('批量导入党员', 'Import members')}
      intro={t(
        '请先下载Excel模板，按模板的列填写党员信息（每行一人），身份证号码会逐行校验。',
        'Download the Excel template and fill in one member per row; every ID number is checked row by row.',
      )}
      templateUrl="/api/members/import-template"
      uploadUrl="/api/members/import"
      columnLabels={COLUMN_LABELS}
      rejectedCode="members.import_rejected"
      confirmLabel={(n) => t(`确认导入 ${n} 人`, `Import ${n} members`)}
      doneTitle={(n) => t(`已导入 ${n} 名党员`, `${n} members imported`)}
      doneLink={<Link to="/members?sort=createdAt&order=desc">{t('查看党员名册', 'Open the roster')}</Link>}
      invalidate={[['members'], ['stats']]}
    />
  );
}
